package io.convene.api.store;

/**
 * Why a store call failed. Each maps to one MAPI error code (MS-OXCDATA 2.4) that protocol
 * bundles send to clients.
 */
public enum StoreError {
  /** The object does not exist, or the caller may not see it (ecNotFound, 0x8004010F). */
  NOT_FOUND(0x8004010F),
  /** The caller lacks the right for this operation (ecAccessDenied, 0x80070005). */
  ACCESS_DENIED(0x80070005),
  /** An argument is invalid: a wrong type, an id of another mailbox (ecInvalidParam, 0x80070057). */
  INVALID_PARAMETER(0x80070057),
  /** A value exceeds a configured limit (ecMaxSizeExceeded, 0x80040110 is ecTooBig). */
  TOO_BIG(0x80040305),
  /** A restriction or sort is deeper or larger than the server evaluates (ecTooComplex, 0x80040117). */
  TOO_COMPLEX(0x80040117),
  /** A valid request the store does not implement, e.g. a regex restriction (ecNotSupported, 0x80040102). */
  NOT_SUPPORTED(0x80040102),
  /** A folder of that name already exists under the parent (ecDuplicateName, 0x80040604). */
  DUPLICATE_NAME(0x80040604),
  /** The mailbox has not been provisioned (ecUnknownUser, 0x000003EB). */
  NO_MAILBOX(0x000003EB),
  /** The database failed; nothing was written (ecError, 0x80004005). */
  STORAGE_FAILURE(0x80004005),
  /** A property the store maintains or computes cannot be set (ecComputed, 0x8004011A). @since 1.2 */
  COMPUTED(0x8004011A),
  /**
   * The object changed since the caller read it, so a conditional write was not made
   * (ecObjectModified, 0x80040109). @since 1.4
   */
  OBJECT_MODIFIED(0x80040109);

  private final int mapiCode;

  StoreError(int mapiCode) {
    this.mapiCode = mapiCode;
  }

  /** The MAPI error code to report to a client. */
  public int mapiCode() {
    return mapiCode;
  }
}
