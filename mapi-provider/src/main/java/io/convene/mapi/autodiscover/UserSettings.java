package io.convene.mapi.autodiscover;

/**
 * What Autodiscover tells a client about one user.
 *
 * @param displayName the user's display name
 * @param legacyDn the user's X.500 DN
 * @param smtpAddress the primary SMTP address (AutoDiscoverSMTPAddress)
 * @param deploymentId identifies this Convene installation (a GUID string)
 * @param baseUrl scheme, host and port the URLs are built on, e.g. {@code https://mail.example.org}
 * @param mapiHttp whether to announce MAPI/HTTP (the client sent X-MapiHttpCapability)
 */
public record UserSettings(
    String displayName,
    String legacyDn,
    String smtpAddress,
    String deploymentId,
    String baseUrl,
    boolean mapiHttp) {}
