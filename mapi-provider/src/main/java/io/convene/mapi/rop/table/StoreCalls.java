package io.convene.mapi.rop.table;

import io.convene.api.store.StoreException;
import io.convene.mapi.rop.RopException;

/** Runs a store call and reports its failure as the ROP error the store names (MS-OXCDATA 2.4). */
final class StoreCalls {

  @FunctionalInterface
  interface StoreCall<T> {
    T run() throws StoreException;
  }

  private StoreCalls() {}

  static <T> T call(StoreCall<T> call) throws RopException {
    try {
      return call.run();
    } catch (StoreException e) {
      throw new RopException(e.error().mapiCode(), e.getMessage());
    }
  }
}
