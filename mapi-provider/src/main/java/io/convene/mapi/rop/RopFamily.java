package io.convene.mapi.rop;

/**
 * One group of ROPs, usually those of one specification document (MS-OXCSTOR, MS-OXCTABL...).
 * Each family adds its definitions to the registry; adding ROPs means adding a family class.
 */
@FunctionalInterface
public interface RopFamily {

  void register(RopRegistry.Builder registry);
}
