package com.ticketplatform.common.idempotency;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Makes a retried create return its first outcome. The key is claimed in Redis (SET NX) together with a fingerprint of
 * the request; when the work succeeds the created id is recorded, when it fails with a client error the claim is
 * dropped so the client may fix the request and retry with the same key.
 *
 * <p>Stored value: {@code P|<fingerprint>} while in progress, {@code D|<fingerprint>|<id>} when done. For writes whose
 * outcome must commit atomically with the change itself (orders), keep the key in the same database transaction
 * instead.
 */
public class IdempotencyGuard {

  private final StringRedisTemplate redis;
  private final String keyPrefix;
  private final Duration ttl;

  /**
   * @param keyPrefix the service's Redis namespace, e.g. {@code advert:idem:}
   * @param ttl how long a key is remembered (at least 24 h: clients retry for that long)
   */
  public IdempotencyGuard(StringRedisTemplate redis, String keyPrefix, Duration ttl) {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
    this.ttl = ttl;
  }

  /** The outcome of an idempotent create: the id, and whether it was created by this very call. */
  public record Outcome(long id, boolean replayed) {}

  /**
   * Runs {@code create} at most once per (scope, key). Without a key it simply runs. A key reused with a different
   * request is 422; a key whose first request is still running is 409.
   */
  public Outcome run(String scope, String key, String fingerprint, LongSupplier create) {
    if (key == null || key.isBlank()) {
      return new Outcome(create.getAsLong(), false);
    }
    if (key.length() > 200) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "Idempotency-Key is too long");
    }
    String redisKey = keyPrefix + scope + ":" + key;
    Boolean claimed = redis.opsForValue().setIfAbsent(redisKey, "P|" + fingerprint, ttl);
    if (!Boolean.TRUE.equals(claimed)) {
      String stored = redis.opsForValue().get(redisKey);
      if (stored == null) {
        throw ApiException.conflict(ErrorCodes.CONFLICT, "request with this Idempotency-Key is being retried; retry");
      }
      String[] parts = stored.split("\\|", 3);
      if (!parts[1].equals(fingerprint)) {
        throw ApiException.unprocessable(ErrorCodes.IDEMPOTENCY_KEY_REUSED,
            "Idempotency-Key was already used for a different request");
      }
      if ("P".equals(parts[0])) {
        throw ApiException.conflict(ErrorCodes.CONFLICT, "a request with this Idempotency-Key is still in progress");
      }
      return new Outcome(Long.parseLong(parts[2]), true);
    }
    long id;
    try {
      id = create.getAsLong();
    } catch (RuntimeException e) {
      redis.delete(redisKey);
      throw e;
    }
    redis.opsForValue().set(redisKey, "D|" + fingerprint + "|" + id, ttl);
    return new Outcome(id, false);
  }

  /** A request's fingerprint: a SHA-256 over its parts, so a key reused with another body is told apart. */
  public static String fingerprint(Object... parts) {
    StringBuilder joined = new StringBuilder();
    for (Object part : parts) {
      joined.append(part).append('\u0000');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
