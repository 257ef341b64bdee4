/**
 * The table ROPs (MS-OXCTABL, with RopGetHierarchyTable and RopGetContentsTable of MS-OXCFOLD):
 * request and response codecs, the {@link io.convene.mapi.rop.table.TableObject} a client holds a
 * handle to, and its row sources. A table keeps only its view (columns, sort, restriction), cursor
 * and bookmarks; rows are read from the store afresh on every QueryRows, so they reflect the store
 * at that moment (issue 6). Confined to the session's thread like every server object.
 */
package io.convene.mapi.rop.table;
