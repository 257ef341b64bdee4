package io.convene.mapi.nspi;

import static io.convene.mapi.nspi.NspiBodies.GAL_START;
import static io.convene.mapi.nspi.NspiBodies.value;
import static io.convene.mapi.nspi.NspiHarness.mid;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.search.EntryKind;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.query.FuzzyLevelHigh;
import io.convene.api.store.query.FuzzyLevelLow;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import io.convene.mapi.addressing.LegacyDn;
import io.convene.mapi.nspi.book.AbTags;
import io.convene.mapi.nspi.book.AddressBook;
import io.convene.mapi.nspi.book.EntryIds;
import io.convene.mapi.nspi.wire.AbValues;
import io.convene.mapi.nspi.wire.NspiErrorCodes;
import io.convene.mapi.nspi.wire.Stat;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.testing.FakeExchange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every NSPI request type through the endpoint, on the real Derby directory. */
class NspiEndpointTest {

  @TempDir static Path folder;
  static NspiHarness h;

  static final PropTag ANR = PropTag.of(AbTags.ANR);
  static final PropTag DISPLAY_NAME = PropTag.of(AbTags.DISPLAY_NAME);

  @BeforeAll
  static void open() {
    h = new NspiHarness(folder);
  }

  @AfterAll
  static void close() {
    h.close();
  }

  @BeforeEach
  void freshSession() throws Exception {
    h.context = null;
    h.sequence = null;
    h.search.set(new FakeContactSearch(h.directory));
    NspiBodies.Response bind = h.bind();
    assertThat(bind.errorCode).isZero();
  }

  static Stat at(int container, int currentRec, int delta) {
    return new Stat(0, container, currentRec, delta, 0, 0, 0x4E4, 0x409, 0x409);
  }

  @Test
  void bindAnswersTheServerGuidAndSetsNspiCookies() throws Exception {
    h.context = null;
    FakeExchange exchange = h.send("Bind", NspiBodies.bind(0));
    NspiBodies.Response response = new NspiBodies.Response(NspiHarness.responseBody(exchange));

    assertThat(response.errorCode).isZero();
    assertThat(io.convene.api.store.Guids.fromBytes(response.in.bytes(16, "ServerGuid"))).isEqualTo(NspiHarness.SERVER_GUID);
    response.end();
    assertThat(exchange.responseHeaders("Set-Cookie")).allMatch(c -> c.contains("path=/mapi/nspi"));
    assertThat(exchange.responseHeader("X-RequestType")).contains("Bind");
  }

  @Test
  void anonymousBindIsNotSupported() throws Exception {
    h.context = null;
    int sessions = h.endpoint.sessionCount();
    FakeExchange exchange = h.send("Bind", NspiBodies.bind(NspiService.FLAG_ANONYMOUS_LOGIN));
    assertThat(new NspiBodies.Response(NspiHarness.responseBody(exchange)).errorCode).isEqualTo(NspiErrorCodes.NOT_SUPPORTED);
    assertThat(exchange.responseHeaders("Set-Cookie")).isEmpty();
    assertThat(h.endpoint.sessionCount()).isEqualTo(sessions);
  }

  @Test
  void unbindEndsTheSession() throws Exception {
    NspiBodies.Response unbind = h.call("Unbind", NspiBodies.unbind());
    assertThat(unbind.errorCode).isEqualTo(NspiErrorCodes.UNBIND_SUCCESS);

    FakeExchange after = h.send("QueryRows", NspiBodies.queryRows(0, GAL_START, new int[0], 10, AbTags.DISPLAY_NAME));
    assertThat(NspiHarness.responseCode(after)).isEqualTo(10);
  }

