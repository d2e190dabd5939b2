package com.ticketplatform.user.auth;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.user.config.AuthProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;

/**
 * Brute-force protection: failed logins are counted per login name and per client address in fixed windows. Once
 * either count reaches its limit, further attempts are refused with 429 until that window ends, whether or not the
 * password would be right, so guessing cannot go on at full speed against one account or from one address.
 */
public class LoginThrottle {

  public static final String TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS";

  /** Counts one failure; the window starts at the first failure (the TTL is set only then). */
  private static final RedisScript<Long> COUNT = RedisScript.of("""
      local n = redis.call('INCR', KEYS[1])
      if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
      return n
      """, Long.class);

  private final StringRedisTemplate redis;
  private final AuthProperties.BruteForce limits;

  public LoginThrottle(StringRedisTemplate redis, AuthProperties.BruteForce limits) {
    this.redis = redis;
    this.limits = limits;
  }

  public void checkAllowed(String loginName, String address) {
    String byName = nameKey(loginName);
    String byAddress = AuthRedisKeys.failedLoginsByAddress(address);
    List<String> counts = redis.opsForValue().multiGet(List.of(byName, byAddress));
    if (counts != null) {
      refuseIfOver(byName, counts.get(0), limits.maxFailuresPerLogin());
      refuseIfOver(byAddress, counts.get(1), limits.maxFailuresPerIp());
    }
  }

  public void recordFailure(String loginName, String address) {
    String window = Long.toString(limits.window().toMillis());
    redis.execute(COUNT, List.of(nameKey(loginName)), window);
    redis.execute(COUNT, List.of(AuthRedisKeys.failedLoginsByAddress(address)), window);
  }

  /** A successful login clears the name's count (not the address's: one good account must not unlock guessing). */
  public void recordSuccess(String loginName) {
    redis.delete(nameKey(loginName));
  }

  private void refuseIfOver(String key, String count, int limit) {
    if (count == null || Long.parseLong(count) < limit) {
      return;
    }
    Long ttlMillis = redis.getExpire(key, TimeUnit.MILLISECONDS);
    Duration retryAfter = ttlMillis == null || ttlMillis <= 0 ? limits.window() : Duration.ofMillis(ttlMillis);
    throw ApiException.retryLater(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_ATTEMPTS,
        "too many failed logins, try again later", retryAfter);
  }

  private static String nameKey(String loginName) {
    return AuthRedisKeys.failedLoginsByName(Hashes.sha256Hex(loginName));
  }
}
