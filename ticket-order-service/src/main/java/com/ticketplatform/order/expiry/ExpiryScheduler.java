package com.ticketplatform.order.expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RBlockingQueue;
import org.redisson.api.RDelayedQueue;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Schedules each new order's expiry on a Redisson delayed queue, so it is cancelled close to {@code expires_at}
 * rather than at the next sweep. Losing an entry (Redis restart) is harmless: {@link ExpirySweeper} catches it.
 */
@Component
public class ExpiryScheduler {

  private static final Logger log = LoggerFactory.getLogger(ExpiryScheduler.class);

  private final RBlockingQueue<String> due;
  private final RDelayedQueue<String> delayed;
  private final Clock clock;

  public ExpiryScheduler(RedissonClient redisson, Clock clock,
      @Value("${ticket.order.expiry-queue:ticket:order:expiry}") String queueName) {
    this.due = redisson.getBlockingQueue(queueName, StringCodec.INSTANCE);
    this.delayed = redisson.getDelayedQueue(due);
    this.clock = clock;
  }

  public void schedule(long orderNo, Instant expiresAt) {
    long delayMs = Math.max(0, Duration.between(clock.instant(), expiresAt).toMillis());
    try {
      delayed.offer(Long.toString(orderNo), delayMs, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      log.warn("could not schedule expiry of order {} (the sweep will catch it): {}", orderNo, e.toString());
    }
  }

  RBlockingQueue<String> dueQueue() {
    return due;
  }

  public void shutdown() {
    delayed.destroy();
  }
}
