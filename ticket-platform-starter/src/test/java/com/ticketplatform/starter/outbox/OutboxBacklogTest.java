package com.ticketplatform.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OutboxBacklogTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T20:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };

  @Test
  void reportsPendingRowsAndAnAgeThatKeepsGrowingUntilTheNextMeasurement() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    OutboxBacklog backlog = new OutboxBacklog(meters, "ticket_pay", clock);
    assertThat(meters.get("ticket.outbox.pending").tag("store", "ticket_pay").gauge().value()).isZero();
    assertThat(meters.get("ticket.outbox.oldest.age").tag("store", "ticket_pay").gauge().value()).isZero();

    backlog.measured(3, now.get().minusSeconds(4));
    assertThat(meters.get("ticket.outbox.pending").gauge().value()).isEqualTo(3);
    assertThat(meters.get("ticket.outbox.oldest.age").gauge().value()).isEqualTo(4.0);

    // the relay stalls: no new measurement, yet the age goes on growing
    now.set(now.get().plus(Duration.ofSeconds(10)));
    assertThat(meters.get("ticket.outbox.oldest.age").gauge().value()).isEqualTo(14.0);

    backlog.measured(0, null);
    assertThat(meters.get("ticket.outbox.pending").gauge().value()).isZero();
    assertThat(meters.get("ticket.outbox.oldest.age").gauge().value()).isZero();
    assertThat(meters.get("ticket.outbox.oldest.age").gauge().getId().getBaseUnit()).isEqualTo("seconds");
  }
}
