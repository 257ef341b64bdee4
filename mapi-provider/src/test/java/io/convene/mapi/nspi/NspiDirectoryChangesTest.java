package io.convene.mapi.nspi;

import static io.convene.mapi.nspi.NspiBodies.GAL_START;
import static io.convene.mapi.nspi.NspiBodies.value;
import static io.convene.mapi.nspi.NspiHarness.mid;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountProfile;
import io.convene.api.directory.AccountUpdate;
import io.convene.api.directory.NewAccount;
import io.convene.mapi.nspi.book.AbTags;
import io.convene.mapi.nspi.wire.AbValues;
import io.convene.mapi.nspi.wire.NspiErrorCodes;
import io.convene.mapi.nspi.wire.Stat;
import io.convene.mapi.rop.data.PropertyRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What NSPI answers after the directory changes, through the endpoint on the real Derby directory:
 * profile attributes on the details page, and accounts created or disabled while the GAL snapshot
 * is cached.
 */
class NspiDirectoryChangesTest {

  @TempDir static Path folder;
  static NspiHarness h;

  /** PtypString8 forms, as Outlook asks for them without MAPI_UNICODE. */
  static final int TITLE_8 = AbTags.TITLE & 0xffff0000 | 0x001E;
  static final int DEPARTMENT_8 = AbTags.DEPARTMENT_NAME & 0xffff0000 | 0x001E;

  @BeforeAll
  static void open() {
    h = new NspiHarness(folder);
  }

  @AfterAll
  static void close() {
    h.close();
  }

  @BeforeEach
  void freshSession() throws Exception {
    h.context = null;
    h.sequence = null;
    assertThat(h.bind().errorCode).isZero();
  }

  @Test
  void profileAttributesAreRowsPropsAndPropListEntries() throws Exception {
    Account alan = h.directory.update(h.alan.id(), AccountUpdate.NONE.withLocation("Bletchley, Hut 8"));
    h.directory.setProfile(alan.id(), new AccountProfile("Cryptanalyst", "Hut 8", "GC&CS", "+44 1908 640404", "+44 7700 900123"));
    int[] columns = {TITLE_8, DEPARTMENT_8, AbTags.COMPANY_NAME, AbTags.OFFICE_LOCATION, AbTags.BUSINESS_TELEPHONE_NUMBER,
        AbTags.MOBILE_TELEPHONE_NUMBER};

    NspiBodies.Response rows = h.call("QueryRows", NspiBodies.queryRows(0, GAL_START, new int[] {mid(alan)}, 1, columns));
    rows.state();
    List<PropertyRow.Cell> row = rows.rows().get(0);
    assertThat(row.get(0)).isEqualTo(new PropertyRow.Value(0x001E, "Cryptanalyst"));
    assertThat(row.get(1)).isEqualTo(new PropertyRow.Value(0x001E, "Hut 8"));
    assertThat(List.of(value(row, 2), value(row, 3), value(row, 4), value(row, 5)))
        .containsExactly("GC&CS", "Bletchley, Hut 8", "+44 1908 640404", "+44 7700 900123");

    NspiBodies.Response props = h.call("GetProps", NspiBodies.getProps(0, at(mid(alan)), AbTags.TITLE, AbTags.MOBILE_TELEPHONE_NUMBER));
    assertThat(props.errorCode).isEqualTo(NspiErrorCodes.SUCCESS);
    props.u32();
    assertThat(props.valueList()).containsExactly(
        new AbValues.Tagged(AbTags.TITLE, "Cryptanalyst"), new AbValues.Tagged(AbTags.MOBILE_TELEPHONE_NUMBER, "+44 7700 900123"));

    assertThat(h.call("GetPropList", NspiBodies.getPropList(mid(alan))).tags()).contains(AbTags.TITLE, AbTags.DEPARTMENT_NAME,
        AbTags.COMPANY_NAME, AbTags.OFFICE_LOCATION, AbTags.BUSINESS_TELEPHONE_NUMBER, AbTags.MOBILE_TELEPHONE_NUMBER);

    h.directory.setProfile(alan.id(), AccountProfile.EMPTY);
    assertThat(h.call("GetPropList", NspiBodies.getPropList(mid(alan))).tags()).doesNotContain(AbTags.TITLE);
  }

  @Test
  void aCreatedAccountAppearsAndADisabledOneDisappearsWithoutARestart() throws Exception {
    List<String> before = galNames();
    Account carol = h.directory.create(NewAccount.user("carol@example.org", "Carol Changed").withAlias("carol"), null);

    assertThat(galNames()).hasSize(before.size() + 1).contains("Carol Changed");
    assertThat(resolve("carol@example.org")).isEqualTo(mid(carol));

    h.directory.update(carol.id(), AccountUpdate.NONE.withDisplayName("Carol Renamed"));
    assertThat(galNames()).contains("Carol Renamed").doesNotContain("Carol Changed");

    h.directory.update(carol.id(), AccountUpdate.NONE.withEnabled(false));
    assertThat(galNames()).isEqualTo(before);
    assertThat(resolve("carol@example.org")).isEqualTo(NspiService.MID_UNRESOLVED);
    assertThat(h.call("GetProps", NspiBodies.getProps(0, at(mid(carol)), AbTags.DISPLAY_NAME)).errorCode)
        .isEqualTo(NspiErrorCodes.INVALID_BOOKMARK);

    h.directory.remove(carol.id());
    assertThat(galNames()).isEqualTo(before);
  }

  /** The whole GAL, page by page (the harness answers at most 3 rows per QueryRows). */
  private List<String> galNames() throws Exception {
    List<String> names = new ArrayList<>();
    Stat state = GAL_START;
    do {
      NspiBodies.Response response = h.call("QueryRows", NspiBodies.queryRows(0, state, new int[0], 100, AbTags.DISPLAY_NAME));
      state = response.state();
      response.rows().forEach(r -> names.add((String) value(r, 0)));
    } while (state.currentRec() != Stat.MID_END_OF_TABLE);
    return names;
  }

  private int resolve(String name) throws Exception {
    NspiBodies.Response response = h.call("ResolveNames", NspiBodies.resolveNames(new int[] {AbTags.DISPLAY_NAME}, name));
    response.u32();
    return response.mids()[0];
  }

  private static Stat at(int currentRec) {
    return new Stat(0, 0, currentRec, 0, 0, 0, 0x4E4, 0x409, 0x409);
  }
}
