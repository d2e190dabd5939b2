package com.ticketplatform.comment.ratelimit;

import com.ticketplatform.comment.comment.CommentProperties;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Per-user posting limit (comments and replies): a fixed window in Redis that starts at the user's first post. The
 * count and its expiry are set in one script so a crash between INCR and PEXPIRE cannot leave a key that never expires.
 */
@Component
public class PostingRateLimiter {

  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> HIT = new DefaultRedisScript<>("""
      local n = redis.call('INCR', KEYS[1])
      if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
      local ttl = redis.call('PTTL', KEYS[1])
      if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
      return {n, ttl}
      """, List.class);

  private final StringRedisTemplate redis;
  private final CommentProperties properties;

  public PostingRateLimiter(StringRedisTemplate redis, CommentProperties properties) {
    this.redis = redis;
    this.properties = properties;
  }

  /** Counts one post by the user; throws 429 with {@code retryAfterSeconds} when over the limit. */
  public void hit(long userId) {
    long windowMillis = properties.postWindow().toMillis();
    List<?> result = redis.execute(HIT, List.of("comment:rate:" + userId), Long.toString(windowMillis));
    long count = ((Number) result.get(0)).longValue();
    long ttlMillis = ((Number) result.get(1)).longValue();
    if (count > properties.postsPerWindow()) {
      throw ApiException.retryLater(HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.RATE_LIMITED,
          "at most " + properties.postsPerWindow() + " posts per " + properties.postWindow().toSeconds() + " s",
          Duration.ofMillis(ttlMillis));
    }
  }
}
