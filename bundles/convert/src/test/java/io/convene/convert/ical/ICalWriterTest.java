package io.convene.convert.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The writer against the RFCs' own example lines: parameter quoting and RFC 6868 caret
 * encoding (RFC 5545 3.2, RFC 6868 3.1), TEXT escaping (RFC 5545 3.3.11), folding at 75 octets
 * (3.1) of lines written in place, in Latin-1 and in wider texts.
 */
class ICalWriterTest {

  private static String lines(ICalComponent c) {
    String text = ICalWriter.write(c);
    return text.substring(text.indexOf("\r\n") + 2, text.lastIndexOf("END:"));
  }

  private static ICalComponent of(ICalProperty... properties) {
    ICalComponent c = new ICalComponent("VEVENT");
    for (ICalProperty p : properties) {
      c.add(p);
    }
    return c;
  }

  @Test
  void rfc5545Section32ParameterExamplesAreWrittenAsPrinted() {
    // 3.2.18: a value with ':' is quoted; 3.2.16 and 3.2.19: plain values are not
    assertThat(lines(of(
        new ICalProperty("ORGANIZER", Map.of("SENT-BY", "mailto:sray@example.com"), "mailto:jsmith@example.com"),
        new ICalProperty("ATTENDEE", Map.of("PARTSTAT", "DECLINED"), "mailto:jsmith@example.com"),
        new ICalProperty("DTSTART", Map.of("TZID", "America/New_York"), "19980119T020000"))))
        .isEqualTo("ORGANIZER;SENT-BY=\"mailto:sray@example.com\":mailto:jsmith@example.com\r\n"
            + "ATTENDEE;PARTSTAT=DECLINED:mailto:jsmith@example.com\r\n"
            + "DTSTART;TZID=America/New_York:19980119T020000\r\n");
  }

  @Test
  void rfc6868Section31ExampleIsWrittenAsPrinted() {
    assertThat(lines(of(new ICalProperty("ATTENDEE", Map.of("CN", "George Herman \"Babe\" Ruth"),
        "mailto:babe@example.com"))))
        .isEqualTo("ATTENDEE;CN=George Herman ^'Babe^' Ruth:mailto:babe@example.com\r\n");
  }

  @Test
  void rfc5545Section3311EscapedTextExample() {
    // 3.3.11: "Project XYZ Final Review\nConference Room - 3B\nCome Prepared."
    assertThat(lines(of(ICalProperty.text("DESCRIPTION",
        "Project XYZ Final Review\nConference Room - 3B\nCome Prepared."))))
        .isEqualTo("DESCRIPTION:Project XYZ Final Review\\nConference Room - 3B\\nCome Prepared.\r\n");
    assertThat(lines(of(ICalProperty.text("SUMMARY", "a;b,c\\d"))))
        .isEqualTo("SUMMARY:a\\;b\\,c\\\\d\r\n");
  }

  @Test
  void longLinesFoldAtSeventyFiveOctetsInPlace() {
    String ascii = "x".repeat(100);
    assertThat(lines(of(new ICalProperty("DESCRIPTION", ascii))))
        .isEqualTo("DESCRIPTION:" + "x".repeat(63) + "\r\n " + "x".repeat(37) + "\r\n");
    // "SUMMARY:" and 33 é are 8 + 66 = 74 octets: the 34th é (2 octets) goes on the next line
    assertThat(lines(of(new ICalProperty("SUMMARY", "é".repeat(40)))))
        .isEqualTo("SUMMARY:" + "é".repeat(33) + "\r\n " + "é".repeat(7) + "\r\n");
    // a line that fits is not folded, in a text with chars beyond Latin-1 as well
    assertThat(lines(of(new ICalProperty("LOCATION", "会議 emoji 😀"), new ICalProperty("X-A", "b"))))
        .isEqualTo("LOCATION:会議 emoji 😀\r\nX-A:b\r\n");
  }

  @Test
  void randomComponentsWriteEveryLineFoldedAndReadBack() throws Exception {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    String[] pieces = {"a", "Z", " ", ";", ":", ",", "\"", "^", "é", "ß", "会", "😀", "\\", "\n"};
    for (int n = 0; n < 300; n++) {
      ICalComponent event = new ICalComponent("VEVENT");
      int count = random.nextInt(12);
      for (int i = 0; i < count; i++) {
        Map<String, String> params = new LinkedHashMap<>();
        if (random.nextBoolean()) {
          params.put("CN", text(random, pieces, 40).replace("\n", ""));
        }
        event.add(new ICalProperty("X-P" + i, params, ICalProperty.text("X", text(random, pieces, 200)).value()));
      }
      ICalComponent calendar = new ICalComponent("VCALENDAR").add(event);
      String written = ICalWriter.write(calendar);
      for (String line : written.split("\r\n")) {
        assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("seed %d", seed).isLessThanOrEqualTo(75);
      }
      ICalComponent back = new ICalParser(ICalLimits.DEFAULT).parse(written).components().get(0);
      List<ICalProperty> expected = event.properties();
      assertThat(back.properties()).as("seed %d", seed).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(back.properties().get(i).value()).as("seed %d", seed).isEqualTo(expected.get(i).value());
        assertThat(back.properties().get(i).param("CN")).as("seed %d", seed).isEqualTo(expected.get(i).param("CN"));
      }
    }
  }

  private static String text(Random random, String[] pieces, int max) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(max);
    for (int i = 0; i < length; i++) {
      s.append(pieces[random.nextInt(pieces.length)]);
    }
    return s.toString();
  }
}