  @Test
  void specialTableListsTheGalAndAllRooms() throws Exception {
    NspiBodies.Response response = h.call("GetSpecialTable", NspiBodies.specialTable(NspiService.SPECIAL_TABLE_UNICODE, null));
    assertThat(response.errorCode).isZero();
    assertThat(response.u32()).isEqualTo(0x4E4);
    assertThat(response.in.u8("HasVersion")).isEqualTo(1);
    assertThat(response.u32()).isEqualTo(NspiService.HIERARCHY_VERSION);
    assertThat(response.in.u8("HasRows")).isEqualTo(1);
    int rows = response.u32();
    assertThat(rows).isEqualTo(2);
    List<AbValues.Tagged> gal = AbValues.readValueList(response.in, io.convene.mapi.nspi.wire.NspiLimits.DEFAULT);
    List<AbValues.Tagged> roomsList = AbValues.readValueList(response.in, io.convene.mapi.nspi.wire.NspiLimits.DEFAULT);
    response.end();

    assertThat(gal).contains(new AbValues.Tagged(AbTags.CONTAINER_ID, 0), new AbValues.Tagged(AbTags.DISPLAY_NAME, "Global Address List"));
    assertThat(roomsList)
        .contains(new AbValues.Tagged(AbTags.CONTAINER_ID, AddressBook.ROOMS_CONTAINER), new AbValues.Tagged(AbTags.DISPLAY_NAME, "All Rooms"));
    assertThat((byte[]) roomsList.get(0).value()).isEqualTo(EntryIds.permanent(AbTags.DT_CONTAINER, AddressBook.ROOMS_DN));
  }

  @Test
  void specialTableWithTheCurrentVersionHasNoRows() throws Exception {
    NspiBodies.Response response = h.call("GetSpecialTable", NspiBodies.specialTable(0, NspiService.HIERARCHY_VERSION));
    response.u32();
    assertThat(response.in.u8("HasVersion")).isEqualTo(1);
    response.u32();
    assertThat(response.in.u8("HasRows")).isZero();
    response.end();
  }

  @Test
  void queryRowsWalksTheGalInDisplayNameOrderWithoutDisabledAccounts() throws Exception {
    NspiBodies.Response first = h.call("QueryRows", NspiBodies.queryRows(0, GAL_START, new int[0], 2, AbTags.DISPLAY_NAME));
    Stat state = first.state();
    List<List<PropertyRow.Cell>> rows = first.rows();
    first.end();
    assertThat(rows).extracting(r -> value(r, 0)).containsExactly("Alan Turing", "Alice Liddell");
    assertThat(state.currentRec()).isEqualTo(mid(h.beamer));
    assertThat(state.numPos()).isEqualTo(2);
    assertThat(state.totalRecs()).isEqualTo(5);

    NspiBodies.Response next = h.call("QueryRows", NspiBodies.queryRows(0, state, new int[0], 50, AbTags.DISPLAY_NAME));
    Stat end = next.state();
    assertThat(next.rows()).extracting(r -> value(r, 0)).containsExactly("Beamer", "Boardroom", "Bob Builder");
    assertThat(end.currentRec()).isEqualTo(Stat.MID_END_OF_TABLE);
    assertThat(end.numPos()).isEqualTo(5);
  }

  @Test
  void oversizedRowCountsAreCappedAndTheStatSaysWhereToGoOn() throws Exception {
    NspiBodies.Response response = h.call("QueryRows", NspiBodies.queryRows(0, GAL_START, new int[0], 0xFFFFFFFFL, AbTags.DISPLAY_NAME));
    Stat state = response.state();
    assertThat(response.rows()).hasSize(3);
    assertThat(state.numPos()).isEqualTo(3);
    assertThat(state.currentRec()).isEqualTo(mid(h.boardroom));
  }

  @Test
  void queryRowsAnswersTheEntryPropertiesOutlookReads() throws Exception {
    int[] columns = {
      AbTags.DISPLAY_NAME, AbTags.SMTP_ADDRESS, AbTags.EMAIL_ADDRESS, 0x3002001E, AbTags.DISPLAY_TYPE,
      AbTags.DISPLAY_TYPE_EX, AbTags.ENTRY_ID, AbTags.OBJECT_TYPE, AbTags.ACCOUNT, AbTags.TITLE, AbTags.PROXY_ADDRESSES,
      AbTags.INSTANCE_KEY, 0x30010000
    };
    NspiBodies.Response response =
        h.call("QueryRows", NspiBodies.queryRows(NspiService.FLAG_EPHEMERAL_IDS, GAL_START, new int[] {mid(h.alice)}, 1, columns));
    response.state();
    List<PropertyRow.Cell> row = response.rows().get(0);
    response.end();

    assertThat(value(row, 0)).isEqualTo("Alice Liddell");
    assertThat(value(row, 1)).isEqualTo("alice@example.org");
    assertThat(value(row, 2)).isEqualTo(LegacyDn.of(h.alice));
    assertThat(value(row, 3)).isEqualTo("EX");
    assertThat(value(row, 4)).isEqualTo(AbTags.DT_MAILUSER);
    assertThat(value(row, 5)).isEqualTo(AbTags.DTE_FLAG_ACL_CAPABLE);
    assertThat((byte[]) value(row, 6)).isEqualTo(EntryIds.ephemeral(NspiHarness.SERVER_GUID, 0, mid(h.alice)));
    assertThat(value(row, 7)).isEqualTo(AbTags.MAPI_MAILUSER);
    assertThat(value(row, 8)).isEqualTo("alice");
    assertThat(row.get(9)).isEqualTo(new PropertyRow.Error((int) NspiErrorCodes.NOT_FOUND));
    assertThat(value(row, 10)).isEqualTo(List.of("SMTP:alice@example.org"));
    assertThat((byte[]) value(row, 11)).hasSize(4);
    assertThat(row.get(12)).isEqualTo(new PropertyRow.Value(0x001F, "Alice Liddell"));
  }

