package io.convene.convert.task;

import static io.convene.convert.props.NamedProps.INTERNET_UID;
import static io.convene.convert.props.NamedProps.KEYWORDS;
import static io.convene.convert.props.NamedProps.PERCENT_COMPLETE;
import static io.convene.convert.props.NamedProps.REMINDER_SET;
import static io.convene.convert.props.NamedProps.REMINDER_TIME;
import static io.convene.convert.props.NamedProps.TASK_COMPLETE;
import static io.convene.convert.props.NamedProps.TASK_DATE_COMPLETED;
import static io.convene.convert.props.NamedProps.TASK_DUE_DATE;
import static io.convene.convert.props.NamedProps.TASK_START_DATE;
import static io.convene.convert.props.NamedProps.TASK_STATUS;
import static io.convene.convert.props.TaggedProps.BODY;
import static io.convene.convert.props.TaggedProps.IMPORTANCE;
import static io.convene.convert.props.TaggedProps.MESSAGE_CLASS;
import static io.convene.convert.props.TaggedProps.SUBJECT;
import static io.convene.convert.testing.Items.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.convert.ItemContent;
import io.convene.convert.ical.ICalLimits;
import io.convene.convert.props.Bag;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.testing.Items;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VTodoConverterTest {

  private final InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
  private final VTodoConverter converter = new VTodoConverter(ICalLimits.DEFAULT);

  @Test
  void rfc5545TodoExample() throws Exception {
    ItemContent task = converter.fromICalendar(Items.resource(getClass(), "/spec/rfc5545/4-todo.ics"), ids).value().get(0);
    assertThat(get(task, ids, MESSAGE_CLASS)).isEqualTo("IPM.Task");
    assertThat(get(task, ids, SUBJECT)).isEqualTo("Submit Income Taxes");
    assertThat(get(task, ids, TASK_STATUS)).isEqualTo(0);
    assertThat(get(task, ids, TASK_COMPLETE)).isEqualTo(false);
    assertThat(get(task, ids, TASK_DUE_DATE)).isEqualTo(Instant.parse("1998-04-15T00:00:00Z"));
    assertThat(get(task, ids, INTERNET_UID)).isEqualTo("uid4@example.com");
    // The audio alarm at an absolute time.
    assertThat(get(task, ids, REMINDER_SET)).isEqualTo(true);
    assertThat(get(task, ids, REMINDER_TIME)).isEqualTo(Instant.parse("1998-04-03T12:00:00Z"));
    String written = converter.toICalendar(task, ids).value();
    // ORGANIZER, ATTENDEE and SEQUENCE have no task counterpart and are kept as they were.
    assertThat(written).contains("ORGANIZER:mailto:unclesam@example.com", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:jqpublic@example.com",
        "SEQUENCE:2", "DUE;VALUE=DATE:19980415", "UID:uid4@example.com");
    assertSame(task, converter.fromICalendar(written, ids).value().get(0));
  }

  @Test
  void thunderbirdTodo() throws Exception {
    ItemContent task = converter.fromICalendar(Items.resource(getClass(), "thunderbird-todo.ics"), ids).value().get(0);
    assertThat(get(task, ids, SUBJECT)).isEqualTo("Steuererklärung abgeben");
    assertThat(get(task, ids, BODY)).isEqualTo("Belege sammeln\r\nFormular ausfüllen");
    assertThat(get(task, ids, TASK_STATUS)).isEqualTo(1);
    assertThat(get(task, ids, PERCENT_COMPLETE)).isEqualTo(0.4);
    assertThat(get(task, ids, IMPORTANCE)).isEqualTo(2);
    assertThat(get(task, ids, TASK_START_DATE)).isEqualTo(Instant.parse("2026-01-10T00:00:00Z"));
    assertThat(get(task, ids, TASK_DUE_DATE)).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
    assertThat(get(task, ids, KEYWORDS)).isEqualTo(List.of("Finanzen", "Privat"));
    assertThat(get(task, ids, REMINDER_TIME)).isEqualTo(Instant.parse("2026-01-30T08:00:00Z"));
    String written = converter.toICalendar(task, ids).value();
    assertThat(written).contains("X-MOZ-GENERATION:3", "PERCENT-COMPLETE:40", "STATUS:IN-PROCESS");
    assertSame(task, converter.fromICalendar(written, ids).value().get(0));
  }

  @Test
  void completedTaskFromAMapiBag() throws Exception {
    Bag bag = Bag.empty(ids);
    bag.put(MESSAGE_CLASS, "IPM.Task");
    bag.put(SUBJECT, "Ship it");
    bag.put(TASK_STATUS, 2);
    bag.put(TASK_COMPLETE, true);
    bag.put(PERCENT_COMPLETE, 1.0);
    bag.put(TASK_DUE_DATE, Instant.parse("2026-02-01T00:00:00Z"));
    bag.put(TASK_DATE_COMPLETED, Instant.parse("2026-01-30T16:45:00Z"));
    bag.put(INTERNET_UID, "task-1");
    bag.put(REMINDER_SET, false);
    ItemContent task = ItemContent.of(bag.toMap());
    String written = converter.toICalendar(task, ids).value();
    assertThat(written).contains("STATUS:COMPLETED", "PERCENT-COMPLETE:100", "COMPLETED:20260130T164500Z");
    assertThat(written).doesNotContain("X-CONVENE-PROP");
    assertSame(task, converter.fromICalendar(written, ids).value().get(0));
  }

  @Test
  void waitingStatusHasNoVtodoCounterpartAndIsKept() throws Exception {
    Bag bag = Bag.empty(ids);
    bag.put(MESSAGE_CLASS, "IPM.Task");
    bag.put(TASK_STATUS, 3); // waiting on someone else
    bag.put(INTERNET_UID, "task-2");
    ItemContent task = ItemContent.of(bag.toMap());
    String written = converter.toICalendar(task, ids).value();
    assertThat(written).contains("STATUS:NEEDS-ACTION", "X-CONVENE-PROP");
    assertThat(get(converter.fromICalendar(written, ids).value().get(0), ids, TASK_STATUS)).isEqualTo(3);
  }

  private void assertSame(ItemContent expected, ItemContent actual) {
    assertThat(actual.properties()).isEqualTo(expected.properties());
  }
}
