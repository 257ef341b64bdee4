package io.convene.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import io.convene.api.directory.Account;
import io.convene.api.directory.Directory;
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
import io.convene.mapiclient.rop.ErrorCodes;
import io.convene.mapiclient.rop.PropertyValue;
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
 * compressed and obfuscated and the server answers in kind.
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

  @Inject private Directory directory;
  @Inject private Store store;
  @Inject private CommandProcessor shell;

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
    assertThat(openedMessage.recipientCount()).isZero();
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
    reread.add(Rops.release(0, reopened));
    assertThat(session.execute(reread).results().get(committed)).extracting(PropertyValue::value)
        .containsExactly("Standup Retro (moved)", 0, "Moved to Thursday. ".repeat(50));
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
