package com.ticketplatform.starter.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.error.ApiException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Keys in a real Redis: a retry replays, another request with the key is refused, a failure frees the
 * key, a request that outlived its claim cannot clobber the retry that took the key over, and keys written by the
 * earlier versions still replay.
 */
class RedisIdempotencyIT {

  static LettuceConnectionFactory connections;
  static StringRedisTemplate redis;
  RedisIdempotency idempotency = new RedisIdempotency(redis, JsonMapper.builder().build(), Fingerprinter.sha256(),
      new IdempotencyProperties("it:idem:" + UUID.randomUUID() + ":", Duration.ofDays(1), Duration.ofMillis(500),
          false));

  @BeforeAll
  static void connect() {
    connections = new LettuceConnectionFactory("127.0.0.1", 6379);
    connections.afterPropertiesSet();
    redis = new StringRedisTemplate(connections);
  }

  @AfterAll
  static void close() {
    connections.destroy();
  }

  @Test
  void aRetryReplaysAnotherRequestIsRefusedAndAFailureFreesTheKey() {
    AtomicInteger runs = new AtomicInteger();
    assertThat(idempotency.execute("s", "k1", Long.class, () -> (long) runs.incrementAndGet(), "a").value())
        .isEqualTo(1L);
    IdempotencyOutcome<Long> replay = idempotency.execute("s", "k1", Long.class,
        () -> (long) runs.incrementAndGet(), "a");
    assertThat(replay.replayed()).isTrue();
    assertThat(replay.value()).isEqualTo(1L);
    assertThatThrownBy(() -> idempotency.execute("s", "k1", Long.class, () -> 9L, "b"))
        .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).code())
        .isEqualTo("IDEMPOTENCY_KEY_REUSED");

    assertThatThrownBy(() -> idempotency.execute("s", "k2", Long.class, () -> {
      throw new IllegalStateException("first attempt failed");
    }, "a")).isInstanceOf(IllegalStateException.class);
    assertThat(idempotency.execute("s", "k2", Long.class, () -> 7L, "a").replayed()).isFalse();
    assertThat(runs).hasValue(1);
  }

  @Test
  void aRequestThatOutlivedItsClaimLeavesTheRetryThatTookTheKeyOverAlone() throws Exception {
    // the first request runs longer than the claim timeout (500 ms); a retry then takes the key and is still running
    Thread slow = new Thread(() -> idempotency.execute("s", "k3", Long.class, () -> {
      sleep(800);
      return 1L;
    }, "a"));
    slow.start();
    sleep(600);
    Thread retry = new Thread(() -> idempotency.execute("s", "k3", Long.class, () -> {
      sleep(1000);
      return 2L;
    }, "a"));
    retry.start();
    slow.join();

    // the slow first request finished meanwhile: it must not have stored its answer over the retry's claim; the
    // retry outlives its own claim too, and with nobody taking over its answer is still kept
    assertThatThrownBy(() -> idempotency.execute("s", "k3", Long.class, () -> 3L, "a"))
        .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).code())
        .isEqualTo("IDEMPOTENCY_KEY_IN_PROGRESS");
    retry.join();
    assertThat(idempotency.execute("s", "k3", Long.class, () -> 3L, "a").value()).isEqualTo(2L);
  }

  @Test
  void keysOfTheEarlierVersionStillReplay() {
    String prefix = "it:legacy:" + UUID.randomUUID() + ":";
    RedisIdempotency legacy = new RedisIdempotency(redis, JsonMapper.builder().build(), Fingerprinter.sha256(),
        new IdempotencyProperties(prefix, Duration.ofDays(1), Duration.ofMinutes(2), false));
    String fingerprint = Fingerprinter.sha256().of("title", "body").substring(0, 32);
    redis.opsForValue().set(prefix + "announcement:1:k", "D|" + fingerprint + "|4242", Duration.ofMinutes(1));

    IdempotencyOutcome<Long> replay = legacy.execute("announcement:1", "k", Long.class, () -> 1L, "title", "body");

    assertThat(replay.replayed()).isTrue();
    assertThat(replay.value()).isEqualTo(4242L);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