  @Test
  void explicitTableRowsOfUnknownOrDisabledMIdsAreErrors() throws Exception {
    NspiBodies.Response response =
        h.call("QueryRows", NspiBodies.queryRows(0, GAL_START, new int[] {mid(h.dave), 0x7777777}, 1, AbTags.DISPLAY_NAME));
    response.state();
    assertThat(response.rows()).allMatch(r -> r.get(0).equals(new PropertyRow.Error((int) NspiErrorCodes.NOT_FOUND)));
  }

  @Test
  void findsARoomThroughTheAllRoomsContainer() throws Exception {
    int[] columns = {AbTags.DISPLAY_NAME, AbTags.DISPLAY_TYPE_EX, AbTags.ROOM_CAPACITY, AbTags.OFFICE_LOCATION};
    NspiBodies.Response response =
        h.call("QueryRows", NspiBodies.queryRows(0, at(AddressBook.ROOMS_CONTAINER, Stat.MID_BEGINNING_OF_TABLE, 0), new int[0], 50, columns));
    Stat state = response.state();
    List<List<PropertyRow.Cell>> rows = response.rows();

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).extracting(c -> ((PropertyRow.Value) c).value()).containsExactly("Boardroom", AbTags.DT_ROOM, 12, "Floor 2");
    assertThat(state.totalRecs()).isEqualTo(1);
  }

  @Test
  void unknownContainerOrRowCountZeroAreNspiErrors() throws Exception {
    assertThat(h.call("QueryRows", NspiBodies.queryRows(0, at(0x4242, 0, 0), new int[0], 5, AbTags.DISPLAY_NAME)).errorCode)
        .isEqualTo(NspiErrorCodes.INVALID_BOOKMARK);
    assertThat(h.call("QueryRows", NspiBodies.queryRows(0, GAL_START, new int[0], 0, AbTags.DISPLAY_NAME)).errorCode)
        .isEqualTo(NspiErrorCodes.INVALID_PARAMETER);
    assertThat(h.call("QueryRows", NspiBodies.queryRows(0, at(0, 0x7777777, 0), new int[0], 5, AbTags.DISPLAY_NAME)).errorCode)
        .isEqualTo(NspiErrorCodes.NOT_FOUND);
  }

  @Test
  void updateStatMovesByDeltaAndReportsTheMove() throws Exception {
    NspiBodies.Response response = h.call("UpdateStat", NspiBodies.updateStat(at(0, mid(h.alice), 2), true));
    Stat state = response.state();
    assertThat(response.in.u8("HasDelta")).isEqualTo(1);
    assertThat(response.u32()).isEqualTo(2);
    response.end();
    assertThat(state.currentRec()).isEqualTo(mid(h.boardroom));
    assertThat(state.numPos()).isEqualTo(3);
    assertThat(state.delta()).isZero();

    NspiBodies.Response back = h.call("UpdateStat", NspiBodies.updateStat(at(0, Stat.MID_END_OF_TABLE, -100), true));
    Stat start = back.state();
    assertThat(back.in.u8("HasDelta")).isEqualTo(1);
    assertThat(back.u32()).isEqualTo(-5);
    assertThat(start.currentRec()).isEqualTo(mid(h.alan));
  }

  @Test
  void fractionalPositioningUsesNumPosOverTotalRecs() throws Exception {
    Stat half = new Stat(0, 0, Stat.MID_CURRENT, 0, 50, 100, 0x4E4, 0x409, 0x409);
    Stat state = h.call("UpdateStat", NspiBodies.updateStat(half, false)).state();
    assertThat(state.numPos()).isEqualTo(2);
    assertThat(state.currentRec()).isEqualTo(mid(h.beamer));
  }

  @Test
  void resolveNamesGivesOneAmbiguousOrUnresolved() throws Exception {
    FakeContactSearch search = (FakeContactSearch) h.search.get();
    NspiBodies.Response response =
        h.call("ResolveNames", NspiBodies.resolveNames(new int[] {AbTags.DISPLAY_NAME, AbTags.SMTP_ADDRESS}, "Alice", "al", "zed", "bob@example.org", ""));
    assertThat(response.errorCode).isZero();
    assertThat(response.u32()).isEqualTo(0x4E4);
    int[] mids = response.mids();
    List<List<PropertyRow.Cell>> rows = response.rows();
    response.end();

    assertThat(mids).containsExactly(mid(h.alice), NspiService.MID_AMBIGUOUS, NspiService.MID_UNRESOLVED, mid(h.bob), NspiService.MID_UNRESOLVED);
    assertThat(rows).extracting(r -> value(r, 1)).containsExactly("alice@example.org", "bob@example.org");
    assertThat(search.askedKinds).isNotEmpty().allMatch(kinds -> kinds.equals(EnumSet.of(EntryKind.GAL_USER, EntryKind.GAL_ROOM, EntryKind.GAL_EQUIPMENT)));
  }

  @Test
  void resolveNamesNeverReturnsADisabledAccount() throws Exception {
    NspiBodies.Response response = h.call("ResolveNames", NspiBodies.resolveNames(new int[] {AbTags.DISPLAY_NAME}, "dave"));
    response.u32();
    int[] mids = response.mids();
    assertThat(mids).containsExactly(NspiService.MID_UNRESOLVED);
  }

  @Test
  void resolveNamesFallsBackToAPrefixMatchWithoutTheSearchService() throws Exception {
    h.search.set(null);
    NspiBodies.Response response = h.call("ResolveNames", NspiBodies.resolveNames(new int[] {AbTags.DISPLAY_NAME}, "Tur", "b", "board"));
    response.u32();
    int[] mids = response.mids();
    assertThat(mids).containsExactly(mid(h.alan), NspiService.MID_AMBIGUOUS, mid(h.boardroom));

    FakeContactSearch closed = new FakeContactSearch(h.directory);
    closed.unavailable = true;
    h.search.set(closed);
    NspiBodies.Response again = h.call("ResolveNames", NspiBodies.resolveNames(new int[] {AbTags.DISPLAY_NAME}, "liddell"));
    again.u32();
    assertThat(again.mids()).containsExactly(mid(h.alice));
  }

  @Test
  void luceneSyntaxLongAndEmptyNamesAreUnresolvedNotErrors() throws Exception {
    NspiBodies.Response response =
        h.call("ResolveNames", NspiBodies.resolveNames(new int[] {AbTags.DISPLAY_NAME}, "al*:(\"", "x".repeat(5000), " "));
    assertThat(response.errorCode).isZero();
    response.u32();
    assertThat(response.mids()).containsOnly(NspiService.MID_UNRESOLVED);
  }

  @Test
  void getMatchesEvaluatesContentPropertyAndExistFilters() throws Exception {
    Restriction startsWithB =
        new Restriction.And(
            List.of(
                new Restriction.Content(FuzzyLevelLow.PREFIX, Set.of(FuzzyLevelHigh.IGNORECASE), DISPLAY_NAME, PropValue.ofString(DISPLAY_NAME, "b")),
                new Restriction.Exist(PropTag.of(AbTags.SMTP_ADDRESS)),
                new Restriction.Not(new Restriction.Property(Relop.EQ, PropTag.of(AbTags.DISPLAY_TYPE_EX), PropValue.ofInt(PropTag.of(AbTags.DISPLAY_TYPE_EX), AbTags.DT_EQUIPMENT)))));
    NspiBodies.Response response = h.call("GetMatches", NspiBodies.getMatches(GAL_START, startsWithB, 3, AbTags.DISPLAY_NAME));
    assertThat(response.errorCode).isZero();
    response.state();
    assertThat(response.mids()).containsExactly(mid(h.boardroom), mid(h.bob));
    assertThat(response.rows()).extracting(r -> value(r, 0)).containsExactly("Boardroom", "Bob Builder");
  }

  @Test
  void getMatchesResolvesAnrThroughTheSearchService() throws Exception {
    Restriction anr = new Restriction.Property(Relop.EQ, ANR, PropValue.ofString(ANR, "al"));
    NspiBodies.Response response = h.call("GetMatches", NspiBodies.getMatches(GAL_START, anr, 3));
    response.state();
    assertThat(response.mids()).containsExactlyInAnyOrder(mid(h.alan), mid(h.alice));
  }

  @Test
  void getMatchesWithMoreMatchesThanRequestedIsTableTooBig() throws Exception {
    Restriction all = new Restriction.Exist(DISPLAY_NAME);
    assertThat(h.call("GetMatches", NspiBodies.getMatches(GAL_START, all, 2)).errorCode).isEqualTo(NspiErrorCodes.TABLE_TOO_BIG);
  }

  @Test
  void unsupportedRestrictionsAreTooComplex() throws Exception {
    Restriction compare = new Restriction.CompareProperties(Relop.EQ, DISPLAY_NAME, PropTag.of(AbTags.ACCOUNT));
    assertThat(h.call("GetMatches", NspiBodies.getMatches(GAL_START, compare, 3)).errorCode).isEqualTo(NspiErrorCodes.TOO_COMPLEX);
  }

  @Test
  void dnToMIdMapsDnsCaseInsensitively() throws Exception {
    NspiBodies.Response response =
        h.call("DNToMId", NspiBodies.dnToMId(LegacyDn.of(h.bob).toUpperCase(), AddressBook.ROOMS_DN, "/o=Other/cn=nobody", LegacyDn.of(h.dave)));
    assertThat(response.mids()).containsExactly(mid(h.bob), AddressBook.ROOMS_CONTAINER, 0, 0);
  }

  @Test
  void getPropsReturnsValuesAndErrorsWithErrorsReturned() throws Exception {
    NspiBodies.Response response = h.call("GetProps", NspiBodies.getProps(0, at(0, mid(h.boardroom), 0), AbTags.DISPLAY_NAME, AbTags.ROOM_CAPACITY, AbTags.MOBILE_TELEPHONE_NUMBER));
    assertThat(response.errorCode).isEqualTo(NspiErrorCodes.ERRORS_RETURNED);
    assertThat(response.u32()).isEqualTo(0x4E4);
    assertThat(response.valueList())
        .containsExactly(
            new AbValues.Tagged(AbTags.DISPLAY_NAME, "Boardroom"),
            new AbValues.Tagged(AbTags.ROOM_CAPACITY, 12),
            new AbValues.Tagged(AbTags.MOBILE_TELEPHONE_NUMBER & 0xffff0000 | 0x000A, (int) NspiErrorCodes.NOT_FOUND));
  }

  @Test
  void getPropsOfAnUnknownMIdIsInvalidBookmark() throws Exception {
    assertThat(h.call("GetProps", NspiBodies.getProps(0, at(0, 0x7777777, 0), AbTags.DISPLAY_NAME)).errorCode)
        .isEqualTo(NspiErrorCodes.INVALID_BOOKMARK);
  }

  @Test
  void getPropListListsThePresentProperties() throws Exception {
    int[] tags = h.call("GetPropList", NspiBodies.getPropList(mid(h.boardroom))).tags();
    assertThat(tags).contains(AbTags.DISPLAY_NAME, AbTags.ROOM_CAPACITY, AbTags.OFFICE_LOCATION).doesNotContain(AbTags.TITLE);
    assertThat(h.call("GetPropList", NspiBodies.getPropList(12345)).errorCode).isEqualTo(NspiErrorCodes.INVALID_BOOKMARK);
  }

  @Test
  void compareMIdsOrdersByTablePosition() throws Exception {
    assertThat(h.call("CompareMIds", NspiBodies.compareMIds(GAL_START, mid(h.alan), mid(h.bob))).u32()).isEqualTo(-1);
    assertThat(h.call("CompareMIds", NspiBodies.compareMIds(GAL_START, mid(h.bob), mid(h.bob))).u32()).isZero();
    assertThat(h.call("CompareMIds", NspiBodies.compareMIds(GAL_START, mid(h.bob), 99)).errorCode).isEqualTo(NspiErrorCodes.INVALID_BOOKMARK);
  }

  @Test
  void seekEntriesFindsTheFirstNameAtOrAfterTheTarget() throws Exception {
    NspiBodies.Response response = h.call("SeekEntries", NspiBodies.seekEntries(GAL_START, "bo", AbTags.DISPLAY_NAME));
    Stat state = response.state();
    assertThat(state.currentRec()).isEqualTo(mid(h.boardroom));
    assertThat(state.numPos()).isEqualTo(3);
    assertThat(response.rows()).extracting(r -> value(r, 0)).containsExactly("Boardroom", "Bob Builder");
    assertThat(h.call("SeekEntries", NspiBodies.seekEntries(GAL_START, "zz", AbTags.DISPLAY_NAME)).errorCode).isEqualTo(NspiErrorCodes.NOT_FOUND);
  }

  @Test
  void queryColumnsListsUnicodeOrString8Columns() throws Exception {
    assertThat(h.call("QueryColumns", NspiBodies.queryColumns(0x80000000)).tags()).contains(AbTags.DISPLAY_NAME, AbTags.ROOM_CAPACITY);
    assertThat(h.call("QueryColumns", NspiBodies.queryColumns(0)).tags()).contains(0x3001001E).doesNotContain(AbTags.DISPLAY_NAME);
  }

  @Test
  void resortRestrictionSortsByDisplayNameAndDropsUnknownMIds() throws Exception {
    NspiBodies.Response response = h.call("ResortRestriction", NspiBodies.resortRestriction(GAL_START, mid(h.bob), 77, mid(h.alan)));
    Stat state = response.state();
    assertThat(response.mids()).containsExactly(mid(h.alan), mid(h.bob));
    assertThat(state.totalRecs()).isEqualTo(2);
  }

  @Test
  void templatesAndModLinkAttAnswerTheirErrors() throws Exception {
    assertThat(h.call("GetTemplateInfo", NspiBodies.templateInfo()).errorCode).isEqualTo(NspiErrorCodes.NOT_FOUND);
    assertThat(h.call("ModLinkAtt", NspiBodies.modLinkAtt(mid(h.alice))).errorCode).isEqualTo(NspiErrorCodes.ACCESS_DENIED);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aUserPublishesAndWithdrawsCertificatesOnTheirOwnEntryWithModProps() throws Exception {
    byte[] smime = {0x30, (byte) 0x82, 0x01, 0x0A, 0x02};
    byte[] outlookBlob = {0x01, 0x00, 0x08, 0x00};
    List<AbValues.Tagged> publish = List.of(
        new AbValues.Tagged(AbTags.USER_X509_CERTIFICATE, List.of(outlookBlob)),
        new AbValues.Tagged(AbTags.ADDRESS_BOOK_X509_CERTIFICATE, List.of(smime)));

    assertThat(h.call("ModProps", NspiBodies.modProps(at(0, mid(h.alice), 0), null, publish)).errorCode)
        .isEqualTo(NspiErrorCodes.SUCCESS);

    NspiBodies.Response props = h.call("GetProps", NspiBodies.getProps(0, at(0, mid(h.alice), 0),
        AbTags.USER_X509_CERTIFICATE, AbTags.ADDRESS_BOOK_X509_CERTIFICATE));
    assertThat(props.errorCode).isEqualTo(NspiErrorCodes.SUCCESS);
    props.u32(); // CodePage
    List<AbValues.Tagged> values = props.valueList();
    assertThat(values).extracting(AbValues.Tagged::tag)
        .containsExactly(AbTags.USER_X509_CERTIFICATE, AbTags.ADDRESS_BOOK_X509_CERTIFICATE);
    assertThat((List<Object>) values.get(0).value()).containsExactly((Object) outlookBlob);
    assertThat((List<Object>) values.get(1).value()).containsExactly((Object) smime);
    assertThat(h.directory.certificates(h.alice.id()).addressBookX509()).containsExactly(smime);

    // PropTags empties a property; the other stays
    assertThat(h.call("ModProps", NspiBodies.modProps(at(0, mid(h.alice), 0),
        new int[] {AbTags.ADDRESS_BOOK_X509_CERTIFICATE}, List.of())).errorCode).isEqualTo(NspiErrorCodes.SUCCESS);
    assertThat(h.directory.certificates(h.alice.id()).addressBookX509()).isEmpty();
    assertThat(h.directory.certificates(h.alice.id()).userX509()).containsExactly(outlookBlob);
  }

  @Test
  void modPropsRefusesOtherEntriesOtherPropertiesAndOversizedValuesAndChangesNothing() throws Exception {
    io.convene.api.directory.AccountCertificates alicesBefore = h.directory.certificates(h.alice.id());
    List<AbValues.Tagged> certificate = List.of(new AbValues.Tagged(AbTags.USER_X509_CERTIFICATE, List.of(new byte[] {1})));
    assertThat(h.call("ModProps", NspiBodies.modProps(at(0, mid(h.bob), 0), null, certificate)).errorCode)
        .isEqualTo(NspiErrorCodes.ACCESS_DENIED);
    List<AbValues.Tagged> titleToo = List.of(certificate.get(0), new AbValues.Tagged(AbTags.TITLE, "Chief"));
    assertThat(h.call("ModProps", NspiBodies.modProps(at(0, mid(h.alice), 0), null, titleToo)).errorCode)
        .isEqualTo(NspiErrorCodes.ACCESS_DENIED);
    assertThat(h.call("ModProps", NspiBodies.modProps(at(0, mid(h.alice), 0), new int[] {AbTags.DISPLAY_NAME}, certificate))
        .errorCode).isEqualTo(NspiErrorCodes.ACCESS_DENIED);
    List<AbValues.Tagged> tooLarge =
        List.of(new AbValues.Tagged(AbTags.ADDRESS_BOOK_X509_CERTIFICATE, List.of(new byte[40_000])));
    assertThat(h.call("ModProps", NspiBodies.modProps(at(0, mid(h.alice), 0), null, tooLarge)).errorCode)
        .isEqualTo(NspiErrorCodes.INVALID_PARAMETER);

    assertThat(h.directory.certificates(h.alice.id())).isEqualTo(alicesBefore);
    assertThat(h.directory.certificates(h.bob.id())).isEqualTo(io.convene.api.directory.AccountCertificates.EMPTY);
  }

  @Test
  void urlsPointAtTheEndpoints() throws Exception {
    NspiBodies.Response mailbox = h.call("GetMailboxUrl", NspiBodies.url());
    assertThat(AbValues.utf16z(mailbox.in, 1024)).isEqualTo("https://mail.example.org/mapi/emsmdb/");
    NspiBodies.Response book = h.call("GetAddressBookUrl", NspiBodies.url());
    assertThat(AbValues.utf16z(book.in, 1024)).isEqualTo("https://mail.example.org/mapi/nspi/");
  }

  @Test
  void staleSequenceAndBadBodiesAreTransportErrorsThatKeepTheSession() throws Exception {
    String oldSequence = h.sequence;
    h.call("UpdateStat", NspiBodies.updateStat(GAL_START, false));
    String current = h.sequence;
    h.sequence = oldSequence;
    assertThat(NspiHarness.responseCode(h.send("UpdateStat", NspiBodies.updateStat(GAL_START, false)))).isEqualTo(14);
    h.sequence = current;

    assertThat(NspiHarness.responseCode(h.send("QueryRows", new byte[] {1, 2, 3}))).isEqualTo(12);
    assertThat(h.call("UpdateStat", NspiBodies.updateStat(GAL_START, false)).errorCode).isZero();
  }

  @Test
  void anotherAccountsContextIsRefused() throws Exception {
    FakeExchange exchange = h.send("UpdateStat", NspiBodies.updateStat(GAL_START, false), h.bob);
    assertThat(NspiHarness.responseCode(exchange)).isEqualTo(11);
  }

  @Test
  void idleSessionsExpire() throws Exception {
    h.clock.advance(Duration.ofMinutes(16));
    assertThat(NspiHarness.responseCode(h.send("UpdateStat", NspiBodies.updateStat(GAL_START, false)))).isEqualTo(10);
  }

  @Test
  void pingAnswersWithoutABody() throws Exception {
    FakeExchange exchange = h.send("PING", new byte[0]);
    assertThat(NspiHarness.responseCode(exchange)).isZero();
    assertThat(new String(exchange.body(), java.nio.charset.StandardCharsets.US_ASCII)).startsWith("PROCESSING\r\nDONE\r\n");
  }
}
