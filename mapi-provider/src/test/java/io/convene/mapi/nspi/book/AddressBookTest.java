package io.convene.mapi.nspi.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountKind;
import io.convene.api.directory.BookingPolicy;
import io.convene.mapi.nspi.wire.NspiErrorCodes;
import io.convene.mapi.nspi.wire.NspiException;
import io.convene.mapi.nspi.wire.Stat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressBookTest {

  static Account account(long id, AccountKind kind, String name, boolean enabled) {
    return new Account(id, kind, name, name.toLowerCase().replace(' ', '.') + "@x", "a" + id, enabled, 0, 4, "", BookingPolicy.DEFAULT);
  }

  final List<Account> accounts =
      List.of(
          account(1, AccountKind.USER, "zoe Zed", true),
          account(2, AccountKind.ROOM, "Ändern Room", true),
          account(3, AccountKind.USER, "adam Ant", true),
          account(4, AccountKind.USER, "Gone", false));

  @Test
  void midsAreStableAndNeverReservedValues() {
    AddressBook first = new AddressBook(accounts);
    AddressBook second = new AddressBook(List.of(accounts.get(2), accounts.get(0)));
    assertThat(first.find(AddressBook.midOf(3)).get().displayName()).isEqualTo("adam Ant");
    assertThat(second.find(AddressBook.midOf(3)).get().mid()).isEqualTo(first.find(AddressBook.midOf(3)).get().mid());
    assertThat(first.gal()).allSatisfy(o -> assertThat(o.mid()).isNotIn(0, 1, 2, AddressBook.ROOMS_CONTAINER));
  }

  @Test
  void galIsSortedIgnoringCaseAndAccentsAndSkipsDisabledAccounts() {
    AddressBook book = new AddressBook(accounts);
    assertThat(book.gal()).extracting(AbObject::displayName).containsExactly("adam Ant", "Ändern Room", "zoe Zed");
    assertThat(book.find(AddressBook.midOf(4))).isEmpty();
    assertThat(book.table(AddressBook.ROOMS_CONTAINER).get()).extracting(AbObject::displayName).containsExactly("Ändern Room");
    assertThat(book.table(7)).isEmpty();
  }

  @Test
  void roomsAndEquipmentCarryTheirDisplayTypeEx() {
    assertThat(AddressBook.displayTypeEx(AccountKind.ROOM)).isEqualTo(0x7);
    assertThat(AddressBook.displayTypeEx(AccountKind.EQUIPMENT)).isEqualTo(0x8);
    assertThat(AddressBook.displayTypeEx(AccountKind.USER)).isEqualTo(0x40000000);
    AbObject room = new AddressBook(accounts).find(AddressBook.midOf(2)).get();
    assertThat(room.property(AbTags.ROOM_CAPACITY >>> 16).get().value()).isEqualTo(4);
    assertThat(room.property(AbTags.OFFICE_LOCATION >>> 16)).isEmpty();
  }

  @Test
  void positionsClampAndUnknownRowsAreNotFound() throws Exception {
    AbTable gal = new AddressBook(accounts).gal();
    Stat stat = new Stat(0, 0, Stat.MID_END_OF_TABLE, 0, 0, 0, 1252, 0x409, 0x409);
    assertThat(TablePosition.current(gal, stat)).isEqualTo(3);
    assertThat(TablePosition.move(3, Integer.MIN_VALUE, 3)).isZero();
    assertThat(TablePosition.move(1, Integer.MAX_VALUE, 3)).isEqualTo(3);
    assertThat(TablePosition.at(stat, gal, 3).currentRec()).isEqualTo(Stat.MID_END_OF_TABLE);
    assertThatThrownBy(() -> TablePosition.current(gal, stat.withCurrentRec(12345)))
        .isInstanceOfSatisfying(NspiException.class, e -> assertThat(e.errorCode()).isEqualTo(NspiErrorCodes.NOT_FOUND));
  }

  @Test
  void exactNamesAreAddressesAliasesDnsOrWholeDisplayNamesAndMustBeUnique() {
    List<Account> withTwins = new java.util.ArrayList<>(accounts);
    withTwins.add(account(5, AccountKind.USER, "Twin", true));
    withTwins.add(new Account(6, AccountKind.USER, "Twin", "twin.two@x", "a6", true, 0, 0, "", BookingPolicy.DEFAULT));
    AddressBook book = new AddressBook(withTwins);
    AbObject zoe = book.find(AddressBook.midOf(1)).orElseThrow();

    assertThat(book.exactMatch("ZOE.zed@x")).contains(zoe);
    assertThat(book.exactMatch("SMTP:zoe.zed@x")).contains(zoe);
    assertThat(book.exactMatch("A1")).contains(zoe);
    assertThat(book.exactMatch(zoe.dn().toUpperCase(java.util.Locale.ROOT))).contains(zoe);
    assertThat(book.exactMatch("zoe zed")).contains(zoe);
    assertThat(book.exactMatch("zoe")).isEmpty();
    assertThat(book.exactMatch("twin")).isEmpty();
    assertThat(book.exactMatch("gone@x")).isEmpty();
    assertThat(book.exactMatch(AddressBook.ROOMS_DN)).isEmpty();
  }

  @Test
  void profilesBecomeProperties() {
    AddressBook book = new AddressBook(accounts,
        java.util.Map.of(3L, new io.convene.api.directory.AccountProfile("Chef", "", "Ants Inc", "+1 555", "")));
    AbObject adam = book.find(AddressBook.midOf(3)).orElseThrow();
    assertThat(adam.property(AbTags.TITLE >>> 16).orElseThrow().value()).isEqualTo("Chef");
    assertThat(adam.property(AbTags.COMPANY_NAME >>> 16).orElseThrow().value()).isEqualTo("Ants Inc");
    assertThat(adam.property(AbTags.BUSINESS_TELEPHONE_NUMBER >>> 16).orElseThrow().value()).isEqualTo("+1 555");
    assertThat(adam.property(AbTags.DEPARTMENT_NAME >>> 16)).isEmpty();
    assertThat(book.find(AddressBook.midOf(1)).orElseThrow().property(AbTags.TITLE >>> 16)).isEmpty();
  }

  @Test
  void fallbackPrefixMatchIgnoresCaseAndAccents() {
    List<AbObject> gal = new AddressBook(accounts).gal();
    assertThat(NameResolver.prefixMatch("andern", gal, 5)).extracting(AbObject::displayName).containsExactly("Ändern Room");
    assertThat(NameResolver.prefixMatch("ZED Z", gal, 5)).extracting(AbObject::displayName).containsExactly("zoe Zed");
    assertThat(NameResolver.prefixMatch("*:(", gal, 5)).isEmpty();
  }
}
