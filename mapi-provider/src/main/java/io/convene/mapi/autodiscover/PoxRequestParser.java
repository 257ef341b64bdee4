package io.convene.mapi.autodiscover;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses POX Autodiscover requests (MS-OXDSCLI 2.2.3) with the JDK's parser, hardened against XML
 * external entities: DOCTYPE declarations are refused outright, external entities, DTDs, schemas
 * and XInclude are off, and secure processing bounds entity expansion. The caller bounds the size.
 * Thread-safe: each parse builds its own DocumentBuilder.
 */
public final class PoxRequestParser {

  /** The request namespace; the documentation also shows it with https, which clients copy. */
  static final String REQUEST_NAMESPACE =
      "schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";

  private final DocumentBuilderFactory factory;

  public PoxRequestParser() {
    try {
      // newDefaultInstance: the JDK's own parser, no ServiceLoader lookup through bundle loaders.
      factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser lacks a security feature", e);
    }
  }

  public AutodiscoverRequest parse(byte[] body) throws AutodiscoverRequestException {
    Document document;
    try {
      DocumentBuilder builder = factory.newDocumentBuilder();
      // The default handler prints parse errors to stderr; stay silent and just fail.
      builder.setErrorHandler(new DefaultHandler());
      document = builder.parse(new ByteArrayInputStream(body));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new AutodiscoverRequestException("not well-formed XML: " + e.getMessage());
    }
    Element root = document.getDocumentElement();
    if (!"Autodiscover".equals(root.getLocalName()) || !inRequestNamespace(root)) {
      throw new AutodiscoverRequestException("root is not an Autodiscover request element");
    }
    Element request =
        child(root, "Request")
            .orElseThrow(() -> new AutodiscoverRequestException("no Request element"));
    Optional<String> email = text(request, "EMailAddress");
    Optional<String> legacyDn = text(request, "LegacyDN");
    String schema =
        text(request, "AcceptableResponseSchema")
            .orElseThrow(() -> new AutodiscoverRequestException("no AcceptableResponseSchema"));
    if (email.isEmpty() && legacyDn.isEmpty()) {
      throw new AutodiscoverRequestException("neither EMailAddress nor LegacyDN");
    }
    return new AutodiscoverRequest(email, legacyDn, schema);
  }

  static boolean sameSchema(String uri, String withoutScheme) {
    return uri.equals("http://" + withoutScheme) || uri.equals("https://" + withoutScheme);
  }

  private static boolean inRequestNamespace(Element element) {
    String namespace = element.getNamespaceURI();
    return namespace != null && sameSchema(namespace, REQUEST_NAMESPACE);
  }

  private static Optional<Element> child(Element parent, String localName) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element
          && localName.equals(element.getLocalName())
          && inRequestNamespace(element)) {
        return Optional.of(element);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> text(Element parent, String localName) {
    return child(parent, localName).map(e -> e.getTextContent().trim()).filter(t -> !t.isEmpty());
  }
}
