package com.ticketplatform.user.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The deny-list of logged-out access tokens, read by the gateway. An entry lives exactly as long as the token would
 * have, so the list never grows beyond the tokens still in circulation.
 */
public class RevokedTokens {

  private final StringRedisTemplate redis;
  private final Clock clock;

  public RevokedTokens(StringRedisTemplate redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  public void revoke(String jti, Instant expiresAt) {
    Duration remaining = Duration.between(clock.instant(), expiresAt);
    if (remaining.isNegative() || remaining.isZero()) {
      return;
    }
    redis.opsForValue().set(AuthRedisKeys.REVOKED_JTI_PREFIX + jti, "1", remaining);
  }

  public boolean isRevoked(String jti) {
    return Boolean.TRUE.equals(redis.hasKey(AuthRedisKeys.REVOKED_JTI_PREFIX + jti));
  }
}
