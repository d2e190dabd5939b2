package com.ticketplatform.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * After a purchase and its payment, the business metrics moved the way the purchase did: counters read before and
 * after from the services' /actuator/prometheus (other tests may buy at the same time, hence "at least").
 */
class BusinessMetricsSmokeIT {

  private static final String ORDER = "ticket-order-service";
  private static final String PAY = "ticket-pay-service";

  @Test
  void aPaidPurchaseShowsInTheOrderSeatLockAndCallbackMetrics() throws Exception {
    Scrape orderBefore = Scrape.of(ORDER);
    Scrape payBefore = Scrape.of(PAY);

    PurchaseSteps.Purchase purchase = PurchaseSteps.buyAndPay(2);
    int seats = purchase.seatIds().size();

    // the PAID counter is bumped just after the commit that the order status already shows: allow a moment
    Scrape orderAfter = awaitScrape(ORDER, s -> delta(orderBefore, s, "ticket_orders_total", "event", "paid") >= 1);
    Scrape payAfter = Scrape.of(PAY);

    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(delta(orderBefore, orderAfter, "ticket_orders_total", "event", "created")).as("orders created")
        .isGreaterThanOrEqualTo(1);
    soft.assertThat(delta(orderBefore, orderAfter, "ticket_orders_total", "event", "paid")).as("orders paid")
        .isGreaterThanOrEqualTo(1);
    soft.assertThat(delta(orderBefore, orderAfter, "ticket_seats_total", "event", "locked")).as("seats locked")
        .isGreaterThanOrEqualTo(seats);
    soft.assertThat(delta(orderBefore, orderAfter, "ticket_seats_total", "event", "sold")).as("seats sold")
        .isGreaterThanOrEqualTo(seats);
    soft.assertThat(orderAfter.sum("ticket_seat_lock_seconds_count", Map.of("outcome", "locked")))
        .as("seat-lock latency samples").isPositive();
    soft.assertThat(delta(orderBefore, orderAfter, "ticket_seat_lock_seconds_count", "outcome", "locked"))
        .as("seat locks timed during this purchase").isGreaterThanOrEqualTo(1);
    soft.assertThat(orderAfter.sum("ticket_seat_lock_seconds_bucket", Map.of("outcome", "locked", "le", "+Inf")))
        .as("histogram +Inf bucket equals the count")
        .isEqualTo(orderAfter.sum("ticket_seat_lock_seconds_count", Map.of("outcome", "locked")));
    soft.assertThat(delta(payBefore, payAfter, "ticket_pay_callbacks_total", "outcome", "ok"))
        .as("callbacks applied").isGreaterThanOrEqualTo(1);
    soft.assertThat(orderAfter.sum("ticket_saga_compensations_total")).as("compensations (a counter, never negative)")
        .isGreaterThanOrEqualTo(0);
    soft.assertThat(orderAfter.names()).contains("ticket_saga_compensations_total");
    soft.assertAll();
  }

  @Test
  void outboxesReportTheirBacklogAndItDrains() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    // one series per physical database: the order service has an outbox in each of its two shard databases
    for (Map.Entry<String, String> outbox : List.of(Map.entry(ORDER, "ticket_order_0"), Map.entry(ORDER,
        "ticket_order_1"), Map.entry(PAY, "ticket_pay"), Map.entry("ticket-program-service", "ticket_program"))) {
      Scrape scrape = Scrape.of(outbox.getKey());
      Map<String, String> store = Map.of("store", outbox.getValue());
      soft.assertThat(scrape.samples()).as("%s ticket_outbox_pending%s", outbox.getKey(), store)
          .anyMatch(s -> s.name().equals("ticket_outbox_pending") && s.labels().entrySet().containsAll(store.entrySet()));
      soft.assertThat(scrape.sum("ticket_outbox_pending", store)).as("%s pending", outbox.getKey())
          .isBetween(0.0, 100.0);
      // a healthy relay publishes within a second; a minute means it is stuck
      soft.assertThat(scrape.sum("ticket_outbox_oldest_age_seconds", store)).as("%s oldest age", outbox.getKey())
          .isBetween(0.0, 60.0);
    }
    soft.assertAll();
  }

  @Test
  void cacheGatewayAndKafkaMetricsHaveSaneValues() throws Exception {
    PurchaseSteps.upcomingOnSaleShowtime(); // reads program details through the cache
    Scrape program = Scrape.of("ticket-program-service");
    Scrape gateway = Scrape.of("ticket-gateway");
    Scrape order = Scrape.of(ORDER);
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(program.sum("ticket_program_cache_hits_total") + program.sum("ticket_program_cache_misses_total"))
        .as("catalogue cache reads").isPositive();
    soft.assertThat(gateway.samples()).as("a rate-limit series per limited route, 0 before the first refusal")
        .anyMatch(s -> s.name().equals("ticket_gateway_rate_limited_total") && "orders".equals(s.labels().get("route")));
    soft.assertThat(gateway.sum("ticket_gateway_rate_limited_total")).isGreaterThanOrEqualTo(0);
    soft.assertAll();
  }

  /**
   * Kafka's lag is a windowed maximum over the last minute's fetches (NaN when nothing was fetched lately): a paid
   * purchase gives the order service's consumers something to fetch, then the lag must be a real, non-negative number.
   */
  @Test
  void theOrderServiceExportsItsConsumerLag() throws Exception {
    PurchaseSteps.buyAndPay(1);
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
    boolean measured;
    do {
      measured = Scrape.of(ORDER).samples().stream()
          .anyMatch(s -> s.name().equals("kafka_consumer_fetch_manager_records_lag_max") && s.value() >= 0);
      if (!measured) {
        Thread.sleep(500);
      }
    } while (!measured && java.time.Instant.now().isBefore(deadline));
    assertThat(measured).as("order service consumer lag after a purchase").isTrue();
  }

  private static double delta(Scrape before, Scrape after, String name, String label, String value) {
    return after.sum(name, Map.of(label, value)) - before.sum(name, Map.of(label, value));
  }

  private static Scrape awaitScrape(String app, java.util.function.Predicate<Scrape> ready) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    Scrape scrape = Scrape.of(app);
    while (!ready.test(scrape) && Instant.now().isBefore(deadline)) {
      Thread.sleep(300);
      scrape = Scrape.of(app);
    }
    return scrape;
  }
}
