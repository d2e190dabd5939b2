package com.ticketplatform.gateway.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ticket.gateway.*}.
 *
 * @param jwkSetUri where the user service publishes its public signing key
 * @param issuer the only accepted {@code iss} of access tokens
 * @param corsAllowedOrigins web origins allowed to call the API from a browser
 */
@ConfigurationProperties("ticket.gateway")
public record GatewaySecurityProperties(String jwkSetUri, String issuer, List<String> corsAllowedOrigins) {

  public GatewaySecurityProperties {
    issuer = issuer == null || issuer.isBlank() ? "ticket-platform" : issuer;
    corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
  }
}
