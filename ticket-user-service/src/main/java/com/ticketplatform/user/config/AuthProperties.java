package com.ticketplatform.user.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token and login-protection settings ({@code ticket.auth.*}).
 *
 * @param issuer the {@code iss} of every access token; the gateway accepts only this issuer
 * @param accessTokenTtl lifetime of an access token (short: a stolen one is useful only briefly)
 * @param refreshTokenTtl lifetime of a refresh-token family without use
 * @param loginProtection password-guessing limits
 * @param registration account-creation limits per client
 */
@ConfigurationProperties("ticket.auth")
public record AuthProperties(String issuer, Duration accessTokenTtl, Duration refreshTokenTtl,
    LoginProtection loginProtection, Registration registration) {

  public AuthProperties {
    issuer = issuer == null || issuer.isBlank() ? "ticket-platform" : issuer;
    accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
    refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(14) : refreshTokenTtl;
    loginProtection = loginProtection == null
        ? new LoginProtection(5, 30, 1, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(24), 20,
            Duration.ofDays(30))
        : loginProtection;
    registration = registration == null ? new Registration(5, Duration.ofHours(1)) : registration;
  }

  /**
   * Progressive delays of {@code LoginThrottle}: past {@code freeAttemptsPerAccountAndClient} attempts on one account
   * from one client, or {@code freeAttemptsPerClient} from one client on any, the next attempt waits
   * {@code baseDelay × 2^k} after the previous one, at most {@code maxDelay}; counts are forgotten {@code memory} after
   * the last attempt. Past {@code challengeAfterAccountFailures} attempts on one account from anywhere, clients it has
   * not trusted within {@code trustedClientMemory} get only {@code freeAttemptsWhenChallenged} (and a CAPTCHA when one
   * is configured).
   */
  public record LoginProtection(int freeAttemptsPerAccountAndClient, int freeAttemptsPerClient,
      int freeAttemptsWhenChallenged, Duration baseDelay, Duration maxDelay, Duration memory,
      int challengeAfterAccountFailures, Duration trustedClientMemory) {}

  /** At most {@code perClient} new accounts from one client address per {@code window}. */
  public record Registration(int perClient, Duration window) {}
}
