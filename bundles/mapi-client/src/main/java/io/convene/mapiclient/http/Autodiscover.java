package io.convene.mapiclient.http;

import io.convene.mapiclient.wire.MapiWireException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * POX Autodiscover (MS-OXDSCLI 2.2.3/2.2.4) as a MAPI/HTTP client does it: POST the request with
 * {@code X-MapiHttpCapability: 1} and read the user and the {@code mapiHttp} protocol's URLs.
 */
public final class Autodiscover {

  static final String REQUEST_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
  static final String RESPONSE_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
  /** Bounds the response document. */
  public static final int MAX_RESPONSE = 256 * 1024;

  /** What the client needs to connect: the user and the mailbox and address book endpoints. */
  public record Settings(String displayName, String legacyDn, String mailStoreUrl, String addressBookUrl, String errorCode) {}

  private Autodiscover() {}

  public static byte[] request(String smtpAddress) {
    String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
        + "<Autodiscover xmlns=\"" + REQUEST_NS + "\"><Request><EMailAddress>" + escape(smtpAddress)
        + "</EMailAddress><AcceptableResponseSchema>" + RESPONSE_SCHEMA + "</AcceptableResponseSchema></Request></Autodiscover>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  public static Settings discover(HttpClient http, URI autodiscoverXml, String user, String password, String smtpAddress, Duration timeout)
      throws IOException, InterruptedException, MapiWireException {
    HttpRequest request = HttpRequest.newBuilder(autodiscoverXml)
        .timeout(timeout)
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("X-MapiHttpCapability", "1")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(request(smtpAddress)))
        .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new MapiWireException("Autodiscover answered HTTP " + response.statusCode());
    }
    return parse(response.body());
  }

  /** Reads a POX response: User/DisplayName, User/LegacyDN, the mapiHttp Protocol's URLs, or Error/ErrorCode. */
  public static Settings parse(byte[] xml) throws MapiWireException {
    if (xml.length > MAX_RESPONSE) {
      throw new MapiWireException("Autodiscover response of " + xml.length + " bytes exceeds " + MAX_RESPONSE);
    }
    Document document;
    try {
      document = secureBuilder().parse(new ByteArrayInputStream(xml));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new MapiWireException("Autodiscover response is not well-formed XML: " + e.getMessage());
    }
    Element root = document.getDocumentElement();
    String error = text(root, "ErrorCode");
    String name = text(root, "DisplayName");
    String legacyDn = text(root, "LegacyDN");
    String mailStore = null;
    String addressBook = null;
    NodeList protocols = root.getElementsByTagNameNS("*", "Protocol");
    for (int i = 0; i < protocols.getLength(); i++) {
      Element protocol = (Element) protocols.item(i);
      if ("mapiHttp".equals(protocol.getAttribute("Type"))) {
        mailStore = url(protocol, "MailStore");
        addressBook = url(protocol, "AddressBook");
      }
    }
    return new Settings(name, legacyDn, mailStore, addressBook, error);
  }

  private static String url(Element protocol, String service) {
    NodeList elements = protocol.getElementsByTagNameNS("*", service);
    if (elements.getLength() == 0) {
      return null;
    }
    String external = text((Element) elements.item(0), "ExternalUrl");
    return external != null ? external : text((Element) elements.item(0), "InternalUrl");
  }

  private static String text(Element scope, String localName) {
    NodeList nodes = scope.getElementsByTagNameNS("*", localName);
    if (nodes.getLength() == 0) {
      return null;
    }
    Node node = nodes.item(0);
    return node.getTextContent().trim();
  }

  private static DocumentBuilder secureBuilder() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
