package io.convene.mapi.rop.folder;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.FolderId;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.folder.FolderRequests.CreateFolderRequest;
import io.convene.mapi.rop.folder.FolderRequests.DeleteFolderRequest;
import io.convene.mapi.rop.folder.FolderRequests.OpenFolderRequest;
import io.convene.mapi.rop.folder.FolderRequests.SetSearchCriteriaRequest;
import io.convene.mapi.testing.SpecFixtures;
import org.junit.jupiter.api.Test;

class MsOxcfoldExamplesTest {

  static final FolderId FOLDER = FolderId.of(1, 0x0E8EDF36L);

  static RopHeader header(LittleEndianReader in) throws Exception {
    return new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("InputHandleIndex"));
  }

  @Test
  void createFolderRequestOfSection411() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcfold/4.1.1-ropcreatefolder-request.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    CreateFolderRequest request = CreateFolderRequest.decode(header(in), in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(request).isEqualTo(new CreateFolderRequest(new RopHeader(0x1C, 0, 0), 1, 1, true, false, 0, "Folder1", ""));
    LittleEndianWriter out = new LittleEndianWriter();
    request.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void createFolderResponseOfSection412() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcfold/4.1.2-ropcreatefolder-response.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    assertThat(in.u8("RopId")).isEqualTo(0x1C);
    assertThat(in.u8("OutputHandleIndex")).isEqualTo(1);
    assertThat(in.u32("ReturnValue")).isZero();
    CreateFolderResponse response = CreateFolderResponse.read(in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(FolderId.fromLong(response.folderId())).isEqualTo(FolderId.of(1, 0x0E915212L));
    assertThat(response.existing()).isFalse();
    LittleEndianWriter out = new LittleEndianWriter();
    out.u8(0x1C).u8(1).u32(0);
    response.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void openFolderRequestBuiltFromTheTable() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcfold/2.2.1.1.1-ropopenfolder-request.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    OpenFolderRequest request = OpenFolderRequest.decode(header(in), in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(request.outputHandleIndex()).isEqualTo(1);
    assertThat(request.responseHandleIndex()).isEqualTo(1);
    assertThat(FolderId.fromLong(request.folderId())).isEqualTo(FOLDER);
    assertThat(request.openModeFlags()).isZero();
    LittleEndianWriter out = new LittleEndianWriter();
    request.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void deleteFolderAndSetSearchCriteriaRequestsBuiltFromTheTables() throws Exception {
    byte[] delete = SpecFixtures.hex("ms-oxcfold/2.2.1.3.1-ropdeletefolder-request.hex");
    LittleEndianReader in = new LittleEndianReader(delete);
    DeleteFolderRequest deleteRequest = DeleteFolderRequest.decode(header(in), in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(deleteRequest.deleteFolderFlags()).isEqualTo(0x15);
    assertThat(FolderId.fromLong(deleteRequest.folderId())).isEqualTo(FOLDER);
    LittleEndianWriter out = new LittleEndianWriter();
    deleteRequest.write(out);
    assertThat(out.toByteArray()).isEqualTo(delete);

    byte[] search = SpecFixtures.hex("ms-oxcfold/2.2.1.4.1-ropsetsearchcriteria-request.hex");
    in = new LittleEndianReader(search);
    SetSearchCriteriaRequest searchRequest = SetSearchCriteriaRequest.decode(header(in), in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(searchRequest.restriction()).containsExactly(0x08, 0x1F, 0x00, 0x37, 0x00);
    assertThat(searchRequest.folderIds()).containsExactly(FOLDER.toLong());
    assertThat(searchRequest.searchFlags()).isEqualTo(6);
    out = new LittleEndianWriter();
    searchRequest.write(out);
    assertThat(out.toByteArray()).isEqualTo(search);
  }

  @Test
  void deleteFolderRequestAndResponseOfSection42() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcfold/4.2-ropdeletefolder.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    RopHeader header = new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("InputHandleIndex"));
    DeleteFolderRequest request = DeleteFolderRequest.decode(header, in);
    assertThat(request.header()).isEqualTo(new RopHeader(0x1D, 0, 1));
    assertThat(request.deleteFolderFlags()).isEqualTo(DeleteFolderRequest.DEL_MESSAGES | DeleteFolderRequest.DEL_FOLDERS);
    assertThat(FolderId.fromLong(request.folderId())).isEqualTo(FolderId.of(1, 0x0E8EDF36L));
    assertThat(in.u8("RopId")).isEqualTo(0x1D);
    assertThat(in.u8("InputHandleIndex")).isEqualTo(1);
    assertThat(in.u32("ReturnValue")).isZero();
    DeleteFolderResponse response = DeleteFolderResponse.read(in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(response.partialCompletion()).isFalse();

    LittleEndianWriter out = new LittleEndianWriter();
    request.write(out);
    out.u8(0x1D).u8(1).u32(0);
    response.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void getSearchCriteriaRequestOfSection491() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcfold/4.9.1-ropgetsearchcriteria-request.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    FolderRequests.GetSearchCriteriaRequest request = FolderRequests.GetSearchCriteriaRequest.decode(header(in), in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(request).isEqualTo(new FolderRequests.GetSearchCriteriaRequest(new RopHeader(0x31, 0, 0), true, true, false));
    LittleEndianWriter out = new LittleEndianWriter();
    request.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void setSearchCriteriaResponseOfSection482() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcfold/4.8.2-ropsetsearchcriteria-response.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    assertThat(in.u8("RopId")).isEqualTo(FolderRequests.SET_SEARCH_CRITERIA);
    assertThat(in.u8("InputHandleIndex")).isEqualTo(1);
    assertThat(in.u32("ReturnValue")).isZero();
    assertThat(in.hasRemaining()).isFalse();
  }
}
