package io.convene.mapi.autodiscover;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes POX Autodiscover responses (MS-OXDSCLI 2.2.4, example 4.4): the settings of a user, with
 * the {@code mapiHttp} protocol, EXCH and EXPR entries for EWS, or an Error element.
 */
public final class PoxResponseWriter {

  static final String AUTODISCOVER_NS =
      "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
  static final String OUTLOOK_NS =
      "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
  private static final DateTimeFormatter ERROR_TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSS").withZone(ZoneOffset.UTC);

  private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();

  /** The settings response for one user. */
  public byte[] settings(UserSettings user) {
    String base = user.baseUrl();
    String mailboxId = URLEncoder.encode(user.smtpAddress(), StandardCharsets.UTF_8);
    String ews = base + "/EWS/Exchange.asmx";
    return document(
        w -> {
          w.writeStartElement("User");
          element(w, "DisplayName", user.displayName());
          element(w, "LegacyDN", user.legacyDn());
          element(w, "AutoDiscoverSMTPAddress", user.smtpAddress());
          element(w, "DeploymentId", user.deploymentId());
          w.writeEndElement();
          w.writeStartElement("Account");
          element(w, "AccountType", "email");
          element(w, "Action", "settings");
          element(w, "MicrosoftOnline", "False");
          if (user.mapiHttp()) {
            w.writeStartElement("Protocol");
            w.writeAttribute("Type", "mapiHttp");
            w.writeAttribute("Version", "1");
            urls(w, "MailStore", base + "/mapi/emsmdb/?MailboxId=" + mailboxId);
            urls(w, "AddressBook", base + "/mapi/nspi/?MailboxId=" + mailboxId);
            w.writeEndElement();
          }
          for (String type : new String[] {"EXCH", "EXPR"}) {
            w.writeStartElement("Protocol");
            element(w, "Type", type);
            element(w, "Server", hostOf(base));
            element(w, "ASUrl", ews);
            element(w, "EwsUrl", ews);
            element(w, "EmwsUrl", ews);
            element(w, "OOFUrl", ews);
            if (type.equals("EXPR")) {
              element(w, "SSL", base.startsWith("https:") ? "On" : "Off");
              element(w, "AuthPackage", "Basic");
            }
            w.writeEndElement();
          }
          w.writeEndElement();
        });
  }

  /** An Error response (MS-OXDSCLI 2.2.4.1.1.3) with one of the codes of 2.2.4.1.1.3.3. */
  public byte[] error(int errorCode, String message, Instant now, String serverId) {
    return document(
        w -> {
          w.writeStartElement("Error");
          w.writeAttribute("Time", ERROR_TIME.format(now));
          w.writeAttribute("Id", serverId);
          element(w, "ErrorCode", Integer.toString(errorCode));
          element(w, "Message", message);
          w.writeEmptyElement("DebugData");
          w.writeEndElement();
        });
  }

  private interface Content {
    void write(XMLStreamWriter writer) throws XMLStreamException;
  }

  private byte[] document(Content content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter w = factory.createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("utf-8", "1.0");
      w.writeStartElement("Autodiscover");
      w.writeDefaultNamespace(AUTODISCOVER_NS);
      w.writeStartElement("Response");
      w.writeDefaultNamespace(OUTLOOK_NS);
      content.write(w);
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML to memory failed", e);
    }
    return out.toByteArray();
  }

  private static void urls(XMLStreamWriter w, String name, String url) throws XMLStreamException {
    w.writeStartElement(name);
    element(w, "InternalUrl", url);
    element(w, "ExternalUrl", url);
    w.writeEndElement();
  }

  private static void element(XMLStreamWriter w, String name, String text)
      throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(text);
    w.writeEndElement();
  }

  private static String hostOf(String baseUrl) {
    int start = baseUrl.indexOf("://") + 3;
    int colon = baseUrl.indexOf(':', start);
    return colon < 0 ? baseUrl.substring(start) : baseUrl.substring(start, colon);
  }
}
