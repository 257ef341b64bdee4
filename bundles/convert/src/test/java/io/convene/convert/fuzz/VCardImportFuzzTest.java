package io.convene.convert.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.convene.api.convert.ConversionException;
import io.convene.api.convert.ItemContent;
import io.convene.api.convert.VCardVersion;
import io.convene.convert.contact.VCardContactConverter;
import io.convene.convert.contact.VCardLimits;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import java.util.List;

/**
 * Fuzzes vCard import: any text either converts or fails with {@link ConversionException}; what
 * converts exports as 3.0 and 4.0, and those import again.
 *
 * <p>Seeds: {@code src/test/resources/io/convene/convert/fuzz/VCardImportFuzzTestInputs/importContacts/}.
 * To fuzz: {@code JAZZER_FUZZ=1 mvn -B -f bundles/convert/pom.xml test -Dtest='VCardImportFuzzTest'}.
 */
class VCardImportFuzzTest {

  private static final VCardContactConverter CONTACTS = new VCardContactConverter(new VCardLimits(1 << 16, 8, 64, 4096));

  @FuzzTest(maxDuration = "5m")
  void importContacts(FuzzedDataProvider data) throws Exception {
    String text = data.consumeRemainingAsString();
    InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
    List<ItemContent> contacts;
    try {
      contacts = CONTACTS.fromVCard(text, ids).value();
    } catch (ConversionException expected) {
      return;
    }
    for (ItemContent contact : contacts) {
      for (VCardVersion version : VCardVersion.values()) {
        String exported = CONTACTS.toVCard(contact, version, ids).value();
        assertThat(CONTACTS.fromVCard(exported, ids).value()).hasSize(1);
      }
    }
  }
}
