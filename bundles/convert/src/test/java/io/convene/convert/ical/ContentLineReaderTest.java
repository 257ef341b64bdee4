package io.convene.convert.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.convert.ConversionError;
import io.convene.api.convert.ConversionException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Content lines as RFC 5545 3.1 and 3.2 and RFC 6868 write them in their examples. */
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

  @Test
  void rfc5545Section31FoldingExample() throws Exception {
    // RFC 5545 3.1: "DESCRIPTION:This is a lo" CRLF " ng description" CRLF "  that exists on a long line."
    ICalProperty p = one("DESCRIPTION:This is a lo\r\n ng description\r\n  that exists on a long line.");
    assertThat(p.name()).isEqualTo("DESCRIPTION");
    assertThat(p.value()).isEqualTo("This is a long description that exists on a long line.");
  }

  @Test
  void rfc5545Section32ParameterExamples() throws Exception {
    // 3.2: a parameter value with a colon is quoted
    ICalProperty altrep = one("DESCRIPTION;ALTREP=\"cid:part1.0001@example.org\":The Fall'98 Wild Wizards Conference - -"
        + " Las Vegas\\, NV\\, USA");
    assertThat(altrep.param("ALTREP")).isEqualTo("cid:part1.0001@example.org");
    assertThat(altrep.text()).isEqualTo("The Fall'98 Wild Wizards Conference - - Las Vegas, NV, USA");
    // 3.2.2 CN
    assertThat(one("ORGANIZER;CN=\"John Smith\":mailto:jsmith@example.com").param("CN")).isEqualTo("John Smith");
    // 3.2.5 DELEGATED-TO, a list of quoted values
    ICalProperty delegated = one("ATTENDEE;DELEGATED-TO=\"mailto:jdoe@example.com\",\"mailto:jqpublic@example.com\""
        + ":mailto:jsmith@example.com");
    assertThat(delegated.param("DELEGATED-TO")).isEqualTo("mailto:jdoe@example.com,mailto:jqpublic@example.com");
    assertThat(delegated.value()).isEqualTo("mailto:jsmith@example.com");
    // 3.2.11 MEMBER, 3.2.16 ROLE and 3.2.18 SENT-BY together, the value keeping its own colon
    ICalProperty several = one("ORGANIZER;SENT-BY=\"mailto:sray@example.com\";role=CHAIR:mailto:jsmith@example.com");
    assertThat(several.params()).containsEntry("SENT-BY", "mailto:sray@example.com").containsEntry("ROLE", "CHAIR");
    // 3.2.19 TZID
    ICalProperty tzid = one("DTSTART;TZID=America/New_York:19980119T020000");
    assertThat(tzid.param("TZID")).isEqualTo("America/New_York");
    assertThat(tzid.value()).isEqualTo("19980119T020000");
  }

  @Test
  void rfc6868Example() throws Exception {
    // RFC 6868 4: ^' is a DQUOTE in a parameter value
    assertThat(one("ATTENDEE;CN=George Herman ^'Babe^' Ruth:mailto:babe@example.com").param("CN"))
        .isEqualTo("George Herman \"Babe\" Ruth");
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
