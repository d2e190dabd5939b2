package com.ticketplatform.starter.idempotency;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Idempotency-Keys kept in Redis only (docs/ARCHITECTURE.md §5), for creates whose effect needs no atomic record in
 * the service's database (adverts, comments, accounts, holders): the first request claims the key (SET NX, for the
 * claim timeout), runs, and stores its answer for the retention; a retry with the same key and request gets that
 * answer, the same key with another request is a 422, a retry while the first still runs a 409. A first attempt that
 * fails releases the key, so the client may retry; one that dies leaves a claim that lapses after the claim timeout.
 *
 * <p>Stored: {@code RUNNING|<fingerprint>} while the first request runs, {@code DONE|<fingerprint>|<answer as JSON>}
 * after. Where the key must commit with the change itself, use {@link IdempotencyRecords}.
 */
public class RedisIdempotency {

  private static final String RUNNING = "RUNNING|";
  private static final String DONE = "DONE|";

  private final StringRedisTemplate redis;
  private final ObjectMapper json;
  private final Fingerprinter fingerprints;
  private final String keyPrefix;
  private final Duration retention;
  private final Duration claimTimeout;

  public RedisIdempotency(StringRedisTemplate redis, ObjectMapper json, Fingerprinter fingerprints,
      IdempotencyProperties properties) {
    this.redis = redis;
    this.json = json;
    this.fingerprints = fingerprints;
    this.keyPrefix = properties.keyPrefix();
    this.retention = properties.retention();
    this.claimTimeout = properties.claimTimeout();
  }

  /**
   * Runs {@code action} at most once per (scope, key); without a key it simply runs.
   *
   * @param scope the endpoint and the caller, so keys of different callers never meet
   * @param requestParts what gives the request its meaning (the body's fields)
   */
  public <T> IdempotencyOutcome<T> execute(String scope, String key, Class<T> answerType, Supplier<T> action,
      Object... requestParts) {
    if (IdempotencyKeys.absent(key)) {
      return new IdempotencyOutcome<>(action.get(), false);
    }
    IdempotencyKeys.check(key);
    String redisKey = keyPrefix + scope + ":" + key;
    String fingerprint = fingerprints.of(requestParts);
    if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(redisKey, RUNNING + fingerprint, claimTimeout))) {
      return new IdempotencyOutcome<>(replay(redisKey, fingerprint, answerType), true);
    }
    T answer;
    try {
      answer = action.get();
    } catch (RuntimeException e) {
      redis.delete(redisKey);
      throw e;
    }
    try {
      redis.opsForValue().set(redisKey, DONE + fingerprint + "|" + json.writeValueAsString(answer), retention);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot keep the answer of an idempotent request", e);
    }
    return new IdempotencyOutcome<>(answer, false);
  }

  private <T> T replay(String redisKey, String fingerprint, Class<T> answerType) {
    String stored = redis.opsForValue().get(redisKey);
    if (stored == null) {
      // the first attempt failed and released the key between our SET NX and GET: a plain retry will run it
      throw IdempotencyKeys.inProgress();
    }
    boolean done = stored.startsWith(DONE);
    String rest = stored.substring(done ? DONE.length() : RUNNING.length());
    int bar = rest.indexOf('|');
    String storedFingerprint = bar < 0 ? rest : rest.substring(0, bar);
    if (!storedFingerprint.equals(fingerprint)) {
      throw IdempotencyKeys.reused();
    }
    if (!done) {
      throw IdempotencyKeys.inProgress();
    }
    try {
      return json.readValue(rest.substring(bar + 1), answerType);
    } catch (JacksonException e) {
      throw new IllegalStateException("the kept answer of an idempotent request is unreadable", e);
    }
  }
}
