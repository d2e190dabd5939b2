package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.client.order.OrderClient;
import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.event.PaymentEvents;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.order.expiry.ExpiryScheduler;
import com.ticketplatform.order.expiry.ExpirySweeper;
import com.ticketplatform.order.support.OrderServiceITBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;

class PaymentAndExpiryIT extends OrderServiceITBase {

  @Autowired
  EmbeddedKafkaBroker broker;
  @Autowired
  ExpirySweeper sweeper;
  @Autowired
  ExpiryScheduler expiryScheduler;
  @Autowired
  DataSource orders;
  @Autowired
  MeterRegistry meters;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private double counter(String name, String tag, String value) {
    return meters.get(name).tag(tag, value).counter().count();
  }

  @Test
  void aPaymentArrivingWhileRedisLostTheShowtimeStillSellsTheSeats() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 3L, 4L);
    redis.delete(java.util.List.of(com.ticketplatform.common.seat.SeatInventoryKeys.seats(show.showtimeId()),
        com.ticketplatform.common.seat.SeatInventoryKeys.holdings(show.showtimeId())));

    publishPayment(new PaymentEvents.PaymentSucceeded(orderNo, "pay-" + orderNo, new BigDecimal("130.00"), "CNY",
        Instant.now()), orderNo);
    await("order paid", () -> "PAID".equals(status(user, orderNo)));
    assertThat(seat(show.showtimeId(), 3)).isEqualTo("S:" + orderNo + ":" + user);
    assertThat(seat(show.showtimeId(), 4)).isEqualTo("S:" + orderNo + ":" + user);
    assertThat(seat(show.showtimeId(), 5)).isEqualTo("A");
    assertThat(outboxCount(Long.toString(orderNo), "OrderRefunded")).isZero();
  }

  @Test
  void paymentMakesTheOrderPaidSellsTheSeatsAndPublishesEvents() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 1L, 2L);
    double paidBefore = counter("ticket.orders", "event", "paid");
    double soldBefore = counter("ticket.seats", "event", "sold");

    PaymentEvents.PaymentSucceeded paid = new PaymentEvents.PaymentSucceeded(orderNo, "pay-" + orderNo,
        new BigDecimal("130.00"), "CNY", Instant.now());
    publishPayment(paid, orderNo);
    await("order paid", () -> "PAID".equals(status(user, orderNo)));
    await("paid counted", () -> counter("ticket.orders", "event", "paid") == paidBefore + 1);
    assertThat(counter("ticket.seats", "event", "sold")).isEqualTo(soldBefore + 2);
    assertThat(seat(show.showtimeId(), 1)).isEqualTo("S:" + orderNo + ":" + user);
    assertThat(seat(show.showtimeId(), 2)).isEqualTo("S:" + orderNo + ":" + user);
    assertThat(purchased(user, show.programId())).isTrue();
    assertThat(purchased(user + 1, show.programId())).isFalse();

    // a second delivery (another envelope for the same payment) changes nothing and publishes nothing new
    publishPayment(paid, orderNo);
    Thread.sleep(1500);
    assertThat(outboxCount(Long.toString(orderNo), "OrderPaid")).isEqualTo(1);
    assertThat(counter("ticket.orders", "event", "paid")).as("a repeated delivery is not counted")
        .isEqualTo(paidBefore + 1);

    // the events leave through the outbox, keyed by order number
    Map<String, Object> props = KafkaTestUtils.consumerProps("verify-" + UUID.randomUUID(), "false", broker);
    try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
        new StringDeserializer()).createConsumer()) {
      broker.consumeFromAnEmbeddedTopic(consumer, Topics.ORDER_EVENTS);
      List<String> types = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!(types.contains("OrderCreated") && types.contains("OrderPaid")) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> rec : KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(2))) {
          if (rec.key().equals(Long.toString(orderNo))) {
            JsonNode env = json.readTree(rec.value());
            types.add(env.path("type").asText());
            assertThat(env.path("payload").path("orderNo").asLong()).isEqualTo(orderNo);
            assertThat(env.path("id").asText()).isNotBlank();
          }
        }
      }
      assertThat(types).containsSubsequence("OrderCreated", "OrderPaid");
    }

    // refund before the showtime: REFUNDING, pay service asked; PaymentRefunded completes it and frees the seats
    Response refund = call("POST", "/api/orders/" + orderNo + "/refund", user, null, null);
    assertThat(refund.status()).isEqualTo(200);
    assertThat(refund.body().path("status").asText()).isEqualTo("REFUNDING");
    assertThat(pay.refunds).containsKey(orderNo);
    publishPayment(new PaymentEvents.PaymentRefunded(orderNo, "pay-" + orderNo, "r-1", new BigDecimal("130.00"),
        "CNY"), orderNo);
    await("order refunded", () -> "REFUNDED".equals(status(user, orderNo)));
    // the seats go back after the refund is committed (OrderLifecycle.onPaymentRefunded): a moment later
    await("seat back on sale", () -> "A".equals(seat(show.showtimeId(), 1)));
    assertThat(outboxCount(Long.toString(orderNo), "OrderRefunded")).isEqualTo(1);
    assertThat(purchased(user, show.programId())).isFalse();
  }

  /** The internal contract OrderClient#hasPurchased, read into its own record so path and shape cannot drift. */
  private boolean purchased(long user, long programId) throws Exception {
    Response r = call("GET", "/internal/orders/purchases?userId=" + user + "&programId=" + programId, null, null,
        null);
    assertThat(r.status()).isEqualTo(200);
    OrderClient.PurchaseCheck check = json.treeToValue(r.body(), OrderClient.PurchaseCheck.class);
    assertThat(check.userId()).isEqualTo(user);
    return check.purchased();
  }

  @Test
  void theInternalStateOfAnOrderIsReadableAndBadNumbersAreProblems() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 6L);
    Response known = call("GET", "/internal/orders/" + orderNo + "/state", null, null, null);
    assertThat(known.status()).isEqualTo(200);
    assertThat(known.body().path("status").asText()).isEqualTo("PENDING_PAYMENT");

    Response unknown = call("GET", "/internal/orders/" + (orderNo + 1) + "/state", null, null, null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().path("code").asText()).isEqualTo("NOT_FOUND");
    Response malformed = call("GET", "/internal/orders/not-a-number/state", null, null, null);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().path("code").asText()).isNotBlank();
    assertThat(status(user, orderNo)).isEqualTo("PENDING_PAYMENT");

    // many at once (reconciliation): the ones that exist, the others left out
    long other = place(randomUser(), show, 7L);
    Response states = call("POST", "/internal/orders/states", null, null,
        Map.of("orderNos", List.of(orderNo, other, orderNo + 1)));
    assertThat(states.status()).isEqualTo(200);
    Map<Long, String> byOrder = new HashMap<>();
    states.body().path("states").forEach(st -> byOrder.put(st.path("orderNo").asLong(), st.path("status").asText()));
    assertThat(byOrder).containsOnly(Map.entry(orderNo, "PENDING_PAYMENT"), Map.entry(other, "PENDING_PAYMENT"));
    for (Object bad : List.of(Map.of("orderNos", List.of()), Map.of(),
        Map.of("orderNos", LongStream.rangeClosed(1, OrderClient.MAX_STATES + 1).boxed().toList()))) {
      Response refused = call("POST", "/internal/orders/states", null, null, bad);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body().path("code").asText()).isEqualTo("VALIDATION_FAILED");
    }
  }

  @Test
  void paymentEndpointStartsPaymentOnlyForPayableOrders() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 5L);
    Response start = call("POST", "/api/orders/" + orderNo + "/payment", user, null, null);
    assertThat(start.status()).isEqualTo(200);
    assertThat(start.body().path("paymentId").asText()).isEqualTo("pay-" + orderNo);
    assertThat(start.body().path("payUrl").asText()).startsWith("http");
    assertThat(call("POST", "/api/orders/" + orderNo + "/payment", user + 1, null, null).status()).isEqualTo(404);
    assertThat(call("POST", "/api/orders/" + orderNo + "/refund", user, null, null).status()).isEqualTo(409);
    assertThat(call("POST", "/api/orders/" + orderNo + "/cancel", user, null, null).status()).isEqualTo(200);
    assertThat(call("POST", "/api/orders/" + orderNo + "/payment", user, null, null).status()).isEqualTo(409);
  }

  @Test
  void expiredOrdersAreCancelledBySweepAndByTheDelayedQueue() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long swept = place(user, show, 1L);
    long queued = place(randomUser(), show, 2L);
    double expiredBefore = counter("ticket.orders", "event", "expired");

    // within the window nothing of ours is touched (the shared _test schema may hold older runs' orders)
    sweeper.sweep();
    assertThat(status(user, swept)).isEqualTo("PENDING_PAYMENT");
    clock.advance(Duration.ofMinutes(16));
    // the sweep finds the first; the delayed queue (due now by the moved clock) expires the second
    expiryScheduler.schedule(queued, Instant.now());
    sweeper.sweep();
    assertThat(status(user, swept)).isEqualTo("CANCELLED");
    assertThat(seat(show.showtimeId(), 1)).isEqualTo("A");
    assertThat(pay.status(swept)).isEqualTo("CLOSED");
    await("queued order expired", () -> "A".equals(seat(show.showtimeId(), 2)));
    assertThat(outboxCount(Long.toString(swept), "OrderCancelled")).isEqualTo(1);
    // older runs' orders in the shared test schema may expire in the same sweep: at least ours
    assertThat(counter("ticket.orders", "event", "expired")).isGreaterThanOrEqualTo(expiredBefore + 2);
  }

  @Test
  void anOrderWhosePaymentArrivedIsNeverExpiredByOurOwnLag() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 8L);
    // the provider's callback was applied in time; its PaymentSucceeded is still queued when the window closes
    pay.markPaid(orderNo);
    clock.advance(Duration.ofMinutes(16));
    sweeper.sweep();
    assertThat(status(user, orderNo)).isEqualTo("PENDING_PAYMENT");
    assertThat(seat(show.showtimeId(), 8)).isNotEqualTo("A");

    publishPayment(new PaymentEvents.PaymentSucceeded(orderNo, "pay-lagging", new BigDecimal("50.00"), "CNY",
        Instant.now()), orderNo);
    await("lagging payment applied", () -> "PAID".equals(status(user, orderNo)));
    assertThat(pay.refunds).doesNotContainKey(orderNo);
  }

  @Test
  void anOrderIsNotExpiredWhileItsPayFlowCannotBeClosed() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 9L);
    clock.advance(Duration.ofMinutes(16));
    pay.down.set(true);
    try {
      sweeper.sweep();
      // the flow might still take money: the order keeps its seats until the flow is closed
      assertThat(status(user, orderNo)).isEqualTo("PENDING_PAYMENT");
    } finally {
      pay.down.set(false);
    }
    sweeper.sweep();
    assertThat(status(user, orderNo)).isEqualTo("CANCELLED");
    assertThat(pay.status(orderNo)).isEqualTo("CLOSED");
    assertThat(seat(show.showtimeId(), 9)).isEqualTo("A");
  }

  @Test
  void aPaymentThatCannotBeAppliedIsParkedWithoutHoldingUpOthersAndRepairedLater() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long cancelled = place(user, show, 5L);
    assertThat(call("POST", "/api/orders/" + cancelled + "/cancel", user, null, null).status()).isEqualTo(200);
    long payer = randomUser();
    long waiting = place(payer, show, 6L);
    double parked = meters.get("ticket.order.payment.events.parked").counter().count();
    double repaired = meters.get("ticket.order.payment.events.repaired").counter().count();

    // the late payment must be refunded, but the pay service is down: applying it fails for as long as that lasts
    pay.down.set(true);
    try {
      publishPayment(new PaymentEvents.PaymentSucceeded(cancelled, "pay-stuck", new BigDecimal("50.00"), "CNY",
          Instant.now()), cancelled);
      publishPayment(new PaymentEvents.PaymentSucceeded(waiting, "pay-behind", new BigDecimal("50.00"), "CNY",
          Instant.now()), waiting);
      // the payment behind it on the same partition is not held up
      await("the next payment applied", () -> "PAID".equals(status(payer, waiting)));
      await("the stuck event parked", () -> meters.get("ticket.order.payment.events.parked").counter().count()
          > parked);
      assertThat(pay.refunds).doesNotContainKey(cancelled);
    } finally {
      pay.down.set(false);
    }
    // and the parked one is applied once it can be: the money goes back
    await("parked late payment refunded", () -> pay.refunds.containsKey(cancelled));
    await("repair counted", () -> meters.get("ticket.order.payment.events.repaired").counter().count() > repaired);
    assertThat(status(user, cancelled)).isEqualTo("CANCELLED");
  }

  @Test
  void aRetryAfterItsOrderExpiredAndItsSeatWasResoldStillGetsThatOrder() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    String key = UUID.randomUUID().toString();
    long orderNo = place(user, key, show, 3L);
    clock.advance(Duration.ofMinutes(16));
    sweeper.sweep();
    assertThat(status(user, orderNo)).isEqualTo("CANCELLED");
    place(randomUser(), show, 3L);

    // the seat is another buyer's now, so the request is refused up front, yet its key made an order: that order
    Response retried = placeOrder(user, key, show.showtimeId(), 3L);
    assertThat(retried.status()).as("a replay answers as the original did").isEqualTo(201);
    assertThat(retried.body().path("orderNo").asText()).isEqualTo(Long.toString(orderNo));
    assertThat(retried.body().path("status").asText()).isEqualTo("CANCELLED");
    // the same request under a fresh key is simply too late
    Response fresh = placeOrder(user, UUID.randomUUID().toString(), show.showtimeId(), 3L);
    assertThat(fresh.status()).isEqualTo(409);
    assertThat(fresh.body().path("code").asText()).isEqualTo("SEATS_TAKEN");
  }

  @Test
  void aPaymentArrivingAfterCancellationIsRefunded() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = place(user, show, 7L);
    assertThat(call("POST", "/api/orders/" + orderNo + "/cancel", user, null, null).body().path("status").asText())
        .isEqualTo("CANCELLED");
    assertThat(seat(show.showtimeId(), 7)).isEqualTo("A");
    assertThat(pay.status(orderNo)).isEqualTo("CLOSED");

    publishPayment(new PaymentEvents.PaymentSucceeded(orderNo, "pay-late", new BigDecimal("50.00"), "CNY",
        Instant.now()), orderNo);
    await("late payment refunded", () -> pay.refunds.containsKey(orderNo));
    assertThat(status(user, orderNo)).isEqualTo("CANCELLED");
    assertThat(seat(show.showtimeId(), 7)).isEqualTo("A");
  }

  /** Events of one order in its shard database's outbox (routed by the sharded DataSource). */
  long outboxCount(String orderNo, String eventType) {
    return new JdbcTemplate(orders).queryForObject(
        "SELECT COUNT(*) FROM t_outbox WHERE record_key = ? AND event_type = ?", Long.class, orderNo, eventType);
  }
}
