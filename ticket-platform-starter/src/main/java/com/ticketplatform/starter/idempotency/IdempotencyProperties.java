package com.ticketplatform.starter.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Idempotency-Keys ({@code ticket.idempotency.*}, docs/ARCHITECTURE.md §5).
 *
 * @param keyPrefix the service's Redis namespace ({@code <spring.application.name>:idem:} when not set)
 * @param retention how long a key is remembered: at least a day, clients retry for that long
 * @param claimTimeout how long a request may hold a key before it counts as dead and a retry may take it over
 * @param records the service keeps keys in its database ({@code t_idempotency}, {@link IdempotencyRecords})
 */
@ConfigurationProperties("ticket.idempotency")
public record IdempotencyProperties(String keyPrefix, Duration retention, Duration claimTimeout, boolean records) {

  public IdempotencyProperties {
    retention = retention == null ? Duration.ofHours(25) : retention;
    claimTimeout = claimTimeout == null ? Duration.ofMinutes(2) : claimTimeout;
    if (retention.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException("ticket.idempotency.retention must be at least a day: clients retry that long");
    }
  }

  IdempotencyProperties withKeyPrefix(String prefix) {
    return new IdempotencyProperties(prefix, retention, claimTimeout, records);
  }
}
