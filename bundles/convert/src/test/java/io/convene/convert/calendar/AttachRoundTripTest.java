package io.convene.convert.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.convert.AttachmentContent;
import io.convene.api.convert.ItemContent;
import io.convene.convert.props.Bag;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.props.NamedProps;
import io.convene.convert.props.TaggedProps;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ATTACH (RFC 5545 3.8.1.1): inline binary as afByValue attachments, URIs kept as text, both ways. */
class AttachRoundTripTest {

  // Shaped like RFC 5545 3.8.1.1's inline example: the start of a Windows icon, base64.
  private static final String ICON = "AAABAAEAEBAQAAEABAAoAQAAFgAAACgAAAAQAAAAIAAAAAEABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACAAAAAgIAAAICAgADAwMAA////AAAAAAAAAAAAAAAAAAAAAA=";

  private final VEventConverter converter =
      new VEventConverter(CalendarLimits.DEFAULT, RecurrenceSupport.NONE, TimeZoneSupport.IANA_ONLY, Clock.systemUTC());
  private final InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();

  private static String event(String attaches) {
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:attach-1@example.com\r\n"
        + "DTSTAMP:20240301T080000Z\r\nDTSTART:20240305T090000Z\r\nDTEND:20240305T100000Z\r\nSUMMARY:Review\r\n"
        + attaches + "END:VEVENT\r\nEND:VCALENDAR\r\n");
  }

  @Test
  void inlineAndUriAttachSurviveImportAndExport() throws Exception {
    String text = event(
        // RFC 5545 3.8.1.1's two URI examples, and an inline one
        "ATTACH:CID:jsmith.part3.960817T083000.xyzMail@example.com\r\n"
        + "ATTACH;FMTTYPE=application/postscript:ftp://example.com/pub/reports/r-960812.ps\r\n"
        + "ATTACH;FMTTYPE=image/vnd.microsoft.icon;ENCODING=BASE64;VALUE=BINARY;X-FILENAME=icon.ico:" + ICON + "\r\n");
    ItemContent item = converter.fromICalendar(text, ids).value().get(0);
    assertThat(item.attachments()).hasSize(1);
    AttachmentContent icon = item.attachments().get(0);
    assertThat(icon.data()).startsWith(0, 0, 1, 0).isEqualTo(Base64.getDecoder().decode(ICON));
    Bag props = Bag.of(icon.properties(), ids);
    assertThat(props.integer(TaggedProps.ATTACH_METHOD)).isEqualTo(1);
    assertThat(props.string(TaggedProps.ATTACH_LONG_FILENAME)).isEqualTo("icon.ico");
    assertThat(props.string(TaggedProps.ATTACH_MIME_TAG)).isEqualTo("image/vnd.microsoft.icon");

    String out = converter.toICalendar(item, ids).value().replace("\r\n ", "");
    assertThat(out).contains("ATTACH:CID:jsmith.part3.960817T083000.xyzMail@example.com",
        "ATTACH;FMTTYPE=application/postscript:ftp://example.com/pub/reports/r-960812.ps",
        "ATTACH;FMTTYPE=image/vnd.microsoft.icon;ENCODING=BASE64;VALUE=BINARY;X-FILENAME=icon.ico:" + ICON);
    ItemContent again = converter.fromICalendar(out, ids).value().get(0);
    assertThat(again.attachments()).isEqualTo(item.attachments());
    assertThat(again.properties()).isEqualTo(item.properties());
  }

  @Test
  void aMapiAttachmentGoesOutInlineAndComesBack() throws Exception {
    Bag bag = Bag.empty(ids);
    bag.put(TaggedProps.MESSAGE_CLASS, "IPM.Appointment");
    bag.put(TaggedProps.SUBJECT, "Review");
    bag.put(NamedProps.APPOINTMENT_START_WHOLE, Instant.parse("2024-03-05T09:00:00Z"));
    bag.put(NamedProps.APPOINTMENT_END_WHOLE, Instant.parse("2024-03-05T10:00:00Z"));
    Bag attachment = Bag.empty(ids);
    attachment.put(TaggedProps.ATTACH_METHOD, 1);
    attachment.put(TaggedProps.ATTACH_LONG_FILENAME, "Agenda, v2.pdf");
    attachment.put(TaggedProps.ATTACH_MIME_TAG, "application/pdf");
    byte[] pdf = "%PDF-1.4\n\u00e9\u0000binary".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    ItemContent item = new ItemContent(bag.toMap(), List.of(),
        List.of(new AttachmentContent(attachment.toMap(), pdf)));
    String text = converter.toICalendar(item, ids).value();
    assertThat(text.replace("\r\n ", "")).contains("X-FILENAME=\"Agenda, v2.pdf\"");
    ItemContent back = converter.fromICalendar(text, ids).value().get(0);
    assertThat(back.attachments()).containsExactly(new AttachmentContent(attachment.toMap(), pdf));
  }

  @Test
  void badBase64StaysText() throws Exception {
    String text = event("ATTACH;ENCODING=BASE64;VALUE=BINARY:not*base64\r\n");
    ItemContent item = converter.fromICalendar(text, ids).value().get(0);
    assertThat(item.attachments()).isEmpty();
    assertThat(converter.toICalendar(item, ids).value()).contains("ATTACH;ENCODING=BASE64;VALUE=BINARY:not*base64");
  }

}
