package com.ticketplatform.order.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * {@code ticket_orders_total{event}} (deploy/METRICS.md): one increment per order state change, counted after its
 * transaction committed. Every series is registered up front, so dashboards and alerts see 0 rather than nothing.
 */
@Component
public class OrderMetrics {

  public static final String CREATED = "created";
  public static final String PAID = "paid";
  public static final String CANCELLED = "cancelled";
  public static final String EXPIRED = "expired";
  public static final String REFUNDED = "refunded";

  private final Map<String, Counter> counters;

  public OrderMetrics(MeterRegistry meters) {
    this.counters = Stream.of(CREATED, PAID, CANCELLED, EXPIRED, REFUNDED).collect(Collectors.toUnmodifiableMap(
        Function.identity(), event -> Counter.builder("ticket.orders")
            .description("order state changes, by the state entered")
            .tag("event", event)
            .register(meters)));
  }

  public void created() {
    counters.get(CREATED).increment();
  }

  /** Counts the state the order has just entered; states without an event of their own (REFUNDING) count nothing. */
  void entered(Order order) {
    String event = switch (order.status()) {
      case PAID -> PAID;
      case CANCELLED -> OrderLifecycle.REASON_EXPIRED.equals(order.closeReason()) ? EXPIRED : CANCELLED;
      case REFUNDED -> REFUNDED;
      default -> null;
    };
    if (event != null) {
      counters.get(event).increment();
    }
  }
}
