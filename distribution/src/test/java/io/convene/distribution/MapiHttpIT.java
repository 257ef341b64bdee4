package io.convene.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import io.convene.api.directory.Account;
import io.convene.api.directory.Directory;
import io.convene.api.search.ContactSearch;
import io.convene.api.search.SearchException;
import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.Store;
import io.convene.api.store.StoreException;
import io.convene.mapiclient.http.Autodiscover;
import io.convene.mapiclient.http.EmsmdbBodies;
import io.convene.mapiclient.http.EmsmdbSession;
import io.convene.mapiclient.http.MapiHttpException;
import io.convene.mapiclient.http.MapiHttpTransport;
import io.convene.mapiclient.nspi.AbRestriction;
import io.convene.mapiclient.nspi.EntryId;
import io.convene.mapiclient.nspi.Nspi;
import io.convene.mapiclient.nspi.NspiBodies;
import io.convene.mapiclient.nspi.NspiSession;
import io.convene.mapiclient.nspi.Stat;
import io.convene.mapiclient.rop.ErrorCodes;
import io.convene.mapiclient.rop.PropertyValue;
import io.convene.mapiclient.rop.RecipientRow;
import io.convene.mapiclient.rop.Restriction;
import io.convene.mapiclient.rop.RopBatch;
import io.convene.mapiclient.rop.RopResults;
import io.convene.mapiclient.rop.Rops;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Outlook's first steps against the real bundles, driven by the independent MAPI/HTTP client
 * ({@code convene-mapi-client}, written from the specifications, installed next to the server):
 * Autodiscover, Connect, Logon, the folder hierarchy, contents tables of Calendar and Contacts with
 * restrictions and sort orders, OpenMessage and properties, Disconnect. Every Execute is sent
 * compressed and obfuscated and the server answers in kind. The address book (NSPI on {@code
 * /mapi/nspi/}) is tested in the same container: Bind, the special table, GAL and All Rooms walks,
 * ambiguous name resolution through the Lucene index, DNToMId, GetProps, GetMatches, SeekEntries,
 * Unbind and a stale session cookie.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MapiHttpIT {

  private static final String NAME = "MapiHttpIT";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private static final int PID_TAG_MID = 0x674A0014;
  private static final int PID_TAG_FOLDER_ID = 0x67480014;
  private static final int PID_TAG_SUBJECT = 0x0037001F;
  private static final int PID_TAG_MESSAGE_CLASS = 0x001A001F;
  private static final int PID_TAG_IMPORTANCE = 0x00170003;
  private static final int PID_TAG_DISPLAY_NAME = 0x3001001F;
  private static final int PID_TAG_CONTAINER_CLASS = 0x3613001F;
  private static final int PID_TAG_COMPANY_NAME = 0x3A16001F;
  private static final int PID_TAG_BODY = 0x1000001F;
  private static final int PID_TAG_NORMALIZED_SUBJECT = 0x0E1D001F;
  private static final int PID_TAG_RECIPIENT_TYPE = 0x0C150003;
  private static final int PID_TAG_ADDRESS_TYPE = 0x3002001F;
  private static final int PID_TAG_EMAIL_ADDRESS = 0x3003001F;
  private static final int PID_TAG_SMTP_ADDRESS = 0x39FE001F;
  private static final String ANN_DN = "/o=Convene/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=ann";

  @Inject private Directory directory;
  @Inject private Store store;
  @Inject private CommandProcessor shell;
  @Inject private ContactSearch search;

  private final Path home = ConveneContainer.home(NAME);
  private final ConveneLog log = new ConveneLog(home);

  @Configuration
  public Option[] configuration() {
    return OptionUtils.combine(ConveneContainer.options(NAME), bundle(jarOf(EmsmdbSession.class)));
  }

  @After
  public void nothingUnexpectedWasLogged() {
    // the refused requests of the bad-cookie test are logged once each, as WARN
    assertThat(log.unexpectedWarningsAndErrors(List.of(Pattern.compile("refused with X-ResponseCode (10|14)"))))
        .as("WARN/ERROR lines in " + log.file()).isEmpty();
  }

  @Test
  public void outlooksFirstStepsWithCompressionAndObfuscation() throws Exception {
    Account mia = account("mia@example.com", "mia-pw", "Mia Moss", "mia");
    Mailbox mailbox = store.mailbox(mia.id(), Caller.account(mia.id()));
    FolderId calendar = mailbox.folder(SpecialFolder.CALENDAR).id();
    FolderId contacts = mailbox.folder(SpecialFolder.CONTACTS).id();
    Map<String, SavedItem> appointments = new HashMap<>();
    for (Object[] seed : new Object[][] {
        {"Standup Monday", 1}, {"Budget review", 2}, {"Standup Tuesday", 1}, {"Lunch", 0}, {"Standup Retro", 2}}) {
      appointments.put((String) seed[0], mailbox.createItem(calendar, List.of(
          PropValue.ofString(PropTag.of(PID_TAG_MESSAGE_CLASS), "IPM.Appointment"),
          PropValue.ofString(PropTag.of(PID_TAG_SUBJECT), (String) seed[0]),
          // as Outlook saves items: the store keeps what it is given and derives no NormalizedSubject
          PropValue.ofString(PropTag.of(PID_TAG_NORMALIZED_SUBJECT), (String) seed[0]),
          PropValue.ofInt(PropTag.of(PID_TAG_IMPORTANCE), (Integer) seed[1]),
          PropValue.ofString(PropTag.of(PID_TAG_BODY), ((String) seed[0] + " agenda. ").repeat(40)))));
    }
    // the retro's attendees: a colleague by her legacy DN (EX) and an outside guest (SMTP)
    mailbox.setRecipients(appointments.get("Standup Retro").id(), List.of(
        List.of(PropValue.ofInt(PropTag.of(PID_TAG_RECIPIENT_TYPE), 1), PropValue.ofString(PropTag.of(PID_TAG_DISPLAY_NAME), "Ann Archer"),
            PropValue.ofString(PropTag.of(PID_TAG_ADDRESS_TYPE), "EX"), PropValue.ofString(PropTag.of(PID_TAG_EMAIL_ADDRESS), ANN_DN),
            PropValue.ofString(PropTag.of(PID_TAG_SMTP_ADDRESS), "ann@example.com")),
        List.of(PropValue.ofInt(PropTag.of(PID_TAG_RECIPIENT_TYPE), 2), PropValue.ofString(PropTag.of(PID_TAG_DISPLAY_NAME), "Gus Guest"),
            PropValue.ofString(PropTag.of(PID_TAG_ADDRESS_TYPE), "SMTP"),
            PropValue.ofString(PropTag.of(PID_TAG_EMAIL_ADDRESS), "gus@elsewhere.example"))));
    for (String[] seed : new String[][] {
        {"Dee Dunn", "Acme"}, {"Ann Archer", "Acme"}, {"Bob Baker", "Globex"}, {"Cid Carter", "Acme"}}) {
      mailbox.createItem(contacts, List.of(
          PropValue.ofString(PropTag.of(PID_TAG_MESSAGE_CLASS), "IPM.Contact"),
          PropValue.ofString(PropTag.of(PID_TAG_DISPLAY_NAME), seed[0]),
          PropValue.ofString(PropTag.of(PID_TAG_SUBJECT), seed[0]),
          PropValue.ofString(PropTag.of(PID_TAG_COMPANY_NAME), seed[1])));
    }

    HttpClient http = httpClient();
    URI base = URI.create("https://localhost:" + HttpPorts.https(log));

    // Autodiscover (MS-OXDSCLI): display name, LegacyDN and the mapiHttp mailbox endpoint
    Autodiscover.Settings settings =
        Autodiscover.discover(http, base.resolve("/autodiscover/autodiscover.xml"), "mia", "mia-pw", "mia@example.com", TIMEOUT);
    assertThat(settings.errorCode()).isNull();
    assertThat(settings.displayName()).isEqualTo("Mia Moss");
    assertThat(settings.legacyDn()).isNotBlank();
    URI mailStore = URI.create(settings.mailStoreUrl());
    assertThat(mailStore.getPath()).isEqualTo("/mapi/emsmdb/");
    assertThat(URI.create(settings.addressBookUrl()).getPath()).isEqualTo("/mapi/nspi/");

    // the advertised path and query, on the test's loopback listener
    URI endpoint = base.resolve(mailStore.getRawPath() + (mailStore.getRawQuery() == null ? "" : "?" + mailStore.getRawQuery()));
    MapiHttpTransport transport = new MapiHttpTransport(http, endpoint, "mia", "mia-pw", TIMEOUT);
    EmsmdbSession session = new EmsmdbSession(transport, EmsmdbSession.Options.compressedAndObfuscated());
    EmsmdbBodies.ConnectResponse connected = session.connect(settings.legacyDn());
    assertThat(connected.displayName()).isEqualTo("Mia Moss");
    assertThat(transport.cookies()).containsKeys("MapiContext", "MapiSequence");

    // Logon, then the IPM subtree's hierarchy in the same Execute (the logon's handle by slot)
    RopBatch first = new RopBatch();
    int logonSlot = first.output();
    RopBatch.Ticket<Rops.LogonResponse> logonTicket = first.add(Rops.logon(0, logonSlot, Rops.OPEN_FLAGS_HOME, settings.legacyDn()));
    EmsmdbSession.Executed logonExecuted = session.execute(first);
    Rops.LogonResponse logon = logonExecuted.results().get(logonTicket);
    int logonHandle = logonExecuted.results().handle(logonSlot);
    assertThat(logon.folderIds()[Rops.LogonResponse.IPM_SUBTREE]).isEqualTo(mailbox.folder(SpecialFolder.IPM_SUBTREE).id().toLong());

    RopBatch walk = new RopBatch();
    int walkLogon = walk.input(logonHandle);
    int subtree = walk.output();
    int hierarchy = walk.output();
    int[] folderColumns = {PID_TAG_FOLDER_ID, PID_TAG_DISPLAY_NAME, PID_TAG_CONTAINER_CLASS};
    walk.add(Rops.openFolder(0, walkLogon, subtree, logon.folderIds()[Rops.LogonResponse.IPM_SUBTREE]));
    RopBatch.Ticket<Rops.TableOpened> hierarchyOpened = walk.add(Rops.getHierarchyTable(0, subtree, hierarchy, Rops.TABLE_FLAG_DEPTH));
    walk.add(Rops.setColumns(0, hierarchy, folderColumns));
    RopBatch.Ticket<Rops.Rows> folderRows = walk.add(Rops.queryRows(0, hierarchy, 200, folderColumns));
    walk.add(Rops.release(0, hierarchy));
    walk.add(Rops.release(0, subtree));
    EmsmdbSession.Executed walked = session.execute(walk);
    Map<String, Long> folderIds = new HashMap<>();
    Map<String, String> folderClasses = new HashMap<>();
    for (List<PropertyValue> row : walked.results().get(folderRows).rows()) {
      folderIds.put(row.get(1).asString(), row.get(0).asLong());
      folderClasses.put(row.get(1).asString(), row.get(2).isError() ? null : row.get(2).asString());
    }
    assertThat(walked.results().get(hierarchyOpened).rowCount()).isEqualTo(folderIds.size());
    assertThat(folderIds).containsKeys("Inbox", "Calendar", "Contacts", "Tasks");
    assertThat(folderIds.get("Calendar")).isEqualTo(calendar.toLong());
    assertThat(folderClasses).containsEntry("Calendar", "IPF.Appointment").containsEntry("Contacts", "IPF.Contact");
    // the server answered a sizeable response compressed and obfuscated, as the request was
    assertThat(walked.payloads().get(0).compressed()).as("hierarchy response compressed").isTrue();
    assertThat(walked.payloads().get(0).obfuscated()).as("hierarchy response obfuscated").isTrue();
    assertThat(walked.framed().metaTags()).startsWith("PROCESSING").endsWith("DONE");
    assertThat(walked.framed().header("X-ElapsedTime")).isNotNull();

    // Calendar: subjects containing "standup" (any case) with importance >= 1, newest subject first
    int[] appointmentColumns = {PID_TAG_MID, PID_TAG_SUBJECT, PID_TAG_IMPORTANCE, PID_TAG_MESSAGE_CLASS};
    List<List<PropertyValue>> standups = contents(session, logonHandle, folderIds.get("Calendar"), appointmentColumns,
        new Restriction.And(List.of(
            new Restriction.Content(Restriction.FL_SUBSTRING, Restriction.FL_IGNORECASE, new PropertyValue(PID_TAG_SUBJECT, "standup")),
            new Restriction.Property(Restriction.RELOP_GE, new PropertyValue(PID_TAG_IMPORTANCE, 1)))),
        List.of(Rops.SortOrder.descending(PID_TAG_SUBJECT)));
    assertThat(standups).extracting(row -> row.get(1).asString())
        .containsExactly("Standup Tuesday", "Standup Retro", "Standup Monday");
    assertThat(standups).extracting(row -> row.get(3).asString()).containsOnly("IPM.Appointment");
    assertThat(standups.get(1).get(0).asLong()).isEqualTo(appointments.get("Standup Retro").id().toLong());
    assertThat(standups.get(1).get(2).asInt()).isEqualTo(2);

    // Contacts: company Acme, by display name
    int[] contactColumns = {PID_TAG_MID, PID_TAG_DISPLAY_NAME, PID_TAG_COMPANY_NAME};
    List<List<PropertyValue>> acme = contents(session, logonHandle, folderIds.get("Contacts"), contactColumns,
        new Restriction.Property(Restriction.RELOP_EQ, new PropertyValue(PID_TAG_COMPANY_NAME, "Acme")),
        List.of(Rops.SortOrder.ascending(PID_TAG_DISPLAY_NAME)));
    assertThat(acme).extracting(row -> row.get(1).asString()).containsExactly("Ann Archer", "Cid Carter", "Dee Dunn");

    // OpenMessage (read/write) + GetPropertiesSpecific; a property the item lacks comes back as
    // ecNotFound in its cell; SetProperties is buffered on the open message (read back before the
    // save) and RopSaveChangesMessage commits it
    long retro = appointments.get("Standup Retro").id().toLong();
    int[] messageTags = {PID_TAG_SUBJECT, PID_TAG_IMPORTANCE, PID_TAG_BODY, PID_TAG_COMPANY_NAME};
    RopBatch read = new RopBatch();
    int readLogon = read.input(logonHandle);
    int message = read.output();
    RopBatch.Ticket<Rops.OpenMessageResponse> opened =
        read.add(Rops.openMessage(0, readLogon, message, calendar.toLong(), retro, Rops.OPEN_READ_WRITE));
    RopBatch.Ticket<List<PropertyValue>> values = read.add(Rops.getPropertiesSpecific(0, message, messageTags));
    // the new body repeats itself, so this request goes out compressed as well as obfuscated
    RopBatch.Ticket<List<Rops.PropertyProblem>> set = read.add(Rops.setProperties(0, message, List.of(
        new PropertyValue(PID_TAG_IMPORTANCE, 0), new PropertyValue(PID_TAG_SUBJECT, "Standup Retro (moved)"),
        new PropertyValue(PID_TAG_BODY, "Moved to Thursday. ".repeat(50)))));
    RopBatch.Ticket<List<PropertyValue>> after = read.add(Rops.getPropertiesSpecific(0, message, new int[] {PID_TAG_SUBJECT, PID_TAG_IMPORTANCE}));
    RopBatch.Ticket<Rops.SaveChangesMessageResponse> saved =
        read.add(Rops.saveChangesMessage(0, readLogon, message, Rops.SAVE_KEEP_OPEN_READ_WRITE));
    read.add(Rops.release(0, message));
    EmsmdbSession.Executed readExecuted = session.execute(read);
    assertThat(readExecuted.requestCompressed()).as("request compressed").isTrue();
    assertThat(readExecuted.requestObfuscated()).as("request obfuscated").isTrue();
    RopResults readResults = readExecuted.results();
    Rops.OpenMessageResponse openedMessage = readResults.get(opened);
    assertThat(openedMessage.normalizedSubject()).isEqualTo("Standup Retro");
    // the attendees come with the open: an X500DN row for the EX address, an SMTP row for the guest
    assertThat(openedMessage.recipientCount()).isEqualTo(2);
    List<RecipientRow> attendees = openedMessage.recipientRows();
    assertThat(attendees).extracting(RecipientRow::recipientType).containsExactly(1, 2);
    assertThat(attendees).extracting(RecipientRow::displayName).containsExactly("Ann Archer", "Gus Guest");
    assertThat(attendees.get(0).type()).isEqualTo(RecipientRow.TYPE_X500DN);
    assertThat(attendees.get(0).x500dn()).isEqualTo(ANN_DN);
    assertThat(attendees.get(0).property(PID_TAG_SMTP_ADDRESS)).isEqualTo(new PropertyValue(PID_TAG_SMTP_ADDRESS, "ann@example.com"));
    assertThat(attendees.get(1).type()).isEqualTo(RecipientRow.TYPE_SMTP);
    assertThat(attendees.get(1).emailAddress()).isEqualTo("gus@elsewhere.example");
    List<PropertyValue> properties = readResults.get(values);
    assertThat(properties.get(0).asString()).isEqualTo("Standup Retro");
    assertThat(properties.get(1).asInt()).isEqualTo(2);
    assertThat(properties.get(2).asString()).isEqualTo("Standup Retro agenda. ".repeat(40));
    assertThat(properties.get(3).value()).isEqualTo(new PropertyValue.ErrorValue(ErrorCodes.NOT_FOUND));
    assertThat(readResults.get(set)).isEmpty();
    assertThat(readResults.get(after)).extracting(PropertyValue::value).containsExactly("Standup Retro (moved)", 0);
    assertThat(readResults.get(saved)).isEqualTo(new Rops.SaveChangesMessageResponse(message, retro));

    // read back through a new open, and in the store
    RopBatch reread = new RopBatch();
    int rereadLogon = reread.input(logonHandle);
    int reopened = reread.output();
    reread.add(Rops.openMessage(0, rereadLogon, reopened, calendar.toLong(), retro));
    RopBatch.Ticket<List<PropertyValue>> committed =
        reread.add(Rops.getPropertiesSpecific(0, reopened, new int[] {PID_TAG_SUBJECT, PID_TAG_IMPORTANCE, PID_TAG_BODY}));
    RopBatch.Ticket<List<RecipientRow>> fromRowOne =
        reread.add(Rops.readRecipients(0, reopened, 1, openedMessage.recipientColumns()));
    reread.add(Rops.release(0, reopened));
    RopResults rereadResults = session.execute(reread).results();
    assertThat(rereadResults.get(committed)).extracting(PropertyValue::value)
        .containsExactly("Standup Retro (moved)", 0, "Moved to Thursday. ".repeat(50));
    assertThat(rereadResults.get(fromRowOne)).extracting(RecipientRow::rowId, RecipientRow::displayName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "Gus Guest"));
    assertThat(mailbox.item(appointments.get("Standup Retro").id()).properties().values())
        .extracting(PropValue::value).contains("Standup Retro (moved)");

    // a handle the server never gave is refused for that ROP alone (ecNullObject), the session goes on
    RopBatch stale = new RopBatch();
    int gone = stale.input(0x7FFF_FFF0);
    RopBatch.Ticket<List<PropertyValue>> staleRead = stale.add(Rops.getPropertiesSpecific(0, gone, new int[] {PID_TAG_SUBJECT}));
    assertThat(session.execute(stale).results().returnValue(staleRead)).isEqualTo(ErrorCodes.NULL_OBJECT);

    RopBatch end = new RopBatch();
    end.add(Rops.release(0, end.input(logonHandle)));
    session.execute(end);
    assertThat(session.disconnect().statusCode()).isZero();
  }

  @Test
  public void wrongOrReplayedCookiesGetTheDocumentedResponseCodes() throws Exception {
    account("noah@example.com", "noah-pw", "Noah Nash", "noah");
    HttpClient http = httpClient();
    URI base = URI.create("https://localhost:" + HttpPorts.https(log));
    Autodiscover.Settings settings =
        Autodiscover.discover(http, base.resolve("/autodiscover/autodiscover.xml"), "noah", "noah-pw", "noah@example.com", TIMEOUT);
    MapiHttpTransport transport = new MapiHttpTransport(http, base.resolve("/mapi/emsmdb/"), "noah", "noah-pw", TIMEOUT);
    EmsmdbSession session = new EmsmdbSession(transport, EmsmdbSession.Options.compressedAndObfuscated());
    session.connect(settings.legacyDn());

    // a replayed (stale) sequence cookie: X-ResponseCode 14, Invalid Sequence (MS-OXCMAPIHTTP 2.2.3.3.3)
    String stale = transport.cookies().get("MapiSequence");
    RopBatch logon = new RopBatch();
    RopBatch.Ticket<Rops.LogonResponse> logonTicket = logon.add(Rops.logon(0, logon.output(), Rops.OPEN_FLAGS_HOME, settings.legacyDn()));
    session.execute(logon);
    String current = transport.cookies().get("MapiSequence");
    assertThat(current).isNotEqualTo(stale);
    transport.cookies().put("MapiSequence", stale);
    assertThatThrownBy(() -> session.execute(logon)).isInstanceOf(MapiHttpException.class)
        .satisfies(e -> assertThat(((MapiHttpException) e).responseCode()).isEqualTo(14));

    // a context cookie the server never issued: X-ResponseCode 10, Context Not Found
    MapiHttpTransport stranger = new MapiHttpTransport(http, base.resolve("/mapi/emsmdb/"), "noah", "noah-pw", TIMEOUT);
    stranger.cookies().put("MapiContext", "0123456789abcdef0123456789abcdef");
    stranger.cookies().put("MapiSequence", "0123456789abcdef0123456789abcdef");
    HttpResponse<byte[]> refused = stranger.send("Execute", EmsmdbBodies.executeRequest(0, new byte[0], 0x10000));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.headers().firstValue("X-ResponseCode")).hasValue("10");

    // the session itself lives on with its current sequence cookie
    transport.cookies().put("MapiSequence", current);
    assertThat(session.execute(logon).results().get(logonTicket).folderIds()).hasSize(13);
    assertThat(session.disconnect().statusCode()).isZero();
  }

  private static final int AB_ENTRY_ID = 0x0FFF0102;
  private static final int AB_EMAIL_ADDRESS = 0x3003001F;
  private static final int AB_DISPLAY_TYPE = 0x39000003;
  private static final int AB_DISPLAY_TYPE_EX = 0x39050003;
  private static final int AB_SMTP_ADDRESS = 0x39FE001F;
  private static final int AB_TITLE = 0x3A17001F;
  private static final int AB_ROOM_CAPACITY = 0x08070003;
  private static final int AB_CONTAINER_ID = 0xFFFD0003;
  private static final int AB_CONTAINER_FLAGS = 0x36000003;
  private static final int AB_PROXY_ADDRESSES = 0x800F101F;
  /** PidTagDisplayType DT_MAILUSER, PidTagDisplayTypeEx DT_ROOM in its low byte (MS-OXOABK 2.2.3.11, 2.2.3.12). */
  private static final int DT_MAILUSER = 0x0;
  private static final int DT_ROOM = 0x07;

  @Test
  public void addressBookThroughNspi() throws Exception {
    account("anna.berg@example.com", "anna-pw", "Anna Berg", "anna.berg");
    // accounts that never log in get no password (and cost no PBKDF2 hashing)
    run("convene:account-add --name \"Anna Bergstr\u00f6m\" --alias anna.bergstrom anna.bergstrom@example.com");
    run("convene:account-add --name \"Bert Anders\" --alias bert bert.anders@example.com");
    run("convene:account-add --kind room --name \"Room Fjord\" --alias fjord --capacity 12 fjord@example.com");
    Account fjord = directory.findBySmtp("fjord@example.com").orElseThrow();
    // the index is near-real-time: wait until ANR sees all four
    Deadline.await(WAIT, "the contact index to list the new accounts",
        () -> indexed("Anna Berg", 2) && indexed("Bert Anders", 1) && indexed("Room Fjord", 1));

    HttpClient http = httpClient();
    URI base = URI.create("https://localhost:" + HttpPorts.https(log));
    Autodiscover.Settings settings = Autodiscover.discover(
        http, base.resolve("/autodiscover/autodiscover.xml"), "anna.berg", "anna-pw", "anna.berg@example.com", TIMEOUT);
    URI addressBook = URI.create(settings.addressBookUrl());
    assertThat(addressBook.getPath()).isEqualTo("/mapi/nspi/");
    MapiHttpTransport transport = new MapiHttpTransport(http, base.resolve(addressBook.getRawPath()), "anna.berg", "anna-pw", TIMEOUT);
    NspiSession nspi = new NspiSession(transport);

    // Bind: the session cookies and the server's GUID, which ephemeral entry ids carry
    NspiBodies.BindResponse bound = nspi.bind(Stat.beginningOf(0));
    assertThat(bound.serverGuid()).isNotNull();
    assertThat(transport.cookies()).containsKeys("MapiContext", "MapiSequence");

    // GetSpecialTable: the hierarchy lists the GAL and the All Rooms address list
    NspiBodies.GetSpecialTableResponse hierarchy = nspi.getSpecialTable(Nspi.NSPI_UNICODE_STRINGS, Stat.beginningOf(0), null);
    assertThat(hierarchy.errorCode()).isEqualTo(Nspi.SUCCESS);
    Map<String, List<PropertyValue>> containers = new HashMap<>();
    for (List<PropertyValue> row : hierarchy.rows()) {
      containers.put(value(row, PID_TAG_DISPLAY_NAME).asString(), row);
    }
    assertThat(containers).containsKey("All Rooms");
    int roomsContainer = value(containers.get("All Rooms"), AB_CONTAINER_ID).asInt();
    assertThat(roomsContainer).isNotZero();
    assertThat(hierarchy.rows()).anySatisfy(row -> assertThat(value(row, AB_CONTAINER_ID).asInt()).as("the GAL").isZero());
    assertThat(containers.values()).allSatisfy(row -> assertThat(value(row, AB_CONTAINER_FLAGS)).isNotNull());

    // QueryRows walks the GAL two rows at a time, each request going on from the STAT the last one returned
    int[] galColumns = {PID_TAG_DISPLAY_NAME, AB_SMTP_ADDRESS, AB_DISPLAY_TYPE, AB_ENTRY_ID, AB_EMAIL_ADDRESS};
    List<List<PropertyValue>> gal = new ArrayList<>();
    Stat position = Stat.beginningOf(0);
    for (int page = 0; page < 50 && position.currentRec() != Nspi.MID_END_OF_TABLE; page++) {
      NspiBodies.RowsResponse rows = nspi.queryRows(Nspi.FLAG_EPH_ID, position, new int[0], 2, galColumns);
      assertThat(rows.errorCode()).isEqualTo(Nspi.SUCCESS);
      assertThat(rows.rows()).hasSizeLessThanOrEqualTo(2);
      gal.addAll(rows.rows());
      position = rows.state();
    }
    assertThat(position.currentRec()).as("the walk reached the end").isEqualTo(Nspi.MID_END_OF_TABLE);
    assertThat(position.totalRecs()).isEqualTo(gal.size());
    long enabled = directory.list().stream().filter(Account::enabled).count();
    assertThat(gal).hasSize((int) enabled);
    List<String> names = gal.stream().map(row -> row.get(0).asString()).toList();
    assertThat(names).containsSubsequence("Anna Berg", "Anna Bergstr\u00f6m", "Bert Anders").contains("Room Fjord");
    assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    Map<String, Integer> mids = new HashMap<>();
    for (List<PropertyValue> row : gal) {
      EntryId id = EntryId.parse(row.get(3).asBytes());
      assertThat(id.idType()).as("fEphID asks for ephemeral entry ids").isEqualTo(EntryId.EPHEMERAL);
      assertThat(java.util.Arrays.equals(id.providerUid(), guidBytes(bound.serverGuid()))).as("ProviderUID is the Bind GUID").isTrue();
      assertThat(id.displayType()).isEqualTo(row.get(2).asInt());
      mids.put(row.get(1).asString(), id.mid());
    }
    List<PropertyValue> annaRow = gal.get(names.indexOf("Anna Berg"));
    assertThat(annaRow.get(1).asString()).isEqualTo("anna.berg@example.com");
    assertThat(annaRow.get(2).asInt()).isEqualTo(DT_MAILUSER);
    assertThat(annaRow.get(4).asString()).isEqualToIgnoringCase(settings.legacyDn());
    int annaMid = mids.get("anna.berg@example.com");
    int annaBMid = mids.get("anna.bergstrom@example.com");
    int bertMid = mids.get("bert.anders@example.com");

    // QueryRows with explicit MIds: those rows, in that order
    // (and strings as the column asks: PtypString8, or PtypUnspecified answered with its type)
    NspiBodies.RowsResponse explicit = nspi.queryRows(0, Stat.beginningOf(0), new int[] {bertMid, annaBMid}, 2,
        new int[] {PID_TAG_DISPLAY_NAME, AB_SMTP_ADDRESS, 0x3001001E, 0x39FE0000});
    assertThat(explicit.rows()).extracting(row -> row.get(1).asString())
        .containsExactly("bert.anders@example.com", "anna.bergstrom@example.com");
    assertThat(explicit.rows().get(0).get(2)).isEqualTo(new PropertyValue(0x3001001E, "Bert Anders"));
    assertThat(explicit.rows().get(0).get(3).type()).isIn(0x001E, 0x001F);
    assertThat(explicit.rows().get(0).get(3).asString()).isEqualTo("bert.anders@example.com");

    // ResolveNames (Unicode): one match, an ambiguous name, an unknown one (MS-OXNSPI 2.2.1.9)
    NspiBodies.ResolveNamesResponse resolved = nspi.resolveNames(Stat.beginningOf(0),
        new int[] {PID_TAG_DISPLAY_NAME, AB_SMTP_ADDRESS, AB_DISPLAY_TYPE}, List.of("Anna Bergs", "Anna", "nobody-xyz"));
    assertThat(resolved.errorCode()).isEqualTo(Nspi.SUCCESS);
    assertThat(resolved.minimalIds()).as(java.util.HexFormat.of().formatHex(nspi.lastResponseBody())).containsExactly(annaBMid, Nspi.MID_AMBIGUOUS, Nspi.MID_UNRESOLVED);
    assertThat(resolved.rows()).hasSize(1);
    assertThat(resolved.rows().get(0)).extracting(PropertyValue::value)
        .containsExactly("Anna Bergstr\u00f6m", "anna.bergstrom@example.com", DT_MAILUSER);
    assertThat(log.contains("falls back to a prefix match")).as("ANR went through the Lucene index").isFalse();

    // DNToMId: Anna's LegacyDN from Autodiscover names the MId the GAL walk gave; an unknown DN is 0
    assertThat(nspi.dnToMId(List.of(settings.legacyDn(), "/o=Nowhere/cn=nobody")).minimalIds()).containsExactly(annaMid, 0);

    // GetProps on Anna: a permanent entry id naming her DN; Title is not in the directory
    NspiBodies.GetPropsResponse props = nspi.getProps(0, Stat.beginningOf(0).at(annaMid),
        new int[] {PID_TAG_DISPLAY_NAME, AB_ENTRY_ID, AB_TITLE, AB_PROXY_ADDRESSES});
    assertThat(props.errorCode()).isEqualTo(Nspi.ERRORS_RETURNED);
    assertThat(props.values().get(0).asString()).isEqualTo("Anna Berg");
    EntryId permanent = EntryId.parse(props.values().get(1).asBytes());
    assertThat(permanent.isPermanent()).isTrue();
    assertThat(permanent.fromNspiProvider()).as("ProviderUID is GUID_NSPI").isTrue();
    assertThat(permanent.distinguishedName()).isEqualToIgnoringCase(settings.legacyDn());
    assertThat(props.values().get(2).value()).isEqualTo(new PropertyValue.ErrorValue(Nspi.NOT_FOUND));
    // multi-valued: one HasValue per element, as Exchange sends it (see AbValues)
    assertThat(props.values().get(3).tag()).isEqualTo(AB_PROXY_ADDRESSES);
    assertThat(props.values().get(3).asList()).as(java.util.HexFormat.of().formatHex(nspi.lastResponseBody()))
        .anySatisfy(address -> assertThat((String) address).isEqualToIgnoringCase("SMTP:anna.berg@example.com"));

    // GetMatches: And (32-bit count outside ROP buffers) of Exist and a prefix on the display name
    NspiBodies.GetMatchesResponse matches = nspi.getMatches(Stat.beginningOf(0),
        new AbRestriction.And(List.of(new AbRestriction.Exist(AB_SMTP_ADDRESS),
            new AbRestriction.Content(AbRestriction.FL_PREFIX, AbRestriction.FL_IGNORECASE, new PropertyValue(PID_TAG_DISPLAY_NAME, "anna")))),
        50, new int[] {PID_TAG_DISPLAY_NAME});
    assertThat(matches.errorCode()).isEqualTo(Nspi.SUCCESS);
    assertThat(matches.minimalIds()).containsExactlyInAnyOrder(annaMid, annaBMid);
    assertThat(matches.rows()).extracting(row -> row.get(0).asString()).containsExactlyInAnyOrder("Anna Berg", "Anna Bergstr\u00f6m");

    // SeekEntries: the first GAL row at or after "B"
    NspiBodies.RowsResponse seek = nspi.seekEntries(Stat.beginningOf(0), new PropertyValue(PID_TAG_DISPLAY_NAME, "B"),
        new int[] {PID_TAG_DISPLAY_NAME});
    assertThat(seek.errorCode()).isEqualTo(Nspi.SUCCESS);
    assertThat(seek.state().currentRec()).isEqualTo(bertMid);

    // the All Rooms list: the room with its capacity and DisplayTypeEx DT_ROOM
    String sequenceBefore = transport.cookies().get("MapiSequence");
    NspiBodies.RowsResponse rooms = nspi.queryRows(0, Stat.beginningOf(roomsContainer), new int[0], 50,
        new int[] {PID_TAG_DISPLAY_NAME, AB_ROOM_CAPACITY, AB_DISPLAY_TYPE_EX, AB_SMTP_ADDRESS});
    assertThat(rooms.errorCode()).isEqualTo(Nspi.SUCCESS);
    assertThat(rooms.rows()).hasSize(1);
    List<PropertyValue> room = rooms.rows().get(0);
    assertThat(room.get(0).asString()).isEqualTo("Room Fjord");
    assertThat(room.get(1).asInt()).isEqualTo(fjord.capacity()).isEqualTo(12);
    assertThat(room.get(2).asInt() & 0xFF).isEqualTo(DT_ROOM);
    assertThat(room.get(3).asString()).isEqualTo("fjord@example.com");

    // a replayed sequence cookie: X-ResponseCode 14, Invalid Sequence (2.2.3.3.3); the session lives on
    String sequenceNow = transport.cookies().get("MapiSequence");
    assertThat(sequenceNow).isNotEqualTo(sequenceBefore);
    transport.cookies().put("MapiSequence", sequenceBefore);
    HttpResponse<byte[]> replayed = transport.send("DNToMId", NspiBodies.dnToMIdRequest(List.of(settings.legacyDn())));
    assertThat(replayed.headers().firstValue("X-ResponseCode")).hasValue("14");
    transport.cookies().put("MapiSequence", sequenceNow);
    assertThat(nspi.dnToMId(List.of(settings.legacyDn())).minimalIds()).containsExactly(annaMid);

    // Unbind; the old context cookie is then unknown: X-ResponseCode 10, Context Not Found (2.2.3.3.3)
    Map<String, String> oldCookies = new HashMap<>(transport.cookies());
    assertThat(nspi.unbind().errorCode()).isEqualTo(Nspi.UNBIND_SUCCESS);
    MapiHttpTransport stale = new MapiHttpTransport(http, base.resolve(addressBook.getRawPath()), "anna.berg", "anna-pw", TIMEOUT);
    stale.cookies().putAll(oldCookies);
    HttpResponse<byte[]> refused = stale.send("QueryRows",
        NspiBodies.queryRowsRequest(0, Stat.beginningOf(0), new int[0], 1, new int[] {PID_TAG_DISPLAY_NAME}));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.headers().firstValue("X-ResponseCode")).hasValue("10");
  }

  private boolean indexed(String text, int atLeast) {
    try {
      return search.resolve(Caller.server(), text).hits().size() >= atLeast;
    } catch (SearchException e) {
      return false;
    }
  }

  private static PropertyValue value(List<PropertyValue> values, int tag) {
    return values.stream().filter(v -> v.tag() == tag).findFirst()
        .orElseThrow(() -> new AssertionError(String.format("no 0x%08X in %s", tag, values)));
  }

  /** A GUID in its wire order (MS-DTYP 2.3.4.2). */
  private static byte[] guidBytes(java.util.UUID guid) {
    java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    long high = guid.getMostSignificantBits();
    out.putInt((int) (high >>> 32)).putShort((short) (high >>> 16)).putShort((short) high);
    out.order(java.nio.ByteOrder.BIG_ENDIAN).putLong(guid.getLeastSignificantBits());
    return out.array();
  }

  /** OpenFolder + GetContentsTable + SetColumns + SortTable + Restrict + QueryRows (+ Release) in one Execute. */
  private static List<List<PropertyValue>> contents(EmsmdbSession session, int logonHandle, long folderId, int[] columns,
      Restriction restriction, List<Rops.SortOrder> sort) throws Exception {
    RopBatch batch = new RopBatch();
    int logon = batch.input(logonHandle);
    int folder = batch.output();
    int table = batch.output();
    batch.add(Rops.openFolder(0, logon, folder, folderId));
    batch.add(Rops.getContentsTable(0, folder, table, 0));
    RopBatch.Ticket<Integer> columnsSet = batch.add(Rops.setColumns(0, table, columns));
    RopBatch.Ticket<Integer> sorted = batch.add(Rops.sortTable(0, table, sort));
    RopBatch.Ticket<Integer> restricted = batch.add(Rops.restrict(0, table, restriction));
    RopBatch.Ticket<Rops.Rows> rows = batch.add(Rops.queryRows(0, table, 50, columns));
    batch.add(Rops.release(0, table));
    batch.add(Rops.release(0, folder));
    RopResults results = session.execute(batch).results();
    assertThat(results.get(columnsSet)).as("TableStatus after SetColumns").isZero();
    assertThat(results.get(sorted)).as("TableStatus after SortTable").isZero();
    assertThat(results.get(restricted)).as("TableStatus after Restrict").isZero();
    return new ArrayList<>(results.get(rows).rows());
  }

  private Account account(String smtp, String password, String name, String alias) throws Exception {
    run("convene:account-add " + smtp + " " + password + " --name \"" + name + "\" --alias " + alias);
    Account account = directory.findBySmtp(smtp).orElseThrow();
    Deadline.await(WAIT, smtp + "'s mailbox", () -> exists(account.id()));
    return account;
  }

  private boolean exists(long accountId) {
    try {
      return store.exists(accountId);
    } catch (StoreException e) {
      return false;
    }
  }

  private String run(String command) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        CommandSession session = shell.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
      Object result = session.execute(command);
      return printed.toString(StandardCharsets.UTF_8) + (result == null ? "" : String.valueOf(result));
    }
  }

  private HttpClient httpClient() throws Exception {
    Path tls = home.resolve("data/tls");
    char[] password = Files.readString(tls.resolve("selfsigned.password")).strip().toCharArray();
    KeyStore keys = KeyStore.getInstance(tls.resolve("selfsigned.p12").toFile(), password);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keys);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  }

  private static String jarOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation().toString();
  }
}
