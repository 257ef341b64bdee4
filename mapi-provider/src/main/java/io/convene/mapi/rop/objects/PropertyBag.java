package io.convene.mapi.rop.objects;

import io.convene.api.store.StoreException;
import java.util.Map;

/**
 * The properties of a server object as the property ROPs read them: tag to value in the {@link
 * io.convene.mapi.rop.data.PropertyValueCodec} representation. Folder and store objects compute
 * theirs from the store's folder information; messages read their item.
 */
@FunctionalInterface
public interface PropertyBag {

  Map<Integer, Object> properties() throws StoreException;
}
