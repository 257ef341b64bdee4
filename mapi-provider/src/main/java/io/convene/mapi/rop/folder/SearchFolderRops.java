package io.convene.mapi.rop.folder;

import io.convene.api.store.FolderId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SearchCriteria;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.api.store.query.Restriction;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopCall;
import io.convene.mapi.rop.RopException;
import io.convene.mapi.rop.data.RestrictionCodec;
import io.convene.mapi.rop.data.RestrictionLimits;
import io.convene.mapi.rop.folder.FolderRequests.GetSearchCriteriaRequest;
import io.convene.mapi.rop.folder.FolderRequests.SetSearchCriteriaRequest;
import io.convene.mapi.rop.objects.FolderObject;
import io.convene.mapi.rop.store.StoreErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * RopSetSearchCriteria and RopGetSearchCriteria (MS-OXCFOLD 3.2.5.4, 3.2.5.5) on a search folder.
 * The store keeps the criteria durably and evaluates them whenever the folder's contents table is
 * read, so a search is complete as soon as it is set (SearchFlags SEARCH_COMPLETE, never REBUILD).
 */
final class SearchFolderRops {

  /** ecNotSearchFolder: the folder is not a search folder (MS-OXCFOLD 3.2.5.4). */
  static final int NOT_SEARCH_FOLDER = 0x00000461;
  /** ecSearchFolderScopeViolation: the scope names the search folder itself. */
  static final int SCOPE_VIOLATION = 0x00000490;
  /** MAPI_E_NOT_INITIALIZED: no criteria were ever set on the folder. */
  static final int NOT_INITIALIZED = 0x80040605;

  private final RestrictionCodec restrictions;

  SearchFolderRops(RestrictionLimits limits) {
    this.restrictions = RestrictionCodec.forRops(limits);
  }

  void set(SetSearchCriteriaRequest request, RopCall call) throws RopException {
    FolderObject folder = call.inputObject(FolderObject.class);
    requireSearchFolder(folder);
    Restriction restriction = null;
    if (request.restriction().length > 0) {
      try {
        restriction = restrictions.decodeAll(request.restriction());
      } catch (WireFormatException e) {
        throw new RopException(ErrorCodes.INVALID_PARAMETER, "restriction: " + e.getMessage());
      }
    }
    List<FolderId> scope = new ArrayList<>(request.folderIds().length);
    for (long id : request.folderIds()) {
      FolderId folderId = FolderId.fromLong(id);
      if (folderId.equals(folder.id())) {
        throw new RopException(SCOPE_VIOLATION, "a search folder cannot search itself");
      }
      scope.add(folderId);
    }
    if (request.searchFlags() > Integer.MAX_VALUE) {
      throw new RopException(ErrorCodes.INVALID_PARAMETER, "SearchFlags 0x" + Long.toHexString(request.searchFlags()));
    }
    try {
      folder.logon().mailbox().setSearchCriteria(folder.id(), restriction, scope, (int) request.searchFlags());
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
    call.out().u8(request.header().ropId()).u8(request.header().inputHandleIndex()).u32(ErrorCodes.SUCCESS);
  }

  void get(GetSearchCriteriaRequest request, RopCall call) throws RopException {
    FolderObject folder = call.inputObject(FolderObject.class);
    requireSearchFolder(folder);
    SearchCriteria criteria;
    try {
      criteria = folder.logon().mailbox().searchCriteria(folder.id());
    } catch (StoreException e) {
      if (e.error() == StoreError.NOT_FOUND) {
        throw new RopException(NOT_INITIALIZED, "no search criteria were set on this folder");
      }
      throw StoreErrors.of(e);
    }
    byte[] restriction = new byte[0];
    if (request.includeRestriction()) {
      Restriction tree = request.useUnicode() ? criteria.restriction() : String8.of(criteria.restriction());
      restriction = restrictions.encode(tree);
      if (restriction.length > 0xFFFF) {
        throw new RopException(ErrorCodes.OUT_OF_MEMORY, "the restriction does not fit RestrictionDataSize");
      }
    }
    long[] folders = request.includeFolders()
        ? criteria.scope().stream().mapToLong(FolderId::toLong).toArray()
        : new long[0];
    call.out().u8(request.header().ropId()).u8(request.header().inputHandleIndex()).u32(ErrorCodes.SUCCESS);
    new GetSearchCriteriaResponse(restriction, request.header().logonId(), folders, criteria.state()).write(call.out());
  }

  private static void requireSearchFolder(FolderObject folder) throws RopException {
    try {
      if (!folder.logon().mailbox().folder(folder.id()).search()) {
        throw new RopException(NOT_SEARCH_FOLDER, folder.id() + " is not a search folder");
      }
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
  }

  /** A restriction with its Unicode strings as 8-bit ones, for a client that asked for no Unicode. */
  static final class String8 {

    private String8() {}

    static Restriction of(Restriction restriction) {
      if (restriction instanceof Restriction.And and) {
        return new Restriction.And(and.children().stream().map(String8::of).toList());
      }
      if (restriction instanceof Restriction.Or or) {
        return new Restriction.Or(or.children().stream().map(String8::of).toList());
      }
      if (restriction instanceof Restriction.Not not) {
        return new Restriction.Not(of(not.child()));
      }
      if (restriction instanceof Restriction.Content content) {
        return new Restriction.Content(content.low(), content.high(), tag(content.tag()), value(content.value()));
      }
      if (restriction instanceof Restriction.Property property) {
        return new Restriction.Property(property.relop(), tag(property.tag()), value(property.value()));
      }
      if (restriction instanceof Restriction.CompareProperties compare) {
        return new Restriction.CompareProperties(compare.relop(), tag(compare.tag1()), tag(compare.tag2()));
      }
      if (restriction instanceof Restriction.Size size) {
        return new Restriction.Size(size.relop(), tag(size.tag()), size.size());
      }
      if (restriction instanceof Restriction.Exist exist) {
        return new Restriction.Exist(tag(exist.tag()));
      }
      if (restriction instanceof Restriction.SubObject sub) {
        return new Restriction.SubObject(sub.subObject(), of(sub.child()));
      }
      if (restriction instanceof Restriction.Comment comment) {
        return new Restriction.Comment(comment.taggedValues().stream().map(String8::value).toList(),
            comment.optionalChild().map(String8::of).orElse(null));
      }
      if (restriction instanceof Restriction.Count count) {
        return new Restriction.Count(count.count(), of(count.child()));
      }
      return restriction; // Bitmask: an integer property
    }

    private static PropTag tag(PropTag tag) {
      if (tag.type() == PropType.PT_UNICODE) {
        return PropTag.of(tag.id(), PropType.PT_STRING8);
      }
      if (tag.type() == PropType.PT_MV_UNICODE) {
        return PropTag.of(tag.id(), PropType.PT_MV_STRING8);
      }
      return tag;
    }

    private static PropValue value(PropValue value) {
      PropTag tag = tag(value.tag());
      return tag.equals(value.tag()) ? value : PropValue.of(tag, value.value());
    }
  }
}
