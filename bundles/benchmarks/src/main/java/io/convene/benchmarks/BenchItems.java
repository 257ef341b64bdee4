package io.convene.benchmarks;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The items both targets save: e-mail-like notes with 20 properties (message class IPM.Note,
 * subject, a ~500-character body, strings, PT_LONGs, times, binaries, booleans) and appointments,
 * the same 20 properties with class IPM.Appointment plus PidLidAppointmentStartWhole/EndWhole.
 *
 * <p>Item {@code i} is a pure function of the seed and {@code i}, so the store and the plain
 * table get identical content and every expected query answer can be computed from the index.
 */
final class BenchItems {

  /** Monday 2025-01-06: appointments start in the {@link #CALENDAR_WEEKS} weeks from here. */
  static final Instant CALENDAR_START = Instant.parse("2025-01-06T00:00:00Z");

  /** About two years. */
  static final int CALENDAR_WEEKS = 104;

  static final Duration WEEK = Duration.ofDays(7);

  private static final PropTag MESSAGE_CLASS = PropTag.of(0x001A, PropType.PT_UNICODE);
  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final PropTag BODY = PropTag.of(0x1000, PropType.PT_UNICODE);
  private static final PropTag SENDER_NAME = PropTag.of(0x0C1A, PropType.PT_UNICODE);
  private static final PropTag SENDER_EMAIL = PropTag.of(0x0C1F, PropType.PT_UNICODE);
  private static final PropTag DISPLAY_TO = PropTag.of(0x0E04, PropType.PT_UNICODE);
  private static final PropTag INTERNET_MESSAGE_ID = PropTag.of(0x1035, PropType.PT_UNICODE);
  private static final PropTag CONVERSATION_TOPIC = PropTag.of(0x0070, PropType.PT_UNICODE);
  private static final PropTag IMPORTANCE = PropTag.of(0x0017, PropType.PT_LONG);
  private static final PropTag SENSITIVITY = PropTag.of(0x0036, PropType.PT_LONG);
  private static final PropTag MESSAGE_SIZE = PropTag.of(0x0E08, PropType.PT_LONG);
  private static final PropTag MESSAGE_STATUS = PropTag.of(0x0E17, PropType.PT_LONG);
  private static final PropTag INTERNET_CPID = PropTag.of(0x3FDE, PropType.PT_LONG);
  private static final PropTag CLIENT_SUBMIT_TIME = PropTag.of(0x0039, PropType.PT_SYSTIME);
  private static final PropTag DELIVERY_TIME = PropTag.of(0x0E06, PropType.PT_SYSTIME);
  private static final PropTag CONVERSATION_INDEX = PropTag.of(0x0071, PropType.PT_BINARY);
  private static final PropTag SEARCH_KEY = PropTag.of(0x300B, PropType.PT_BINARY);
  private static final PropTag HAS_ATTACHMENTS = PropTag.of(0x0E1B, PropType.PT_BOOLEAN);
  private static final PropTag READ_RECEIPT = PropTag.of(0x0029, PropType.PT_BOOLEAN);
  private static final PropTag DELIVERY_REPORT = PropTag.of(0x0023, PropType.PT_BOOLEAN);

  private static final String TEXT =
      "Hello team, attached are the figures for the quarter. Revenue is up in every region except the"
          + " north, where two large customers moved their renewals into next quarter. Please review the"
          + " numbers before Thursday's meeting and send corrections to me directly rather than to the"
          + " whole list. The board pack goes out on Friday morning, so anything that arrives after"
          + " Thursday evening will have to wait for the next revision. Travel for the offsite is booked;"
          + " the agenda follows separately. Thanks for the hard work this quarter, everyone. Regards, ";

  private static final Instant SENT_BASE = Instant.parse("2025-03-01T08:00:00Z");

  private final long seed;

  BenchItems(long seed) {
    this.seed = seed;
  }

