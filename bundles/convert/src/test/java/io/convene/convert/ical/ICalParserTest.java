package io.convene.convert.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.convert.ConversionError;
import io.convene.api.convert.ConversionException;
import io.convene.convert.calendar.CalendarLimits;
import io.convene.convert.calendar.RecurrenceSupport;
import io.convene.convert.calendar.TimeZoneSupport;
import io.convene.convert.calendar.VEventConverter;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Limits, malformed input and the content-line details the converters rely on. */
class ICalParserTest {

  private static final String EVENT = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20260101T100000Z\r\n%sEND:VEVENT\r\nEND:VCALENDAR\r\n";

  private static ConversionError error(ICalLimits limits, String text) {
    try {
      new ICalParser(limits).parse(text);
    } catch (ConversionException e) {
      return e.error();
    }
    throw new AssertionError("parsed");
  }

  @Test
  void unfoldsEveryFoldAndNothingElse() {
    assertThat(ICalParser.unfold("A:x\r\n y\r\n\tz\r\nB:1\r\n")).isEqualTo("A:xyz\r\nB:1\r\n");
    assertThat(ICalParser.unfold("A:\r\n \r\n  x\r\n")).isEqualTo("A: x\r\n");
    assertThat(ICalParser.unfold("A:\r\r\n x\r\n \r\n")).isEqualTo("A:\rx\r\n");
    String plain = "A:1\r\nB:2\r\n";
    assertThat(ICalParser.unfold(plain)).isSameAs(plain);
  }

  @Test
  void limits() {
    ICalLimits small = new ICalLimits(400, 3, 8, 3, 2);
    assertThat(error(small, EVENT.formatted("X:" + "y".repeat(400) + "\r\n"))).isEqualTo(ConversionError.TOO_LARGE);
    assertThat(error(small, EVENT.formatted("BEGIN:VALARM\r\nEND:VALARM\r\nBEGIN:VALARM\r\nEND:VALARM\r\n")))
        .isEqualTo(ConversionError.TOO_LARGE);
    assertThat(error(small, EVENT.formatted("X:1\r\n".repeat(7)))).isEqualTo(ConversionError.TOO_LARGE);
    assertThat(error(small, EVENT.formatted("BEGIN:VALARM\r\nBEGIN:X-DEEP\r\nEND:X-DEEP\r\nEND:VALARM\r\n")))
        .isEqualTo(ConversionError.TOO_LARGE);
    assertThat(error(small, EVENT.formatted("ATTENDEE:mailto:a@x\r\n".repeat(3)))).isEqualTo(ConversionError.TOO_LARGE);
  }

  @Test
  void oneObjectCannotFloodTheNamedPropertyMapping() {
    VEventConverter converter = new VEventConverter(CalendarLimits.DEFAULT, RecurrenceSupport.NONE,
        TimeZoneSupport.IANA_ONLY, Clock.systemUTC());
    StringBuilder props = new StringBuilder();
    for (int i = 0; i < io.convene.convert.props.Bag.MAX_NEW_NAMES + 10; i++) {
      props.append("X-FLOOD-").append(i).append(":x\r\n");
    }
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    assertThatThrownBy(() -> converter.fromICalendar(EVENT.formatted(props), ids))
        .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.error()).isEqualTo(ConversionError.TOO_LARGE));
  }

  @Test
  void malformed() {
    assertThat(error(ICalLimits.DEFAULT, "hello")).isEqualTo(ConversionError.MALFORMED);
    assertThat(error(ICalLimits.DEFAULT, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"))
        .isEqualTo(ConversionError.MALFORMED);
    assertThat(error(ICalLimits.DEFAULT, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n")).isEqualTo(ConversionError.MALFORMED);
    assertThat(error(ICalLimits.DEFAULT, "BEGIN:VCARD\r\nEND:VCARD\r\n")).isEqualTo(ConversionError.MALFORMED);
  }

  @Test
  void veventWithoutDtstartIsMissingRequired() {
    VEventConverter converter = new VEventConverter(CalendarLimits.DEFAULT, RecurrenceSupport.NONE,
        TimeZoneSupport.IANA_ONLY, Clock.systemUTC());
    String text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    assertThatThrownBy(() -> converter.fromICalendar(text, new InMemoryNamedPropertyIds()))
        .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.error()).isEqualTo(ConversionError.MISSING_REQUIRED));
    String badDate = EVENT.formatted("").replace("20260101T100000Z", "2026-01-01");
    assertThatThrownBy(() -> converter.fromICalendar(badDate, new InMemoryNamedPropertyIds()))
        .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.error()).isEqualTo(ConversionError.MALFORMED));
  }

  @Test
  void bareLineFeedsAndFoldsAreRead() throws Exception {
    String text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:a long\n  summary\nEND:VEVENT\nEND:VCALENDAR\n";
    ICalComponent calendar = new ICalParser(ICalLimits.DEFAULT).parse(text);
    assertThat(calendar.components("VEVENT").get(0).property("SUMMARY").text()).isEqualTo("a long summary");
  }

  @Test
  void parameterValuesUseRfc6868AndQuotes() throws Exception {
    ICalComponent event = new ICalComponent("VEVENT").add(
        new ICalProperty("ATTENDEE", java.util.Map.of("CN", "Ann \"The\" Boss, ^Jr\nx"), "mailto:a@x"));
    String written = ICalWriter.write(new ICalComponent("VCALENDAR").add(event));
    assertThat(written).contains("CN=\"Ann ^'The^' Boss, ^^Jr^nx\"");
    ICalComponent read = new ICalParser(ICalLimits.DEFAULT).parse(written);
    assertThat(read.components("VEVENT").get(0).property("ATTENDEE").param("CN")).isEqualTo("Ann \"The\" Boss, ^Jr\nx");
  }

  @Test
  void linesAreFoldedAt75OctetsNotInsideACharacter() throws Exception {
    String summary = "日本語のとても長い件名".repeat(10);
    String written = ICalWriter.write(new ICalComponent("VCALENDAR").add(
        new ICalComponent("VEVENT").add(ICalProperty.text("SUMMARY", summary))));
    for (String line : written.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    ICalComponent read = new ICalParser(ICalLimits.DEFAULT).parse(written);
    assertThat(read.components("VEVENT").get(0).property("SUMMARY").text()).isEqualTo(summary);
  }

  @Test
  void textEscaping() {
    String text = "a\\b;c,d\ne";
    assertThat(TextValues.escape(text)).isEqualTo("a\\\\b\\;c\\,d\\ne");
    assertThat(TextValues.unescape(TextValues.escape(text))).isEqualTo(text);
    assertThat(TextValues.splitList("a\\,b,c")).containsExactly("a,b", "c");
  }
}
