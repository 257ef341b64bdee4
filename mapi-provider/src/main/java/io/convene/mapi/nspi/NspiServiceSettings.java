package io.convene.mapi.nspi;

/**
 * What the NSPI service answers with and how much.
 *
 * @param mailboxUrl GetMailboxUrl's answer: the EMSMDB endpoint URL
 * @param addressBookUrl GetAddressBookUrl's answer: this endpoint's URL
 * @param maxRows most rows, names or MIds one request is answered with; QueryRows returns fewer
 *     rows than asked (the STAT tells the client where to go on), GetMatches with more matches
 *     answers ecTableTooBig
 * @param maxColumns most columns a request may ask for (ecTableTooBig beyond)
 */
public record NspiServiceSettings(String mailboxUrl, String addressBookUrl, int maxRows, int maxColumns) {

  public NspiServiceSettings {
    if (maxRows < 1 || maxColumns < 1) {
      throw new IllegalArgumentException("maxRows and maxColumns must be positive");
    }
  }
}
