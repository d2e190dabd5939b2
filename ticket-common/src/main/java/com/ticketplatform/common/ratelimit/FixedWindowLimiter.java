package com.ticketplatform.common.ratelimit;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;

/**
 * At most {@code limit} actions per key in a fixed window that starts with the key's first action, counted in Redis.
 * The count and its expiry are set in one script, so a crash between the two cannot leave a key that never expires,
 * and parallel actions cannot all pass before the first is counted. Over the limit: 429 {@code RATE_LIMITED} with
 * Retry-After until the window ends.
 */
public class FixedWindowLimiter {

  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> HIT = new DefaultRedisScript<>("""
      local n = redis.call('INCR', KEYS[1])
      if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
      local ttl = redis.call('PTTL', KEYS[1])
      if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
      return {n, ttl}
      """, List.class);

  private final StringRedisTemplate redis;
  private final String keyPrefix;
  private final String what;

  /**
   * @param keyPrefix the Redis key prefix of this limit (the key is prefix + the counted subject)
   * @param what what is counted, for the refusal's detail ("posts", "new accounts from one address")
   */
  public FixedWindowLimiter(StringRedisTemplate redis, String keyPrefix, String what) {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
    this.what = what;
  }

  /** Counts one action of {@code subject}; throws 429 when it is over {@code limit} in {@code window}. */
  public void hit(String subject, int limit, Duration window) {
    List<?> result = redis.execute(HIT, List.of(keyPrefix + subject), Long.toString(window.toMillis()));
    long count = ((Number) result.get(0)).longValue();
    long ttlMillis = ((Number) result.get(1)).longValue();
    if (count > limit) {
      throw ApiException.retryLater(HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.RATE_LIMITED,
          "at most " + limit + " " + what + " per " + window.toSeconds() + " s", Duration.ofMillis(ttlMillis));
    }
  }
}
