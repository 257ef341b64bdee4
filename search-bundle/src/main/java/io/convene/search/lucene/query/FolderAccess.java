package io.convene.search.lucene.query;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;

/** Whether a caller may read the items of another account's contacts folder. */
@FunctionalInterface
public interface FolderAccess {

  boolean mayRead(Caller caller, long ownerId, FolderId folder);
}
