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
    List<AbObject> gal = new AddressBook(accounts).gal();
    Stat stat = new Stat(0, 0, Stat.MID_END_OF_TABLE, 0, 0, 0, 1252, 0x409, 0x409);
    assertThat(TablePosition.current(gal, stat)).isEqualTo(3);
    assertThat(TablePosition.move(3, Integer.MIN_VALUE, 3)).isZero();
    assertThat(TablePosition.move(1, Integer.MAX_VALUE, 3)).isEqualTo(3);
    assertThat(TablePosition.at(stat, gal, 3).currentRec()).isEqualTo(Stat.MID_END_OF_TABLE);
    assertThatThrownBy(() -> TablePosition.current(gal, stat.withCurrentRec(12345)))
        .isInstanceOfSatisfying(NspiException.class, e -> assertThat(e.errorCode()).isEqualTo(NspiErrorCodes.NOT_FOUND));
  }

  @Test
  void fallbackPrefixMatchIgnoresCaseAndAccents() {
    List<AbObject> gal = new AddressBook(accounts).gal();
    assertThat(NameResolver.prefixMatch("andern", gal, 5)).extracting(AbObject::displayName).containsExactly("Ändern Room");
    assertThat(NameResolver.prefixMatch("ZED Z", gal, 5)).extracting(AbObject::displayName).containsExactly("zoe Zed");
    assertThat(NameResolver.prefixMatch("*:(", gal, 5)).isEmpty();
  }
}
