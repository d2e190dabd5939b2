package com.ticketplatform.order.idempotency;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.order.config.OrderProperties;
import com.ticketplatform.order.order.OrderErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Idempotency-Key records of POST /api/orders, stored in the caller's shard (durable across a Redis loss). The
 * primary key (user, key) makes concurrent duplicates queue behind the first: exactly one of them claims the key.
 *
 * <p>Every claimed key is also marked in Redis for as long as its record may exist. A request refused up front
 * because its seats are taken (the commonest answer on an on-sale) asks the shard for a replay only when its key is
 * marked: a fresh key costs one Redis read instead of a sharded query. The mark is a filter, the shard stays the
 * truth; were Redis to lose the marks, a retry whose order has since expired and whose seats were resold would be
 * told 409 instead of being shown that order.
 */
@Component
public class IdempotencyStore {

  private static final String PURGE_EVERY = "PT1H";

  /** A claim not completed for this long belongs to a request that died; the next retry may take it over. */
  private static final Duration STALE_CLAIM = Duration.ofMinutes(2);
  private static final Duration WAIT_FOR_OWNER = Duration.ofSeconds(10);

  private final IdempotencyMapper mapper;
  private final StringRedisTemplate redis;
  private final OrderProperties props;
  private final Clock clock;
  /** A mark outlives its record: kept until the purge has surely removed the record. */
  private final Duration markLifetime;

  public IdempotencyStore(IdempotencyMapper mapper, StringRedisTemplate redis, OrderProperties props, Clock clock) {
    this.mapper = mapper;
    this.redis = redis;
    this.props = props;
    this.clock = clock;
    this.markLifetime = props.idempotencyRetention().plus(Duration.parse(PURGE_EVERY));
  }

  private static String markKey(long userId, String key) {
    return "ticket:order:idem:{" + userId + "}:" + key;
  }

  /** Outcome of a claim: either this request owns the key, or the order a previous one made. */
  public record Claim(boolean owned, Long existingOrderNo) {}

  public Claim claim(long userId, String key, String requestHash) {
    // marked before the record exists
    redis.opsForValue().set(markKey(userId, key), "1", markLifetime);
    long deadline = System.nanoTime() + WAIT_FOR_OWNER.toNanos();
    while (true) {
      try {
        mapper.insert(userId, key, requestHash, clock.instant());
        return new Claim(true, null);
      } catch (DuplicateKeyException exists) {
        IdempotencyRecord r = mapper.find(userId, key);
        if (r == null) {
          continue; // the owner abandoned it just now; try again
        }
        if (!r.requestHash.equals(requestHash)) {
          throw ApiException.unprocessable(ErrorCodes.IDEMPOTENCY_KEY_REUSED,
              "this Idempotency-Key was used for a different request");
        }
        if (r.orderNo != null) {
          return new Claim(false, r.orderNo);
        }
        Instant now = clock.instant();
        if (r.updatedAt.plus(STALE_CLAIM).isBefore(now) && mapper.takeOver(userId, key, r.updatedAt, now) == 1) {
          return new Claim(true, null);
        }
        if (System.nanoTime() > deadline) {
          throw new ApiException(HttpStatus.CONFLICT, OrderErrors.IDEMPOTENCY_KEY_IN_PROGRESS,
              "a request with this Idempotency-Key is still being processed");
        }
        sleep();
      }
    }
  }

  /** The order a finished request with this key and body made, if any (a replay must answer with it). */
  public Optional<Long> completedOrder(long userId, String key, String requestHash) {
    if (!Boolean.TRUE.equals(redis.hasKey(markKey(userId, key)))) {
      return Optional.empty();
    }
    IdempotencyRecord r = mapper.find(userId, key);
    return r != null && r.orderNo != null && r.requestHash.equals(requestHash)
        ? Optional.of(r.orderNo) : Optional.empty();
  }

  /**
   * Records the order this key made; called inside the transaction that writes the order, so the two cannot part.
   * False when the key is no longer this request's to complete (already completed, or gone).
   */
  public boolean complete(long userId, String key, long orderNo) {
    return mapper.complete(userId, key, orderNo, clock.instant()) == 1;
  }

  /**
   * The request failed and kept nothing (an order it created was cancelled by the saga's compensation): a retry with
   * the same key runs again. {@code orderNo}: the order it would have made, if it got that far.
   */
  public void abandon(long userId, String key, Long orderNo) {
    mapper.abandon(userId, key, orderNo);
  }

  @Scheduled(fixedDelayString = PURGE_EVERY, initialDelayString = "PT5M")
  public int purge() {
    return mapper.purge(clock.instant().minus(props.idempotencyRetention()));
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
