package com.ticketplatform.user.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token and login-protection settings ({@code ticket.auth.*}).
 *
 * @param issuer the {@code iss} of every access token; the gateway accepts only this issuer
 * @param accessTokenTtl lifetime of an access token (short: a stolen one is useful only briefly)
 * @param refreshTokenTtl lifetime of a refresh-token family without use
 * @param bruteForce failed-login limits
 */
@ConfigurationProperties("ticket.auth")
public record AuthProperties(String issuer, Duration accessTokenTtl, Duration refreshTokenTtl, BruteForce bruteForce) {

  public AuthProperties {
    issuer = issuer == null || issuer.isBlank() ? "ticket-platform" : issuer;
    accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
    refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(14) : refreshTokenTtl;
    bruteForce = bruteForce == null ? new BruteForce(5, 50, Duration.ofMinutes(15)) : bruteForce;
  }

  /**
   * After {@code maxFailuresPerLogin} failures for one login name, or {@code maxFailuresPerIp} from one client
   * address, within {@code window}, logins are refused (429) until the window ends.
   */
  public record BruteForce(int maxFailuresPerLogin, int maxFailuresPerIp, Duration window) {}
}
