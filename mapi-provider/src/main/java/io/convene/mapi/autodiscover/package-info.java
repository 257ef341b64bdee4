/**
 * Autodiscover for Outlook: POX (MS-OXDSCLI) with the {@code mapiHttp} protocol and the JSON
 * redirection service (MS-OXDISCO).
 */
package io.convene.mapi.autodiscover;
