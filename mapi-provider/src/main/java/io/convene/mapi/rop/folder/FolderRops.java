package io.convene.mapi.rop.folder;

import io.convene.api.store.FolderDeletion;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopCall;
import io.convene.mapi.rop.RopDefinition;
import io.convene.mapi.rop.RopException;
import io.convene.mapi.rop.RopFamily;
import io.convene.mapi.rop.RopRegistry;
import io.convene.mapi.rop.folder.FolderRequests.CreateFolderRequest;
import io.convene.mapi.rop.folder.FolderRequests.DeleteFolderRequest;
import io.convene.mapi.rop.folder.FolderRequests.GetSearchCriteriaRequest;
import io.convene.mapi.rop.folder.FolderRequests.OpenFolderRequest;
import io.convene.mapi.rop.folder.FolderRequests.SetSearchCriteriaRequest;
import io.convene.mapi.rop.objects.FolderObject;
import io.convene.mapi.rop.objects.MailboxLogon;
import io.convene.mapi.rop.store.StoreErrors;

/**
 * The MS-OXCFOLD ROPs. OpenFolder, CreateFolder (generic and search folders), DeleteFolder,
 * SetSearchCriteria and GetSearchCriteria are handled.
 */
public final class FolderRops implements RopFamily {

  private final SearchFolderRops search = new SearchFolderRops(io.convene.mapi.rop.data.RestrictionLimits.DEFAULT);

  @Override
  public void register(RopRegistry.Builder registry) {
    registry.add(RopDefinition.of(FolderRequests.OPEN_FOLDER, "RopOpenFolder", OpenFolderRequest::decode, FolderRops::open));
    registry.add(RopDefinition.of(
        FolderRequests.CREATE_FOLDER, "RopCreateFolder", CreateFolderRequest::decode, FolderRops::create));
    registry.add(RopDefinition.of(
        FolderRequests.DELETE_FOLDER, "RopDeleteFolder", DeleteFolderRequest::decode, FolderRops::delete));
    registry.add(RopDefinition.of(
        FolderRequests.SET_SEARCH_CRITERIA, "RopSetSearchCriteria", SetSearchCriteriaRequest::decode, search::set));
    registry.add(RopDefinition.of(
        FolderRequests.GET_SEARCH_CRITERIA, "RopGetSearchCriteria", GetSearchCriteriaRequest::decode, search::get));
  }

  /** The logon of the input object: OpenFolder takes a Logon or a Folder (MS-OXCFOLD 2.2.1.1.1). */
  static MailboxLogon logon(RopCall call) throws RopException {
    Object input = call.inputObject();
    if (input instanceof MailboxLogon logon) {
      return logon;
    }
    if (input instanceof FolderObject folder) {
      return folder.logon();
    }
    throw new RopException(ErrorCodes.NOT_SUPPORTED, "OpenFolder on a " + input.getClass().getSimpleName());
  }

  private static void open(OpenFolderRequest request, RopCall call) throws RopException {
    MailboxLogon logon = logon(call);
    FolderId id = FolderId.fromLong(request.folderId());
    FolderInfo info;
    try {
      info = logon.mailbox().folder(id);
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
    call.putObject(request.outputHandleIndex(),
        new FolderObject(logon, id, java.util.Optional.of(info), call.session().readStretch()));
    call.out().u8(request.header().ropId()).u8(request.outputHandleIndex()).u32(ErrorCodes.SUCCESS);
    call.out().u8(0).u8(0); // HasRules: no rules yet; IsGhosted: private folders never are
  }

  private static void create(CreateFolderRequest request, RopCall call) throws RopException {
    FolderObject parent = call.inputObject(FolderObject.class);
    boolean search = request.folderType() == CreateFolderRequest.SEARCH;
    if (request.folderType() != CreateFolderRequest.GENERIC && !search) {
      throw new RopException(ErrorCodes.INVALID_PARAMETER, "FolderType " + request.folderType());
    }
    FolderInfo folder;
    boolean existing = false;
    try {
      // Outlook creates its finder folders (Reminders, To-Do Search...) at start with OpenExisting
      folder = search
          ? parent.logon().mailbox().createSearchFolder(parent.id(), request.displayName())
          : parent.logon().mailbox().createFolder(parent.id(), request.displayName(), null);
    } catch (StoreException e) {
      if (e.error() != StoreError.DUPLICATE_NAME || !request.openExisting()) {
        throw StoreErrors.of(e);
      }
      folder = existing(parent, request.displayName());
      existing = true;
    }
    call.putObject(request.outputHandleIndex(), new FolderObject(parent.logon(), folder.id()));
    call.out().u8(request.header().ropId()).u8(request.outputHandleIndex()).u32(ErrorCodes.SUCCESS);
    new CreateFolderResponse(folder.id().toLong(), existing, false).write(call.out());
  }

  /**
   * RopDeleteFolder (MS-OXCFOLD 3.2.5.3) on a subfolder of the input folder. Contents the flags do
   * not cover, or that the caller may not delete, leave everything in place with PartialCompletion.
   */
  private static void delete(DeleteFolderRequest request, RopCall call) throws RopException {
    FolderObject parent = call.inputObject(FolderObject.class);
    if ((request.deleteFolderFlags() & ~DeleteFolderRequest.VALID_FLAGS) != 0) {
      throw new RopException(ErrorCodes.INVALID_PARAMETER, "DeleteFolderFlags 0x" + Integer.toHexString(request.deleteFolderFlags()));
    }
    FolderId id = FolderId.fromLong(request.folderId());
    boolean deleted;
    try {
      FolderInfo folder = parent.logon().mailbox().folder(id);
      if (folder.parentId().isEmpty()) {
        throw new RopException(ErrorCodes.NOT_SUPPORTED, "the root folder cannot be deleted");
      }
      if (!folder.parentId().get().equals(parent.id())) {
        throw new RopException(StoreErrors.NOT_FOUND, id + " is not a subfolder of " + parent.id());
      }
      int flags = request.deleteFolderFlags();
      deleted = parent.logon().mailbox().deleteFolder(id, new FolderDeletion((flags & DeleteFolderRequest.DEL_MESSAGES) != 0,
          (flags & DeleteFolderRequest.DEL_FOLDERS) != 0, (flags & DeleteFolderRequest.DELETE_HARD_DELETE) != 0));
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
    call.out().u8(request.header().ropId()).u8(request.header().inputHandleIndex()).u32(ErrorCodes.SUCCESS);
    new DeleteFolderResponse(!deleted).write(call.out());
  }

  private static FolderInfo existing(FolderObject parent, String name) throws RopException {
    try {
      for (FolderInfo child : parent.logon().mailbox().subfolders(parent.id())) {
        if (child.displayName().equals(name)) {
          return child;
        }
      }
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
    throw new RopException(StoreErrors.NOT_FOUND, "a folder named " + name + " exists but is not visible");
  }
}
