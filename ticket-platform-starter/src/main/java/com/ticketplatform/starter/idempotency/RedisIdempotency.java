package com.ticketplatform.starter.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Idempotency-Keys kept in Redis only (docs/ARCHITECTURE.md §5), for creates whose effect needs no atomic record in
 * the service's database (adverts, comments, accounts, holders): the first request claims the key (SET NX, for the
 * claim timeout), runs, and stores its answer for the retention; a retry with the same key and request gets that
 * answer, the same key with another request is a 422, a retry while the first still runs a 409. A first attempt that
 * fails releases the key, so the client may retry; one that dies leaves a claim that lapses after the claim timeout.
 *
 * <p>Stored: {@code RUNNING|<fingerprint>|<claim token>} while the first request runs, {@code
 * DONE|<fingerprint>|<answer as JSON>} after. The claim token makes the release and the completion conditional (a
 * compare-and-set script): a request that outlived its claim, whose key a retry has since taken over, can neither
 * delete nor overwrite that retry's claim. Where the key must commit with the change itself, use
 * {@link IdempotencyRecords}.
 */
public class RedisIdempotency {

  private static final String RUNNING = "RUNNING|";
  private static final String DONE = "DONE|";
  /**
   * Without a new value: deletes the key while it holds this request's claim. With one: stores it unless another
   * request holds the key now (a claim that merely lapsed, with nobody taking over, still gets its answer kept).
   */
  private static final RedisScript<Long> IF_STILL_CLAIMED = new DefaultRedisScript<>("""
      local held = redis.call('GET', KEYS[1])
      if ARGV[2] == '' then
        if held == ARGV[1] then redis.call('DEL', KEYS[1]) return 1 end
        return 0
      end
      if held and held ~= ARGV[1] then return 0 end
      redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
      return 1""", Long.class);

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
    String claim = RUNNING + fingerprint + "|" + UUID.randomUUID();
    if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(redisKey, claim, claimTimeout))) {
      return new IdempotencyOutcome<>(replay(redisKey, fingerprint, answerType), true);
    }
    T answer;
    try {
      answer = action.get();
    } catch (RuntimeException e) {
      redis.execute(IF_STILL_CLAIMED, List.of(redisKey), claim, "", "0");
      throw e;
    }
    String done;
    try {
      done = DONE + fingerprint + "|" + json.writeValueAsString(answer);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot keep the answer of an idempotent request", e);
    }
    redis.execute(IF_STILL_CLAIMED, List.of(redisKey), claim, done, Long.toString(retention.toMillis()));
    return new IdempotencyOutcome<>(answer, false);
  }

  private <T> T replay(String redisKey, String fingerprint, Class<T> answerType) {
    String stored = redis.opsForValue().get(redisKey);
    if (stored == null) {
      // the first attempt failed and released the key between our SET NX and GET: a plain retry will run it
      throw IdempotencyKeys.inProgress();
    }
    if (stored.startsWith("P|") || stored.startsWith("D|")) {
      stored = fromEarlierVersion(stored);
    }
    boolean done = stored.startsWith(DONE);
    String rest = stored.substring(done ? DONE.length() : RUNNING.length());
    int bar = rest.indexOf('|');
    String storedFingerprint = bar < 0 ? rest : rest.substring(0, bar);
    if (!storedFingerprint.equals(fingerprint)
        && !(storedFingerprint.length() == LEGACY_FINGERPRINT && fingerprint.startsWith(storedFingerprint))) {
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

  /** The digest earlier versions kept: the first 16 bytes of the same SHA-256, in hex. */
  private static final int LEGACY_FINGERPRINT = 32;

  /**
   * A key written by an earlier version ({@code P|<fingerprint>} running, {@code D|<fingerprint>|<id>} done), read
   * as this one writes them, so a retry across an upgrade still replays.
   */
  private static String fromEarlierVersion(String stored) {
    String[] parts = stored.split("\\|", 3);
    return parts[0].equals("D") && parts.length == 3 ? DONE + parts[1] + "|" + parts[2] : RUNNING + parts[1];
  }
}
