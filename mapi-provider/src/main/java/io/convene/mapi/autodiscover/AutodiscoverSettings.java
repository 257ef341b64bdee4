package io.convene.mapi.autodiscover;

import java.util.Objects;

/**
 * Configuration of Autodiscover.
 *
 * @param publicBaseUrl scheme, host and optional port clients reach Convene at, without a trailing
 *     slash, e.g. {@code https://mail.example.org}; empty to use each request's own Host header
 * @param deploymentId the DeploymentId GUID; empty to derive a stable one from the base URL
 * @param maxRequestBytes the largest POX request accepted
 */
public record AutodiscoverSettings(String publicBaseUrl, String deploymentId, int maxRequestBytes) {

  public AutodiscoverSettings {
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    Objects.requireNonNull(deploymentId, "deploymentId");
    if (publicBaseUrl.endsWith("/")) {
      publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
    }
    if (maxRequestBytes < 256) {
      throw new IllegalArgumentException("maxRequestBytes below 256");
    }
  }
}
