package io.convene.mapi.rop.table;

import io.convene.mapi.rop.RopDefinition;
import io.convene.mapi.rop.RopFamily;
import io.convene.mapi.rop.RopRegistry;
import io.convene.mapi.rop.data.RestrictionCodec;
import io.convene.mapi.rop.data.RestrictionLimits;
import io.convene.mapi.rop.data.SortOrderSetCodec;
import io.convene.mapi.rop.table.TableRequests.BareRequest;
import io.convene.mapi.rop.table.TableRequests.CollapseRowRequest;
import io.convene.mapi.rop.table.TableRequests.ExpandRowRequest;
import io.convene.mapi.rop.table.TableRequests.FindRowRequest;
import io.convene.mapi.rop.table.TableRequests.FreeBookmarkRequest;
import io.convene.mapi.rop.table.TableRequests.GetCollapseStateRequest;
import io.convene.mapi.rop.table.TableRequests.OpenTableRequest;
import io.convene.mapi.rop.table.TableRequests.QueryRowsRequest;
import io.convene.mapi.rop.table.TableRequests.RestrictRequest;
import io.convene.mapi.rop.table.TableRequests.SeekRowBookmarkRequest;
import io.convene.mapi.rop.table.TableRequests.SeekRowFractionalRequest;
import io.convene.mapi.rop.table.TableRequests.SeekRowRequest;
import io.convene.mapi.rop.table.TableRequests.SetCollapseStateRequest;
import io.convene.mapi.rop.table.TableRequests.SetColumnsRequest;
import io.convene.mapi.rop.table.TableRequests.SortTableRequest;

/**
 * The MS-OXCTABL ROPs, and RopGetHierarchyTable/RopGetContentsTable of MS-OXCFOLD that open tables.
 * Every ROP has its codec and handler; what the store cannot do (categorized views, associated
 * contents, sorting or restricting folder lists) is answered with the documented error.
 */
public final class TableRops implements RopFamily {

  private final TableHandlers handlers;

  public TableRops() {
    this(RestrictionLimits.DEFAULT);
  }

  public TableRops(RestrictionLimits limits) {
    this.handlers =
        new TableHandlers(RestrictionCodec.forRops(limits), new SortOrderSetCodec(SortTableRequest.MAX_SORTS));
  }

  @Override
  public void register(RopRegistry.Builder registry) {
    registry
        .add(RopDefinition.of(
            TableRopIds.GET_HIERARCHY_TABLE, "RopGetHierarchyTable",
            OpenTableRequest::decode, handlers::getHierarchyTable))
        .add(RopDefinition.of(
            TableRopIds.GET_CONTENTS_TABLE, "RopGetContentsTable",
            OpenTableRequest::decode, handlers::getContentsTable))
        .add(RopDefinition.of(
            TableRopIds.SET_COLUMNS, "RopSetColumns",
            SetColumnsRequest::decode, handlers::setColumns))
        .add(RopDefinition.of(
            TableRopIds.SORT_TABLE, "RopSortTable",
            SortTableRequest::decode, handlers::sortTable))
        .add(RopDefinition.of(
            TableRopIds.RESTRICT, "RopRestrict",
            RestrictRequest::decode, handlers::restrict))
        .add(RopDefinition.of(
            TableRopIds.QUERY_ROWS, "RopQueryRows",
            QueryRowsRequest::decode, handlers::queryRows))
        .add(RopDefinition.of(
            TableRopIds.GET_STATUS, "RopGetStatus",
            BareRequest::decode, handlers::getStatus))
        .add(RopDefinition.of(
            TableRopIds.QUERY_POSITION, "RopQueryPosition",
            BareRequest::decode, handlers::queryPosition))
        .add(RopDefinition.of(
            TableRopIds.SEEK_ROW, "RopSeekRow",
            SeekRowRequest::decode, handlers::seekRow))
        .add(RopDefinition.of(
            TableRopIds.SEEK_ROW_BOOKMARK, "RopSeekRowBookmark",
            SeekRowBookmarkRequest::decode, handlers::seekRowBookmark))
        .add(RopDefinition.of(
            TableRopIds.SEEK_ROW_FRACTIONAL, "RopSeekRowFractional",
            SeekRowFractionalRequest::decode, handlers::seekRowFractional))
        .add(RopDefinition.of(
            TableRopIds.CREATE_BOOKMARK, "RopCreateBookmark",
            BareRequest::decode, handlers::createBookmark))
        .add(RopDefinition.of(
            TableRopIds.ABORT, "RopAbort",
            BareRequest::decode, handlers::abort))
        .add(RopDefinition.of(
            TableRopIds.QUERY_COLUMNS_ALL, "RopQueryColumnsAll",
            BareRequest::decode, handlers::queryColumnsAll))
        .add(RopDefinition.of(
            TableRopIds.FIND_ROW, "RopFindRow",
            FindRowRequest::decode, handlers::findRow))
        .add(RopDefinition.of(
            TableRopIds.EXPAND_ROW, "RopExpandRow",
            ExpandRowRequest::decode, handlers::expandRow))
        .add(RopDefinition.of(
            TableRopIds.COLLAPSE_ROW, "RopCollapseRow",
            CollapseRowRequest::decode, handlers::collapseRow))
        .add(RopDefinition.of(
            TableRopIds.GET_COLLAPSE_STATE, "RopGetCollapseState",
            GetCollapseStateRequest::decode, handlers::getCollapseState))
        .add(RopDefinition.of(
            TableRopIds.SET_COLLAPSE_STATE, "RopSetCollapseState",
            SetCollapseStateRequest::decode, handlers::setCollapseState))
        .add(RopDefinition.of(
            TableRopIds.RESET_TABLE, "RopResetTable",
            BareRequest::decode, handlers::resetTable))
        .add(RopDefinition.of(
            TableRopIds.FREE_BOOKMARK, "RopFreeBookmark",
            FreeBookmarkRequest::decode, handlers::freeBookmark));
  }
}