  /** Note {@code index}: 20 properties, message class IPM.Note. */
  List<PropValue> note(int index) {
    return common(random(index), index, "IPM.Note");
  }

  /** Appointment {@code index}: the note's properties as IPM.Appointment, plus start and end. */
  List<PropValue> appointment(int index, PropTag startWhole, PropTag endWhole) {
    List<PropValue> item = common(random(index), index, "IPM.Appointment");
    item.add(PropValue.ofTime(startWhole, Instant.ofEpochMilli(startMillis(index))));
    item.add(PropValue.ofTime(endWhole, Instant.ofEpochMilli(endMillis(index))));
    return item;
  }

  /** PidLidAppointmentStartWhole of appointment {@code index}, on a quarter hour in the two years. */
  long startMillis(int index) {
    SplittableRandom random = new SplittableRandom(mix(index) ^ 0x5DEECE66DL);
    long quarters = CALENDAR_WEEKS * WEEK.toMinutes() / 15;
    return CALENDAR_START.toEpochMilli() + random.nextLong(quarters) * 15 * 60_000;
  }

  /** PidLidAppointmentEndWhole of appointment {@code index}: 30 minutes to 3 hours after the start. */
  long endMillis(int index) {
    SplittableRandom random = new SplittableRandom(mix(index) ^ 0x2545F4914F6CDD1DL);
    return startMillis(index) + (2 + random.nextInt(11)) * 15 * 60_000L;
  }

  private List<PropValue> common(SplittableRandom random, int index, String messageClass) {
    List<PropValue> item = new ArrayList<>(22);
    Instant sent = SENT_BASE.plusSeconds(random.nextLong(365L * 24 * 3600));
    String body = TEXT + "item " + index + ".";
    item.add(PropValue.ofString(MESSAGE_CLASS, messageClass));
    item.add(PropValue.ofString(SUBJECT, "Quarterly figures, revision " + index));
    item.add(PropValue.ofString(BODY, body));
    item.add(PropValue.ofString(SENDER_NAME, "Alex Example"));
    item.add(PropValue.ofString(SENDER_EMAIL, "alex@bench.convene.invalid"));
    item.add(PropValue.ofString(DISPLAY_TO, "Finance Team; Board"));
    item.add(PropValue.ofString(INTERNET_MESSAGE_ID, "<" + index + "." + seed + "@bench.convene.invalid>"));
    item.add(PropValue.ofString(CONVERSATION_TOPIC, "Quarterly figures"));
    item.add(PropValue.ofInt(IMPORTANCE, random.nextInt(3)));
    item.add(PropValue.ofInt(SENSITIVITY, 0));
    item.add(PropValue.ofInt(MESSAGE_SIZE, body.length() * 2 + 1024));
    item.add(PropValue.ofInt(MESSAGE_STATUS, 0));
    item.add(PropValue.ofInt(INTERNET_CPID, 65001));
    item.add(PropValue.ofTime(CLIENT_SUBMIT_TIME, sent));
    item.add(PropValue.ofTime(DELIVERY_TIME, sent.plusSeconds(2)));
    item.add(PropValue.ofBytes(CONVERSATION_INDEX, bytes(random, 22)));
    item.add(PropValue.ofBytes(SEARCH_KEY, ("SMTP:ALEX@BENCH.CONVENE.INVALID" + index).getBytes(StandardCharsets.US_ASCII)));
    item.add(PropValue.ofBoolean(HAS_ATTACHMENTS, random.nextBoolean()));
    item.add(PropValue.ofBoolean(READ_RECEIPT, false));
    item.add(PropValue.ofBoolean(DELIVERY_REPORT, false));
    return item;
  }

  private SplittableRandom random(int index) {
    return new SplittableRandom(mix(index));
  }

  private long mix(int index) {
    return seed * 0x9E3779B97F4A7C15L + index;
  }

  private static byte[] bytes(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }
}
