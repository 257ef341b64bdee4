package io.convene.mapi.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountKind;
import io.convene.api.directory.BookingPolicy;
import io.convene.mapi.addressing.LegacyDn;
import io.convene.mapi.testing.FakeExchange;
import io.convene.mapi.testing.MutableClock;
import io.convene.mapi.testing.SpecFixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class AutodiscoverHandlerTest {

  static final Account ALICE =
      new Account(
          1, AccountKind.USER, "Alice <Liddell> & Co", "alice@example.org", "alice", true, 0, 0, "",
          BookingPolicy.DEFAULT);

  final AutodiscoverHandler.Accounts accounts =
      new AutodiscoverHandler.Accounts() {
        @Override
        public Optional<Account> bySmtp(String smtpAddress) {
          return smtpAddress.equalsIgnoreCase(ALICE.smtpAddress()) ? Optional.of(ALICE) : Optional.empty();
        }

        @Override
        public Optional<Account> byAlias(String alias) {
          return alias.equals(ALICE.alias()) ? Optional.of(ALICE) : Optional.empty();
        }
      };
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T16:56:32.6164027Z"));
  AutodiscoverHandler handler =
      new AutodiscoverHandler(accounts, new AutodiscoverSettings("https://mail.example.org", "", 4096), clock);

  static String request(String email) {
    return SpecFixtures.text("ms-oxdscli/4.1-request.xml").replace("user@contoso.com", email);
  }

  FakeExchange post(String path, String body) throws Exception {
    FakeExchange exchange =
        new FakeExchange("POST", path)
            .header("Host", "autodiscover.example.org")
            .header("X-MapiHttpCapability", "1")
            .user("1", "alice@example.org")
            .body(body.getBytes(StandardCharsets.UTF_8));
    handler.handle(exchange);
    return exchange;
  }

  static Document xml(byte[] body) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
  }

  static String text(Document document, String xpath) throws Exception {
    return XPathFactory.newDefaultInstance().newXPath().evaluate(xpath, document);
  }

  /** Every element path under {@code root}, e.g. Response/User/DisplayName. */
  static List<String> paths(Node node, String prefix, List<String> into) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element) {
        String path = prefix + "/" + element.getTagName();
        into.add(path);
        paths(element, path, into);
      }
    }
    return into;
  }

  @Test
  void knownAddressGetsUserAccountAndMapiHttpSettings() throws Exception {
    FakeExchange exchange = post("/autodiscover/autodiscover.xml", request("alice@example.org"));
    assertThat(exchange.status()).isEqualTo(200);
    assertThat(exchange.contentType()).startsWith("text/xml");
    Document doc = xml(exchange.body());
    assertThat(text(doc, "/Autodiscover/Response/User/DisplayName")).isEqualTo("Alice <Liddell> & Co");
    assertThat(text(doc, "/Autodiscover/Response/User/LegacyDN"))
        .isEqualTo("/o=Convene/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=alice");
    assertThat(text(doc, "/Autodiscover/Response/User/AutoDiscoverSMTPAddress")).isEqualTo("alice@example.org");
    assertThat(text(doc, "/Autodiscover/Response/User/DeploymentId")).matches("[0-9a-f-]{36}");
    assertThat(text(doc, "/Autodiscover/Response/Account/AccountType")).isEqualTo("email");
    assertThat(text(doc, "/Autodiscover/Response/Account/Action")).isEqualTo("settings");
    String mapi = "/Autodiscover/Response/Account/Protocol[@Type='mapiHttp'][@Version='1']";
    assertThat(text(doc, mapi + "/MailStore/InternalUrl"))
        .isEqualTo("https://mail.example.org/mapi/emsmdb/?MailboxId=alice%40example.org");
    assertThat(text(doc, mapi + "/MailStore/ExternalUrl"))
        .isEqualTo("https://mail.example.org/mapi/emsmdb/?MailboxId=alice%40example.org");
    assertThat(text(doc, mapi + "/AddressBook/InternalUrl"))
        .isEqualTo("https://mail.example.org/mapi/nspi/?MailboxId=alice%40example.org");
    assertThat(text(doc, "/Autodiscover/Response/Account/Protocol[Type='EXCH']/EwsUrl"))
        .isEqualTo("https://mail.example.org/EWS/Exchange.asmx");
    assertThat(text(doc, "/Autodiscover/Response/Account/Protocol[Type='EXPR']/EwsUrl"))
        .isEqualTo("https://mail.example.org/EWS/Exchange.asmx");
    assertThat(doc.getDocumentElement().getAttribute("xmlns"))
        .isEqualTo("http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006");
  }

  @Test
  void responseHasTheShapeOfTheSpecExample() throws Exception {
    Document spec = xml(SpecFixtures.text("ms-oxdscli/4.4-mapihttp-response.xml").getBytes(StandardCharsets.UTF_8));
    Document ours = xml(post("/autodiscover/autodiscover.xml", request("alice@example.org")).body());
    List<String> expected = paths(spec.getDocumentElement(), "", new ArrayList<>());
    assertThat(paths(ours.getDocumentElement(), "", new ArrayList<>())).containsAll(expected);
    XPath xpath = XPathFactory.newDefaultInstance().newXPath();
    Element protocol =
        (Element) xpath.evaluate("//Protocol[@Type='mapiHttp']", ours, XPathConstants.NODE);
    assertThat(protocol.getAttribute("Version")).isEqualTo("1");
  }

  @Test
  void mapiHttpIsAnnouncedOnlyToClientsThatAskForIt() throws Exception {
    FakeExchange exchange =
        new FakeExchange("POST", "/autodiscover/autodiscover.xml")
            .user("1", "alice")
            .body(request("alice@example.org").getBytes(StandardCharsets.UTF_8));
    handler.handle(exchange);
    Document doc = xml(exchange.body());
    assertThat(text(doc, "count(//Protocol[@Type='mapiHttp'])")).isEqualTo("0");
    assertThat(text(doc, "count(//Protocol[Type='EXCH'])")).isEqualTo("1");
  }

  @Test
  void pathSpellingsOutlookUsesAllWork() throws Exception {
    for (String path :
        List.of("/autodiscover/autodiscover.xml", "/Autodiscover/Autodiscover.xml", "/AutoDiscover/AutoDiscover.xml")) {
      assertThat(text(xml(post(path, request("alice@example.org")).body()), "//User/AutoDiscoverSMTPAddress"))
          .as(path)
          .isEqualTo("alice@example.org");
    }
    assertThat(post("/autodiscover/other.xml", request("alice@example.org")).status()).isEqualTo(404);
  }

  @Test
  void legacyDnRequestsAreAnsweredToo() throws Exception {
    String body =
        request("x").replace("<EMailAddress>x</EMailAddress>", "<LegacyDN>" + LegacyDn.of(ALICE) + "</LegacyDN>");
    assertThat(text(xml(post("/autodiscover/autodiscover.xml", body).body()), "//User/DisplayName"))
        .isEqualTo(ALICE.displayName());
  }

  @Test
  void unknownAddressGetsErrorCode500() throws Exception {
    Document doc = xml(post("/autodiscover/autodiscover.xml", request("nobody@example.org")).body());
    assertThat(text(doc, "/Autodiscover/Response/Error/ErrorCode")).isEqualTo("500");
    assertThat(text(doc, "/Autodiscover/Response/Error/Message")).isEqualTo("The e-mail address cannot be found.");
    assertThat(text(doc, "/Autodiscover/Response/Error/@Time")).isEqualTo("16:56:32.6164027");
    assertThat(text(doc, "count(/Autodiscover/Response/Error/DebugData)")).isEqualTo("1");
  }

  @Test
  void malformedRequestsGetErrorCode600() throws Exception {
    for (String body :
        List.of(
            "<Autodiscover",
            "",
            "<Autodiscover xmlns=\"urn:other\"><Request><EMailAddress>alice@example.org</EMailAddress></Request></Autodiscover>",
            request("alice@example.org").replace("<AcceptableResponseSchema>", "<Other>").replace("</AcceptableResponseSchema>", "</Other>"))) {
      FakeExchange exchange = post("/autodiscover/autodiscover.xml", body);
      assertThat(exchange.status()).isEqualTo(200);
      assertThat(text(xml(exchange.body()), "//Error/ErrorCode")).as(body).isEqualTo("600");
    }
    FakeExchange get = new FakeExchange("GET", "/autodiscover/autodiscover.xml").user("1", "a");
    handler.handle(get);
    assertThat(text(xml(get.body()), "//Error/ErrorCode")).isEqualTo("600");
    assertThat(text(xml(post("/autodiscover/autodiscover.xml", request("alice@example.org") + " ".repeat(5000)).body()), "//Error/ErrorCode"))
        .isEqualTo("600");
  }

  @Test
  void otherResponseSchemasGetErrorCode601() throws Exception {
    String body = request("alice@example.org").replace("outlook/responseschema/2006a", "mobilesync/responseschema/2006");
    assertThat(text(xml(post("/autodiscover/autodiscover.xml", body).body()), "//Error/ErrorCode")).isEqualTo("601");
  }

  @Test
  void externalEntitiesAndDoctypesAreRefused(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "alice@example.org");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>"
            + request("&x;").replaceFirst("<\\?xml[^>]*>", "");
    FakeExchange exchange = post("/autodiscover/autodiscover.xml", xxe);
    String answer = new String(exchange.body(), StandardCharsets.UTF_8);
    assertThat(text(xml(exchange.body()), "//Error/ErrorCode")).isEqualTo("600");
    assertThat(answer).doesNotContain("Alice");

    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY l \"lol\"><!ENTITY l2 \"&l;&l;&l;&l;&l;&l;&l;&l;\">]>"
            + request("&l2;").replaceFirst("<\\?xml[^>]*>", "");
    assertThat(text(xml(post("/autodiscover/autodiscover.xml", laughs).body()), "//Error/ErrorCode")).isEqualTo("600");
  }

  @Test
  void hostHeaderBuildsTheUrlsWhenNoPublicUrlIsConfigured() throws Exception {
    handler = new AutodiscoverHandler(accounts, new AutodiscoverSettings("", "", 4096), clock);
    Document doc = xml(post("/autodiscover/autodiscover.xml", request("alice@example.org")).body());
    assertThat(text(doc, "//Protocol[@Type='mapiHttp']/MailStore/InternalUrl"))
        .startsWith("https://autodiscover.example.org/mapi/emsmdb/");

    FakeExchange evil =
        new FakeExchange("POST", "/autodiscover/autodiscover.xml")
            .header("Host", "evil\"/><x")
            .insecure()
            .user("1", "alice")
            .body(request("alice@example.org").getBytes(StandardCharsets.UTF_8));
    handler.handle(evil);
    assertThat(text(xml(evil.body()), "//Protocol[Type='EXPR']/EwsUrl")).isEqualTo("http://localhost/EWS/Exchange.asmx");
  }

  @Test
  void jsonServicePointsAtEachProtocol() throws Exception {
    AutodiscoverJsonHandler json = new AutodiscoverJsonHandler(handler);
    FakeExchange v1 = jsonGet(json, "/autodiscover/autodiscover.json/v1.0/alice@example.org", "Protocol=AutodiscoverV1");
    assertThat(v1.status()).isEqualTo(200);
    assertThat(new String(v1.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"Protocol\":\"AutodiscoverV1\",\"Url\":\"https://mail.example.org/autodiscover/autodiscover.xml\"}");
    FakeExchange ews = jsonGet(json, "/autodiscover/autodiscover.json", "Email=nobody%40example.org&Protocol=ews");
    assertThat(new String(ews.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"Protocol\":\"EWS\",\"Url\":\"https://mail.example.org/EWS/Exchange.asmx\"}");
    FakeExchange other = jsonGet(json, "/autodiscover/autodiscover.json/v1.0/alice@example.org", "Protocol=Rest");
    assertThat(other.status()).isEqualTo(400);
    assertThat(new String(other.body(), StandardCharsets.UTF_8)).contains("\"ErrorCode\":\"InvalidProtocol\"");
    assertThat(jsonGet(json, "/autodiscover/autodiscover.json/v1.0/alice@example.org", null).status()).isEqualTo(400);
  }

  private static FakeExchange jsonGet(AutodiscoverJsonHandler json, String path, String query) throws Exception {
    FakeExchange exchange = new FakeExchange("GET", path).query(query);
    json.handle(exchange);
    return exchange;
  }
}
