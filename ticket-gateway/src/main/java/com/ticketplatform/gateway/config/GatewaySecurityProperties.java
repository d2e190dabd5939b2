package com.ticketplatform.gateway.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ticket.gateway.*}.
 *
 * @param jwkSetUri where the user service publishes its public signing key
 * @param issuer the only accepted {@code iss} of access tokens
 * @param corsAllowedOrigins web origins allowed to call the API from a browser
 * @param trustedProxies CIDRs (IPv4 or IPv6) of the load balancers in front of the gateway, whose
 *     {@code X-Forwarded-For} names the client (none by default: the TCP peer is the client)
 */
@ConfigurationProperties("ticket.gateway")
public record GatewaySecurityProperties(String jwkSetUri, String issuer, List<String> corsAllowedOrigins,
    List<String> trustedProxies) {

  public GatewaySecurityProperties {
    issuer = issuer == null || issuer.isBlank() ? "ticket-platform" : issuer;
    corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
    trustedProxies = trustedProxies == null ? List.of()
        : trustedProxies.stream().map(String::trim).filter(cidr -> !cidr.isEmpty()).toList();
  }
}
