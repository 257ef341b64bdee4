package io.convene.storage.derby.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.storage.derby.db.Database;
import io.convene.storage.derby.store.StoreLimits;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's limits through Configuration Admin: defaults, live changes, invalid changes. */
class StoreComponentTest {

  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);

  @TempDir Path data;
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(data.resolve("convene"), SchemaParts.all());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theMetatypeDefaultsAreTheStoresDefaults() {
    StoreComponent component = new StoreComponent(null, database, Configs.of(StoreConfig.class, Map.of()));
    assertThat(component.limits()).isEqualTo(StoreLimits.DEFAULT);
  }

  @Test
  void theGeneratedMetatypeDesignatesThePidAndDescribesEveryAttribute() throws Exception {
    String resource = "/OSGI-INF/metatype/" + StoreConfig.class.getName() + ".xml";
    org.w3c.dom.Document metatype;
    try (var in = StoreComponentTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      metatype = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    assertThat(((org.w3c.dom.Element) metatype.getElementsByTagName("Designate").item(0)).getAttribute("pid"))
        .isEqualTo(StoreConfig.PID);
    var attributes = metatype.getElementsByTagName("AD");
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      var attribute = (org.w3c.dom.Element) attributes.item(i);
      ids.add(attribute.getAttribute("id"));
      assertThat(attribute.getAttribute("description")).as(attribute.getAttribute("id")).isNotBlank();
    }
    assertThat(ids).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(StoreConfig.class.getDeclaredMethods()).map(m -> m.getName().replace('_', '.')).toList());
    assertThat(ids).contains("max.value.bytes", "max.properties.per.item", "max.recipients.per.item",
        "max.attachments.per.item", "max.restriction.depth", "max.embedding.depth");
  }

  @Test
  void aChangedLimitAppliesWithoutRestartingOrReopening() throws StoreException {
    StoreComponent component = new StoreComponent(null, database, Configs.of(StoreConfig.class, Map.of()));
    component.provision(1);
    Mailbox mailbox = component.mailbox(1, Caller.account(1));
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    List<PropValue> subject = List.of(PropValue.ofString(SUBJECT, "x".repeat(1000)));
    mailbox.createItem(inbox, subject);

    component.modified(Configs.of(StoreConfig.class, Map.of("max_value_bytes", 1000)));
    assertThatThrownBy(() -> mailbox.createItem(inbox, subject))
        .extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.TOO_BIG);

    component.modified(Configs.of(StoreConfig.class, Map.of("max_value_bytes", 2000)));
    mailbox.createItem(inbox, subject);
    assertThat(mailbox.folder(inbox).itemCount()).isEqualTo(2);
  }

  @Test
  void anInvalidChangeKeepsTheLastGoodLimitsAndTheErrorNamesPidAndProperty() {
    StoreComponent component = new StoreComponent(null, database, Configs.of(StoreConfig.class, Map.of("max_attachments_per_item", 7)));
    component.modified(Configs.of(StoreConfig.class, Map.of("max_restriction_depth", 0)));
    assertThat(component.limits().maxAttachmentsPerItem()).isEqualTo(7);
    assertThat(component.limits().maxRestrictionDepth()).isEqualTo(StoreLimits.DEFAULT.maxRestrictionDepth());
    assertThatThrownBy(() -> StoreComponent.limits(Configs.of(StoreConfig.class, Map.of("max_restriction_depth", 0))))
        .hasMessageContaining(StoreConfig.PID).hasMessageContaining("max.restriction.depth");
  }
}
