package io.convene.convert.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.convert.ConversionError;
import io.convene.api.convert.ConversionException;
import io.convene.api.convert.VCardVersion;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DS shells: built from configuration, limits applied, a bad update keeps the last good one. */
class ConverterComponentsTest {

  /** A configuration with the annotation's defaults, some attributes overridden. */
  private static ConvertLimitsConfig config(Map<String, Object> overrides) {
    return (ConvertLimitsConfig) Proxy.newProxyInstance(ConvertLimitsConfig.class.getClassLoader(),
        new Class<?>[] {ConvertLimitsConfig.class}, (proxy, method, args) -> {
          if (overrides.containsKey(method.getName())) {
            return overrides.get(method.getName());
          }
          Object fallback = method.getDefaultValue();
          return fallback != null ? fallback : defaultObjectMethod(proxy, method);
        });
  }

  private static Object defaultObjectMethod(Object proxy, Method method) {
    return switch (method.getName()) {
      case "annotationType" -> ConvertLimitsConfig.class;
      case "hashCode" -> System.identityHashCode(proxy);
      case "toString" -> "config";
      default -> null;
    };
  }

  @Test
  void limitsFromConfigurationApplyAndABadUpdateIsRejected() throws Exception {
    ContactConverterComponent contacts = new ContactConverterComponent(config(Map.of("vcard_max_chars", 1024)));
    String big = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + "x".repeat(1100) + "\r\nEND:VCARD\r\n";
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    assertThatThrownBy(() -> contacts.fromVCard(big, ids))
        .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.error()).isEqualTo(ConversionError.TOO_LARGE));
    contacts.modified(config(Map.of("vcard_max_chars", 5))); // invalid: kept the 1024 limit
    assertThatThrownBy(() -> contacts.fromVCard(big, ids)).isInstanceOf(ConversionException.class);
    assertThat(contacts.fromVCard("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n", ids).value()).hasSize(1);
    contacts.modified(config(Map.of()));
    assertThat(contacts.fromVCard(big, ids).value()).hasSize(1);
    assertThat(contacts.toVCard(contacts.fromVCard(big, ids).value().get(0), VCardVersion.V4_0, ids).value())
        .contains("VERSION:4.0");
  }

  @Test
  void invalidConfigurationNamesPidAndProperty() {
    assertThatThrownBy(() -> new CalendarConverterComponent(config(Map.of("max_attendees", 0))))
        .hasMessageContaining("io.convene.convert.limits").hasMessageContaining("max.attendees");
  }

  @Test
  void calendarAndTaskServicesConvert() throws Exception {
    CalendarConverterComponent calendar = new CalendarConverterComponent(config(Map.of()));
    TaskConverterComponent tasks = new TaskConverterComponent(config(Map.of()));
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    String event = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20260101T100000Z\r\nEND:VEVENT\r\nBEGIN:VTODO\r\nUID:2\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
    assertThat(calendar.fromICalendar(event, ids).value()).hasSize(1);
    assertThat(tasks.fromICalendar(event, ids).value()).hasSize(1);
  }
}
