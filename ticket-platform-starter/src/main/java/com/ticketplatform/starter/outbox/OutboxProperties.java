package com.ticketplatform.starter.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The transactional outbox of a service ({@code ticket.outbox.*}, docs/ARCHITECTURE.md §3).
 *
 * @param enabled the service has a {@code t_outbox} table in each of its physical databases and publishes from it
 * @param pollInterval how often the relay looks for rows nobody nudged it about (after a crash, while Kafka was down)
 * @param batchSize rows taken per database and round
 * @param sendTimeout how long a batch waits for the broker's acknowledgements
 * @param maxBackoff the longest pause between rounds while Kafka refuses (doubling from the poll interval)
 * @param measureInterval how often the backlog gauges are measured
 * @param retention how long a published row is kept (an unpublished row is never purged)
 */
@ConfigurationProperties("ticket.outbox")
public record OutboxProperties(boolean enabled, Duration pollInterval, Integer batchSize, Duration sendTimeout,
    Duration maxBackoff, Duration measureInterval, Duration retention) {

  public OutboxProperties {
    pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
    batchSize = batchSize == null ? 100 : batchSize;
    sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
    maxBackoff = maxBackoff == null ? Duration.ofMinutes(1) : maxBackoff;
    measureInterval = measureInterval == null ? Duration.ofSeconds(10) : measureInterval;
    retention = retention == null ? Duration.ofDays(7) : retention;
    if (batchSize < 1 || pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("ticket.outbox: batch-size and poll-interval must be positive");
    }
  }
}
