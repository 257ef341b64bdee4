package io.convene.mapi.http;

/**
 * The account behind an authenticated MAPI/HTTP request, as the transport needs it.
 *
 * @param accountId the directory id ({@link io.convene.api.net.AuthenticatedUser#accountId()})
 * @param displayName PidTagDisplayName of the user, returned by Connect
 * @param legacyDn the user's X.500 DN ({@link io.convene.mapi.addressing.LegacyDn})
 */
public record MapiUser(String accountId, String displayName, String legacyDn) {}
