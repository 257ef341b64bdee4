package io.convene.mapi.autodiscover;

import java.util.Optional;

/**
 * A POX Autodiscover request (MS-OXDSCLI 2.2.3): whom it asks about and which response schema the
 * client accepts.
 *
 * @param emailAddress the EMailAddress element, if present
 * @param legacyDn the LegacyDN element, if present (a client may ask by DN instead)
 * @param acceptableResponseSchema the AcceptableResponseSchema element
 */
public record AutodiscoverRequest(
    Optional<String> emailAddress, Optional<String> legacyDn, String acceptableResponseSchema) {}
