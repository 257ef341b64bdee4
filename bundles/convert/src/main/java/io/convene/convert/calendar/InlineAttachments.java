package io.convene.convert.calendar;

import io.convene.api.convert.AttachmentContent;
import io.convene.api.convert.ConversionException;
import io.convene.api.convert.NamedPropertyIds;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalProperty;
import io.convene.convert.props.Bag;
import io.convene.convert.props.TaggedProps;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inline ATTACH properties (RFC 5545 3.8.1.1, {@code ENCODING=BASE64;VALUE=BINARY}) to and from
 * afByValue attachments (MS-OXCICAL 2.1.3.1.1.20.1): the data, FMTTYPE as PidTagAttachMimeTag and
 * the file name (X-FILENAME, as Outlook and Apple write it, or FILENAME) as
 * PidTagAttachLongFilename. An ATTACH holding a URI stays text (a kept iCalendar property), as do
 * inline ones that are not valid base64.
 */
final class InlineAttachments {

  static final int AF_BY_VALUE = 1;

  private InlineAttachments() {}

  /** Whether the attachment goes out as an inline ATTACH: afByValue (or no method) with data, no embedded message. */
  static boolean exported(AttachmentContent a, NamedPropertyIds ids) throws ConversionException {
    if (a.embedded() != null) {
      return false;
    }
    Integer method = Bag.of(a.properties(), ids).integer(TaggedProps.ATTACH_METHOD);
    return method == null || method == AF_BY_VALUE;
  }

  /** The ATTACH line of an attachment; properties other than method, file name and MIME type are reported. */
  static ICalProperty export(AttachmentContent a, NamedPropertyIds ids, List<String> warnings) throws ConversionException {
    Bag bag = Bag.of(a.properties(), ids);
    Map<String, String> params = new LinkedHashMap<>();
    String mime = bag.string(TaggedProps.ATTACH_MIME_TAG);
    if (mime != null) {
      params.put("FMTTYPE", mime);
      bag.consume(TaggedProps.ATTACH_MIME_TAG);
    }
    params.put("ENCODING", "BASE64");
    params.put("VALUE", "BINARY");
    String name = bag.string(TaggedProps.ATTACH_LONG_FILENAME);
    if (name != null) {
      params.put("X-FILENAME", name);
      bag.consume(TaggedProps.ATTACH_LONG_FILENAME);
    }
    bag.consumeIfEquals(TaggedProps.ATTACH_METHOD, AF_BY_VALUE);
    for (PropTag left : bag.unconsumed().keySet()) {
      warnings.add("attachment " + (name == null ? "" : name + " ") + "property " + left + " not exported");
    }
    return new ICalProperty("ATTACH", params, Base64.getEncoder().encodeToString(a.data()));
  }

  /**
   * Takes the event's inline ATTACH properties out of it as attachments; an ATTACH that is not
   * valid inline base64 stays on the event (kept as text).
   */
  static List<AttachmentContent> take(ICalComponent event, NamedPropertyIds ids, List<String> warnings)
      throws ConversionException {
    List<AttachmentContent> attachments = new ArrayList<>();
    List<ICalProperty> taken = new ArrayList<>();
    for (ICalProperty p : event.all("ATTACH")) {
      if (!"BINARY".equalsIgnoreCase(p.param("VALUE")) || !"BASE64".equalsIgnoreCase(p.param("ENCODING"))) {
        continue;
      }
      byte[] data;
      try {
        data = Base64.getDecoder().decode(strict(p.value()));
      } catch (IllegalArgumentException bad) {
        warnings.add("ATTACH with invalid base64 kept as text: " + bad.getMessage());
        continue;
      }
      Bag bag = Bag.empty(ids);
      bag.put(TaggedProps.ATTACH_METHOD, AF_BY_VALUE);
      String name = p.param("X-FILENAME") != null ? p.param("X-FILENAME") : p.param("FILENAME");
      if (name != null) {
        bag.put(TaggedProps.ATTACH_LONG_FILENAME, name);
      }
      if (p.param("FMTTYPE") != null) {
        bag.put(TaggedProps.ATTACH_MIME_TAG, p.param("FMTTYPE"));
      }
      Map<PropTag, PropValue> props = bag.toMap();
      attachments.add(new AttachmentContent(props, data));
      taken.add(p);
    }
    if (!taken.isEmpty()) {
      event.properties().removeIf(p -> containsSame(taken, p));
    }
    return attachments;
  }

  private static boolean containsSame(List<ICalProperty> list, ICalProperty p) {
    for (ICalProperty t : list) {
      if (t == p) {
        return true;
      }
    }
    return false;
  }

  /** The base64 text without whitespace; any other character outside the alphabet is an error. */
  private static String strict(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ' ' || c == '\t') {
        continue;
      }
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=')) {
        throw new IllegalArgumentException("character " + (int) c + " in base64");
      }
      out.append(c);
    }
    return out.toString();
  }
}
