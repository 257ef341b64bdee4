package io.convene.convert.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.convene.api.convert.ConversionError;
import io.convene.api.convert.ConversionException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Content lines as RFC 5545 3.1 and 3.2 and RFC 6868 3 write them in their examples (section next to each). */
class ContentLineReaderTest {

  private static List<ICalProperty> read(String text) throws ConversionException {
    ContentLineReader reader = new ContentLineReader(text);
    List<ICalProperty> lines = new ArrayList<>();
    for (ICalProperty p = reader.next(); p != null; p = reader.next()) {
      lines.add(p);
    }
    return lines;
  }

  private static ICalProperty one(String line) throws ConversionException {
    List<ICalProperty> lines = read(line + "\r\n");
    assertThat(lines).hasSize(1);
    return lines.get(0);
  }

  // Each example below is the RFC's own text (RFC 5545 as published, September 2009), its folds
  // written as CRLF followed by the continuation line's first character exactly as printed.

  @Test
  void rfc5545Section31FoldingExample() throws Exception {
    // RFC 5545 3.1: the second physical line starts with one space, the third with two (the fold's
    // space, then the space between "description" and "that").
    ICalProperty p = one("DESCRIPTION:This is a lo\r\n ng description\r\n  that exists on a long line.");
    assertThat(p.name()).isEqualTo("DESCRIPTION");
    assertThat(p.value()).isEqualTo("This is a long description that exists on a long line.");
  }

  @Test
  void rfc5545Section311ListAndFieldSeparatorExamples() throws Exception {
    // RFC 5545 3.1.1: parameters separated by SEMICOLON, folded inside the value
    ICalProperty attendee = one("ATTENDEE;RSVP=TRUE;ROLE=REQ-PARTICIPANT:mailto:\r\n jsmith@example.com");
    assertThat(attendee.params()).containsExactly(entry("RSVP", "TRUE"), entry("ROLE", "REQ-PARTICIPANT"));
    assertThat(attendee.value()).isEqualTo("mailto:jsmith@example.com");
    // RFC 5545 3.1.1: a COMMA-separated value list stays one value
    ICalProperty rdate = one("RDATE;VALUE=DATE:19970304,19970504,19970704,19970904");
    assertThat(rdate.param("VALUE")).isEqualTo("DATE");
    assertThat(rdate.value()).isEqualTo("19970304,19970504,19970704,19970904");
  }

