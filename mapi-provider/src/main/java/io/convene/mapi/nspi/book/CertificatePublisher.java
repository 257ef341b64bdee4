package io.convene.mapi.nspi.book;

import io.convene.api.directory.AccountCertificates;
import io.convene.api.directory.Directory;
import io.convene.api.directory.DirectoryException;

/**
 * Where NspiModProps keeps the certificates a user publishes on their own address book entry
 * (MS-OXNSPI 3.1.4.1.14 names PidTagUserX509Certificate and PidTagAddressBookX509Certificate as
 * the properties it supports).
 */
public interface CertificatePublisher {

  /** A publisher for an address book that keeps none: every call is refused. */
  CertificatePublisher NONE = new CertificatePublisher() {
    @Override
    public AccountCertificates current(long accountId) {
      return AccountCertificates.EMPTY;
    }

    @Override
    public void publish(long accountId, AccountCertificates certificates) {
      throw new DirectoryException(DirectoryException.Reason.UNAVAILABLE, "no directory keeps certificates here");
    }
  };

  /** What the account published so far. */
  AccountCertificates current(long accountId);

  /**
   * Replaces what the account published.
   *
   * @throws DirectoryException INVALID for values over the directory's limits, UNAVAILABLE when it
   *     cannot keep them
   */
  void publish(long accountId, AccountCertificates certificates);

  /** The directory's certificate calls. */
  static CertificatePublisher of(Directory directory) {
    return new CertificatePublisher() {
      @Override
      public AccountCertificates current(long accountId) {
        return directory.certificates(accountId);
      }

      @Override
      public void publish(long accountId, AccountCertificates certificates) {
        directory.setCertificates(accountId, certificates);
      }
    };
  }
}
