package com.ticketplatform.user.web;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.starter.keys.KeyRing;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;

/**
 * Makes a create endpoint safe to retry with an {@code Idempotency-Key}: the first request claims the key (SET NX),
 * runs, and stores its answer; a retry with the same key and the same body gets that stored answer, the same key with
 * a different body is a 422, and a retry while the first is still running is a 409. A failed first attempt releases
 * the key, so the client may retry it. Only a keyed fingerprint (HMAC with a secret of this service) of the request
 * is kept, never the body: it may hold a password or an ID number, which a plain hash would not protect.
 */
public class IdempotentExecutor {

  static final String PREFIX = "user:idem:";
  private static final Duration KEEP = Duration.ofHours(24);
  private static final Duration CLAIM = Duration.ofMinutes(1);
  private static final String RUNNING = "RUNNING|";
  private static final String DONE = "DONE|";

  public static final String SECRET_PURPOSE = "idempotency-hmac";

  private final StringRedisTemplate redis;
  private final ObjectMapper json;
  private final SecretKeySpec fingerprintKey;

  public IdempotentExecutor(StringRedisTemplate redis, ObjectMapper json, byte[] fingerprintKey) {
    this.redis = redis;
    this.json = json;
    this.fingerprintKey = new SecretKeySpec(fingerprintKey, "HmacSHA256");
  }

  /**
   * @param scope the endpoint (and caller, when keys are per user)
   * @param key the client's Idempotency-Key, or null to run without idempotency
   * @param fingerprintParts what identifies the request's meaning (body fields)
   */
  public <T> T execute(String scope, String key, Class<T> type, Supplier<T> action, Object... fingerprintParts) {
    if (key == null || key.isBlank()) {
      return action.get();
    }
    if (key.length() > 128) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "Idempotency-Key is longer than 128 characters");
    }
    String redisKey = PREFIX + scope + ":" + key;
    String fingerprint = fingerprint(fingerprintParts);
    Boolean claimed = redis.opsForValue().setIfAbsent(redisKey, RUNNING + fingerprint, CLAIM);
    if (!Boolean.TRUE.equals(claimed)) {
      return replay(redisKey, fingerprint, type);
    }
    T result;
    try {
      result = action.get();
    } catch (RuntimeException e) {
      redis.delete(redisKey);
      throw e;
    }
    try {
      redis.opsForValue().set(redisKey, DONE + fingerprint + "|" + json.writeValueAsString(result), KEEP);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot store idempotent answer", e);
    }
    return result;
  }

  private <T> T replay(String redisKey, String fingerprint, Class<T> type) {
    String stored = redis.opsForValue().get(redisKey);
    if (stored == null) {
      // the first attempt failed and released the key between our SET NX and GET: ask for a plain retry
      throw ApiException.conflict(ErrorCodes.CONFLICT, "a request with this Idempotency-Key just failed, retry it");
    }
    boolean done = stored.startsWith(DONE);
    String rest = stored.substring(done ? DONE.length() : RUNNING.length());
    int bar = rest.indexOf('|');
    String storedFingerprint = bar < 0 ? rest : rest.substring(0, bar);
    if (!storedFingerprint.equals(fingerprint)) {
      throw ApiException.unprocessable(ErrorCodes.IDEMPOTENCY_KEY_REUSED,
          "this Idempotency-Key was used for a different request");
    }
    if (!done) {
      throw ApiException.conflict(ErrorCodes.CONFLICT, "a request with this Idempotency-Key is still in progress");
    }
    try {
      return json.readValue(rest.substring(bar + 1), type);
    } catch (JacksonException e) {
      throw new IllegalStateException("stored idempotent answer is unreadable", e);
    }
  }

  private String fingerprint(Object... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(fingerprintKey);
      for (Object part : parts) {
        mac.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
      }
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new fingerprint key for the key ring (never rotated: stored fingerprints must keep matching). */
  public static KeyRing.Material generateKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new KeyRing.Material("idempotency-" + UUID.randomUUID(), key, null);
  }
}