  @Test
  void rfc5545Section313BinaryContentExample() throws Exception {
    // RFC 5545 3.1.3: inline binary, folded inside the base64 value
    ICalProperty attach = one("ATTACH;FMTTYPE=text/plain;ENCODING=BASE64;VALUE=BINARY:VGhlIH\r\n"
        + " F1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZy4");
    assertThat(attach.params()).containsExactly(
        entry("FMTTYPE", "text/plain"), entry("ENCODING", "BASE64"), entry("VALUE", "BINARY"));
    // the printed value lacks its final base64 pad ("="); the decoded text is the RFC's sentence
    assertThat(new String(java.util.Base64.getDecoder().decode(attach.value() + "="),
        java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("The quick brown fox jumps over the lazy dog.");
  }

  @Test
  void rfc5545Section32ParameterExamples() throws Exception {
    // RFC 5545 3.2: a quoted parameter value holding a colon; the line folds before "Wizards"
    // (continuation line: the fold's space, then the word's space)
    ICalProperty altrep = one("DESCRIPTION;ALTREP=\"cid:part1.0001@example.org\":The Fall'98 Wild\r\n"
        + "  Wizards Conference - - Las Vegas\\, NV\\, USA");
    assertThat(altrep.param("ALTREP")).isEqualTo("cid:part1.0001@example.org");
    assertThat(altrep.text()).isEqualTo("The Fall'98 Wild Wizards Conference - - Las Vegas, NV, USA");
    // RFC 5545 3.2.1: folded right after the colon and inside the text ("Man" / "agement")
    ICalProperty agenda = one("DESCRIPTION;ALTREP=\"CID:part3.msg.970415T083000@example.com\":\r\n"
        + " Project XYZ Review Meeting will include the following agenda\r\n"
        + "  items: (a) Market Overview\\, (b) Finances\\, (c) Project Man\r\n"
        + " agement");
    assertThat(agenda.param("ALTREP")).isEqualTo("CID:part3.msg.970415T083000@example.com");
    assertThat(agenda.text()).isEqualTo("Project XYZ Review Meeting will include the following agenda items:"
        + " (a) Market Overview, (b) Finances, (c) Project Management");
    // RFC 5545 3.2.2 CN
    assertThat(one("ORGANIZER;CN=\"John Smith\":mailto:jsmith@example.com").param("CN")).isEqualTo("John Smith");
    // RFC 5545 3.2.3 CUTYPE
    assertThat(one("ATTENDEE;CUTYPE=GROUP:mailto:ietf-calsch@example.org").param("CUTYPE")).isEqualTo("GROUP");
    // RFC 5545 3.2.4 DELEGATED-FROM, folded inside the value
    ICalProperty from = one("ATTENDEE;DELEGATED-FROM=\"mailto:jsmith@example.com\":mailto:\r\n jdoe@example.com");
    assertThat(from.param("DELEGATED-FROM")).isEqualTo("mailto:jsmith@example.com");
    assertThat(from.value()).isEqualTo("mailto:jdoe@example.com");
    // RFC 5545 3.2.5 DELEGATED-TO: a list of quoted values, folded inside the second quoted value
    ICalProperty delegated = one("ATTENDEE;DELEGATED-TO=\"mailto:jdoe@example.com\",\"mailto:jqpublic\r\n"
        + " @example.com\":mailto:jsmith@example.com");
    assertThat(delegated.param("DELEGATED-TO")).isEqualTo("mailto:jdoe@example.com,mailto:jqpublic@example.com");
    assertThat(delegated.value()).isEqualTo("mailto:jsmith@example.com");
    // RFC 5545 3.2.6 DIR: a quoted URI holding ':', ',' and '?', folded after a comma
    ICalProperty dir = one("ORGANIZER;DIR=\"ldap://example.com:6666/o=ABC%20Industries,\r\n"
        + " c=US???(cn=Jim%20Dolittle)\":mailto:jimdo@example.com");
    assertThat(dir.param("DIR")).isEqualTo("ldap://example.com:6666/o=ABC%20Industries,c=US???(cn=Jim%20Dolittle)");
    assertThat(dir.value()).isEqualTo("mailto:jimdo@example.com");
    // RFC 5545 3.2.8 FMTTYPE, folded inside the URI value
    ICalProperty fmttype = one("ATTACH;FMTTYPE=application/msword:ftp://example.com/pub/docs/\r\n agenda.doc");
    assertThat(fmttype.param("FMTTYPE")).isEqualTo("application/msword");
    assertThat(fmttype.value()).isEqualTo("ftp://example.com/pub/docs/agenda.doc");
    // RFC 5545 3.2.10 LANGUAGE
    assertThat(one("SUMMARY;LANGUAGE=en-US:Company Holiday Party").param("LANGUAGE")).isEqualTo("en-US");
    // RFC 5545 3.2.11 MEMBER: one quoted value, then a list folded inside a quoted value
    assertThat(one("ATTENDEE;MEMBER=\"mailto:ietf-calsch@example.org\":mailto:\r\n jsmith@example.com")
        .param("MEMBER")).isEqualTo("mailto:ietf-calsch@example.org");
    ICalProperty members = one("ATTENDEE;MEMBER=\"mailto:projectA@example.com\",\"mailto:pr\r\n"
        + " ojectB@example.com\":mailto:janedoe@example.com");
    assertThat(members.param("MEMBER")).isEqualTo("mailto:projectA@example.com,mailto:projectB@example.com");
    assertThat(members.value()).isEqualTo("mailto:janedoe@example.com");
    // RFC 5545 3.2.16 ROLE, 3.2.17 RSVP
    assertThat(one("ATTENDEE;ROLE=CHAIR:mailto:mrbig@example.com").param("ROLE")).isEqualTo("CHAIR");
    assertThat(one("ATTENDEE;RSVP=TRUE:mailto:jsmith@example.com").param("RSVP")).isEqualTo("TRUE");
    // RFC 5545 3.2.18 SENT-BY, folded inside the value
    ICalProperty sentBy = one("ORGANIZER;SENT-BY=\"mailto:sray@example.com\":mailto:\r\n jsmith@example.com");
    assertThat(sentBy.param("SENT-BY")).isEqualTo("mailto:sray@example.com");
    assertThat(sentBy.value()).isEqualTo("mailto:jsmith@example.com");
    // RFC 5545 3.2.19 TZID
    ICalProperty tzid = one("DTSTART;TZID=America/New_York:19980119T020000");
    assertThat(tzid.param("TZID")).isEqualTo("America/New_York");
    assertThat(tzid.value()).isEqualTo("19980119T020000");
    assertThat(one("DTEND;TZID=America/New_York:19980119T030000").value()).isEqualTo("19980119T030000");
  }

  @Test
  void parameterNamesAreCaseInsensitive() throws Exception {
    // RFC 5545 3.1: "All names of properties, property parameters ... are case-insensitive."
    ICalProperty p = one("ORGANIZER;SENT-BY=\"mailto:sray@example.com\";role=CHAIR:mailto:jsmith@example.com");
    assertThat(p.params()).containsEntry("SENT-BY", "mailto:sray@example.com").containsEntry("ROLE", "CHAIR");
  }

  @Test
  void rfc6868Section31Example() throws Exception {
    // RFC 6868 3.1 (iCalendar example): ^' is a DQUOTE in a parameter value
    ICalProperty p = one("ATTENDEE;CN=George Herman ^'Babe^' Ruth:mailto:babe@example.com");
    assertThat(p.param("CN")).isEqualTo("George Herman \"Babe\" Ruth");
    assertThat(p.value()).isEqualTo("mailto:babe@example.com");
  }

  @Test
  void rfc6868Section32Example() throws Exception {
    // RFC 6868 3.2 (vCard example; the content-line syntax is the same): ^n is a line break
    ICalProperty p = one("GEO;X-ADDRESS=\"Pittsburgh Pirates^n115 Federal St^nPittsburgh, PA 15212\":geo:40.446816,"
        + "-80.00566");
    assertThat(p.param("X-ADDRESS")).isEqualTo("Pittsburgh Pirates\n115 Federal St\nPittsburgh, PA 15212");
    assertThat(p.value()).isEqualTo("geo:40.446816,-80.00566");
  }

  @Test
  void backslashInQuotedParameterIsKept() throws Exception {
    ICalProperty p = one("ATTENDEE;CN=\"Doe\\, John\\\\ (IT\\Ops)\":mailto:jd@example.com");
    assertThat(p.param("CN")).isEqualTo("Doe\\, John\\\\ (IT\\Ops)");
    ICalComponent written = new ICalComponent("VCALENDAR").add(p);
    ICalComponent back = new ICalParser(ICalLimits.DEFAULT).parse(ICalWriter.write(written));
    assertThat(back.property("ATTENDEE").param("CN")).isEqualTo("Doe\\, John\\\\ (IT\\Ops)");
  }

  @Test
  void lineEndsFoldsAndBlankLines() throws Exception {
    List<ICalProperty> lines = read("A:1\nB;X=y:2\r\n\r\nC:x\r\n\ty\n z\r\nD:a\rb");
    assertThat(lines).extracting(ICalProperty::name).containsExactly("A", "B", "C", "D");
    assertThat(lines.get(2).value()).isEqualTo("xyz");
    assertThat(lines.get(3).value()).isEqualTo("a\rb"); // a CR without LF is text
    assertThat(one("X-EMPTY:").value()).isEmpty();
    assertThat(one("X;P=:v").param("P")).isEmpty();
    assertThat(one("X;P=a;P=b:v").param("P")).isEqualTo("a,b");
  }

  @Test
  void malformedLinesAreConversionErrors() {
    for (String bad : List.of(":value", "NAME", "NAME;P", "NAME;=x:v", "NAME;P=\"open:v", "NAME;P=a\"b\":v",
        "NAME;P=\"a\u0001\":v", "NA ME:v", "NAME;P=v")) {
      assertThatThrownBy(() -> read(bad + "\r\n"), bad)
          .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.error()).isEqualTo(ConversionError.MALFORMED));
    }
  }
}
