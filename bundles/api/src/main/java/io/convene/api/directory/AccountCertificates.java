package io.convene.api.directory;

import java.util.Arrays;
import java.util.List;

/**
 * The certificates a user publishes in the address book so that others can send them encrypted
 * mail (S/MIME), as Outlook's "Publish to GAL" writes them with NspiModProps (MS-OXNSPI
 * 3.1.4.1.14): PidTagUserX509Certificate, Outlook's own certificate blobs, and
 * PidTagAddressBookX509Certificate, ASN.1 DER X.509 certificates (MS-OXOABK 2.2.4.35). The
 * directory keeps the bytes as given; it checks only counts and sizes.
 *
 * <p>Immutable: the lists and the arrays in them are copied in and out.
 *
 * @param userX509 PidTagUserX509Certificate values
 * @param addressBookX509 PidTagAddressBookX509Certificate values
 * @since directory 1.2
 */
public record AccountCertificates(List<byte[]> userX509, List<byte[]> addressBookX509) {

  /** No certificate published. */
  public static final AccountCertificates EMPTY = new AccountCertificates(List.of(), List.of());

  public AccountCertificates {
    userX509 = copy(userX509);
    addressBookX509 = copy(addressBookX509);
  }

  @Override
  public List<byte[]> userX509() {
    return copy(userX509);
  }

  @Override
  public List<byte[]> addressBookX509() {
    return copy(addressBookX509);
  }

  /** Whether neither kind has a value. */
  public boolean isEmpty() {
    return userX509.isEmpty() && addressBookX509.isEmpty();
  }

  /** Equal when both kinds hold the same bytes in the same order. */
  @Override
  public boolean equals(Object other) {
    return other instanceof AccountCertificates that
        && sameBytes(userX509, that.userX509) && sameBytes(addressBookX509, that.addressBookX509);
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (byte[] value : userX509) {
      hash = 31 * hash + Arrays.hashCode(value);
    }
    for (byte[] value : addressBookX509) {
      hash = 37 * hash + Arrays.hashCode(value);
    }
    return hash;
  }

  @Override
  public String toString() {
    return "AccountCertificates[userX509=" + userX509.size() + " values, addressBookX509=" + addressBookX509.size()
        + " values]";
  }

  private static List<byte[]> copy(List<byte[]> values) {
    return values.stream().map(byte[]::clone).toList();
  }

  private static boolean sameBytes(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
