package io.convene.mapi.rop.store;

import io.convene.api.store.StoreException;
import io.convene.mapi.rop.RopException;

/** MS-OXCDATA 2.4 codes the store ROPs return beyond the engine's own, and the store mapping. */
public final class StoreErrors {

  public static final int NOT_FOUND = 0x8004010F;
  public static final int ACCESS_DENIED = 0x80070005;
  public static final int LOGIN_FAILURE = 0x80040111;
  public static final int UNKNOWN_USER = 0x000003EB;

  private StoreErrors() {}

  /** A store failure as the ROP error the store names for it. */
  public static RopException of(StoreException e) {
    return new RopException(e.error().mapiCode(), e.getMessage());
  }
}
