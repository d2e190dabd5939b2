package com.ticketplatform.notify.notice;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ticket.notify.*} (application.yml, docs/ARCHITECTURE.md §14). */
@ConfigurationProperties("ticket.notify")
public record NotifyProperties(String from, String messageIdDomain, Duration reminderBefore,
    Duration holdWarningBefore, Duration scheduleInterval, ZoneId zone, Delivery delivery) {

  public record Delivery(Duration pollInterval, int batchSize, int maxAttempts, Duration firstBackoff,
      Duration maxBackoff, Duration lease) {}
}
