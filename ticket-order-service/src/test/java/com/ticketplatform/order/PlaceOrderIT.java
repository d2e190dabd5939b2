package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.seat.SeatInventoryKeys;
import com.ticketplatform.order.order.OrderTicket;
import com.ticketplatform.order.saga.PlaceOrderCommand;
import com.ticketplatform.order.saga.PlaceOrderSteps;
import com.ticketplatform.order.support.OrderServiceITBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

class PlaceOrderIT extends OrderServiceITBase {

  @Autowired
  @Qualifier("seataSagaDataSource")
  DataSource sagaLog;

  @Autowired
  MeterRegistry meters;

  @Autowired
  PlaceOrderSteps steps;

  @Autowired
  DataSource orderDatabase;

  /** What the buyer's key made, read where the key lives (the buyer's shard database). */
  private Optional<Long> keyResource(long user, String key) {
    return new JdbcTemplate(orderDatabase).queryForList("SELECT resource_id FROM t_idempotency WHERE owner_id = ?"
        + " AND scope = ? AND idem_key = ?", Long.class, user, PlaceOrderCommand.IDEMPOTENCY_SCOPE, key)
        .stream().filter(Objects::nonNull).findFirst();
  }

  private long keyRecords(long user, String key) {
    return new JdbcTemplate(orderDatabase).queryForObject("SELECT COUNT(*) FROM t_idempotency WHERE owner_id = ?"
        + " AND scope = ? AND idem_key = ?", Long.class, user, PlaceOrderCommand.IDEMPOTENCY_SCOPE, key);
  }

  private double counter(String name, String tag, String value) {
    return meters.get(name).tag(tag, value).counter().count();
  }

  private long seatLocks() {
    return meters.get("ticket.seat.lock").tag("outcome", "locked").timer().count();
  }

  /** status and compensation status of the Seata saga instance of an order (business key = order number). */
  private Map<String, Object> sagaOf(String orderNo) {
    return new JdbcTemplate(sagaLog).queryForMap(
        "SELECT status, compensation_status FROM seata_state_machine_inst WHERE business_key = ?", orderNo);
  }

  @Test
  void placesAnOrderLocksItsSeatsAndOpensThePayFlow() {
    ShowtimeSaleInfo show = onSaleWithInventory(20);
    long user = randomUser();
    double created = counter("ticket.orders", "event", "created");
    double locked = counter("ticket.seats", "event", "locked");
    long locks = seatLocks();

    Response r = placeOrder(user, UUID.randomUUID().toString(), show.showtimeId(), 1L, 2L);

    assertThat(r.status()).isEqualTo(201);
    assertThat(counter("ticket.orders", "event", "created")).isEqualTo(created + 1);
    assertThat(counter("ticket.seats", "event", "locked")).isEqualTo(locked + 2);
    assertThat(seatLocks()).isEqualTo(locks + 1);
    assertThat(r.body().path("status").asText()).isEqualTo("PENDING_PAYMENT");
    assertThat(r.body().path("amount").decimalValue()).isEqualByComparingTo("130.00");
    assertThat(r.body().path("currency").asText()).isEqualTo("CNY");
    assertThat(r.body().path("seats")).hasSize(2);
    assertThat(r.body().path("seats").get(0).path("label").asText()).isEqualTo("R1-1");
    long orderNo = Long.parseLong(r.body().path("orderNo").asText());
    assertThat(orderNo & 0xFF).isEqualTo(user & 0xFF);
    assertThat(seat(show.showtimeId(), 1)).isEqualTo("L:" + orderNo + ":" + user);
    assertThat(pay.status(orderNo)).isEqualTo("OPEN");
    assertThat(sagaOf(Long.toString(orderNo))).containsEntry("status", "SU");

    Response got = call("GET", "/api/orders/" + orderNo, user, null, null);
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.body().path("orderNo").asText()).isEqualTo(Long.toString(orderNo));
    assertThat(call("GET", "/api/orders/" + orderNo, user + 1, null, null).status()).isEqualTo(404);
    assertThat(call("GET", "/api/orders/" + orderNo, null, null, null).status()).isEqualTo(401);
  }

  /**
   * The Seata client sends each message at once: its request merging runs a thread that wakes every millisecond for
   * the life of the process, a quarter of this service's CPU in an on-sale (docs/benchmark.md).
   */
  @Test
  void theSagaRunsWithoutTheSeataClientsPollingMergeThread() {
    ShowtimeSaleInfo show = onSaleWithInventory(4);
    Response r = placeOrder(randomUser(), UUID.randomUUID().toString(), show.showtimeId(), 1L);

    assertThat(r.status()).isEqualTo(201);
    assertThat(sagaOf(r.body().path("orderNo").asText())).containsEntry("status", "SU");
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .noneMatch(name -> name.startsWith("rpcMergeMessageSend"));
  }

  @Test
  void takenSeatsAre409WithTheSeatsAndNothingIsLeftBehind() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    assertThat(placeOrder(randomUser(), UUID.randomUUID().toString(), show.showtimeId(), 3L).status()).isEqualTo(201);

    long other = randomUser();
    Response r = placeOrder(other, UUID.randomUUID().toString(), show.showtimeId(), 3L, 4L);
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.body().path("code").asText()).isEqualTo("SEATS_TAKEN");
    assertThat(r.body().path("seatIds").get(0).asText()).isEqualTo("3");
    assertThat(seat(show.showtimeId(), 4)).isEqualTo("A");
    assertThat(call("GET", "/api/orders", other, null, null).body().path("items")).isEmpty();
  }

  @Test
  void perBuyerLimitAndValidation() {
    ShowtimeSaleInfo show = onSaleWithInventory(20);
    long user = randomUser();
    assertThat(placeOrder(user, "k1", show.showtimeId(), 1L, 2L, 3L, 4L).status()).isEqualTo(201);
    Response limit = placeOrder(user, "k2", show.showtimeId(), 5L, 6L, 7L);
    assertThat(limit.status()).isEqualTo(422);
    assertThat(limit.body().path("code").asText()).isEqualTo("SEAT_LIMIT_EXCEEDED");
    assertThat(placeOrder(user, "k3", show.showtimeId(), 1L, 2L, 3L, 4L, 5L, 6L, 7L).status()).isEqualTo(422);
    assertThat(placeOrder(user, "k4", show.showtimeId(), 5L, 5L).status()).isEqualTo(400);
    assertThat(placeOrder(user, "k5", show.showtimeId()).status()).isEqualTo(400);
    assertThat(placeOrder(user, null, show.showtimeId(), 9L).body().path("code").asText())
        .isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    assertThat(placeOrder(user, "k6", show.showtimeId(), 99L).body().path("code").asText())
        .isEqualTo("UNKNOWN_SEATS");
    assertThat(placeOrder(user, "k7", 424242L, 1L).status()).isEqualTo(404);
  }

  @Test
  void idempotencyKeyReplaysTheSameOrderAndRejectsAnotherBody() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    String key = UUID.randomUUID().toString();
    Response first = placeOrder(user, key, show.showtimeId(), 1L, 2L);
    Response again = placeOrder(user, key, show.showtimeId(), 2L, 1L);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isIn(200, 201);
    assertThat(again.body()).isEqualTo(first.body());

    Response other = placeOrder(user, key, show.showtimeId(), 3L);
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.body().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(call("GET", "/api/orders", user, null, null).body().path("items")).hasSize(1);
  }

  @Test
  void theKeyIsCompletedInTheSameTransactionAsTheOrder() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    String key = UUID.randomUUID().toString();
    AtomicReference<Long> keyOrderRightAfterCreateOrder = new AtomicReference<>(-1L);
    steps.setHook(step -> {
      if (step.equals("CreateOrder")) {
        keyOrderRightAfterCreateOrder.set(keyResource(user, key).orElse(null));
      }
    });
    try {
      Response r = placeOrder(user, key, show.showtimeId(), 4L);
      assertThat(r.status()).isEqualTo(201);
      // already completed when CreateOrder returned, before the pay flow opened and the answer was sent
      assertThat(keyOrderRightAfterCreateOrder.get()).isEqualTo(Long.parseLong(r.body().path("orderNo").asText()));
    } finally {
      steps.setHook(null);
    }
  }

  @Test
  void concurrentDuplicatesWithOneKeyMakeOneOrder() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    String key = UUID.randomUUID().toString();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(5);
    var start = new java.util.concurrent.CountDownLatch(1);
    var futures = new java.util.ArrayList<java.util.concurrent.Future<Response>>();
    for (int i = 0; i < 5; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        return placeOrder(user, key, show.showtimeId(), 8L, 9L);
      }));
    }
    start.countDown();
    java.util.Set<String> orderNos = new java.util.HashSet<>();
    for (var f : futures) {
      Response r = f.get(2, java.util.concurrent.TimeUnit.MINUTES);
      assertThat(r.status()).isIn(200, 201);
      orderNos.add(r.body().path("orderNo").asText());
    }
    pool.shutdown();
    assertThat(orderNos).hasSize(1);
    assertThat(call("GET", "/api/orders", user, null, null).body().path("items")).hasSize(1);
  }

  @Test
  void listsOwnOrdersNewestFirstWithCursorPaging() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    for (long s = 1; s <= 3; s++) {
      assertThat(placeOrder(user, "list-" + s, show.showtimeId(), s).status()).isEqualTo(201);
    }
    Response page1 = call("GET", "/api/orders?size=2", user, null, null);
    assertThat(page1.body().path("items")).hasSize(2);
    assertThat(page1.body().path("items").get(0).path("seats").get(0).path("seatId").asLong()).isEqualTo(3);
    String cursor = page1.body().path("nextCursor").asText();
    Response page2 = call("GET", "/api/orders?size=2&cursor=" + cursor, user, null, null);
    assertThat(page2.body().path("items")).hasSize(1);
    assertThat(page2.body().path("nextCursor").isNull()).isTrue();
    assertThat(call("GET", "/api/orders?cursor=bogus", user, null, null).status()).isEqualTo(400);
  }

  @Test
  void anOrderNumberThatIsAlreadyAnotherBuyersIsNeverTakenAsMine() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long owner = randomUser();
    Response placed = placeOrder(owner, UUID.randomUUID().toString(), show.showtimeId(), 4L);
    assertThat(placed.status()).isEqualTo(201);
    long orderNo = Long.parseLong(placed.body().path("orderNo").asText());

    // a second instance issued the same number for another buyer of the same shard (worker ids shared by hand)
    long other = (randomUser() & ~0xFFL) | (owner & 0xFFL);
    Instant now = Instant.now();
    PlaceOrderCommand colliding = new PlaceOrderCommand(orderNo, other, show.programId(), show.showtimeId(),
        show.cinemaId(), show.programTitle(), show.currency(), show.startsAt(), now, now.plusSeconds(900),
        List.of(new OrderTicket(orderNo + 1, 5L, "A5", new BigDecimal("50.00"))), null);

    assertThat(steps.lockSeats(colliding)).isTrue();
    assertThatThrownBy(() -> steps.createOrder(colliding)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already another order's");
    // and its compensations leave the other buyer's order and seats alone
    steps.cancelOrder(colliding);
    steps.releaseSeats(colliding);
    assertThat(status(owner, orderNo)).isEqualTo("PENDING_PAYMENT");
    assertThat(seat(show.showtimeId(), 4)).isEqualTo(SeatInventoryKeys.locked(orderNo, owner));
    assertThat(call("GET", "/api/orders/" + orderNo, other, null, null).status()).isEqualTo(404);
  }

  @Test
  void payServiceDownAtOpenPayFlowCompensatesEverything() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    Map<String, Double> compensations = Map.of(
        "lock_seats", counter("ticket.saga.compensations", "step", "lock_seats"),
        "create_order", counter("ticket.saga.compensations", "step", "create_order"),
        "open_pay_flow", counter("ticket.saga.compensations", "step", "open_pay_flow"));
    double released = counter("ticket.seats", "event", "released");
    double cancelled = counter("ticket.orders", "event", "cancelled");
    String key = UUID.randomUUID().toString();
    pay.down.set(true);
    try {
      Response r = placeOrder(user, key, show.showtimeId(), 1L, 2L);
      assertThat(r.status()).isEqualTo(503);
    } finally {
      pay.down.set(false);
    }
    // the cancelled order released its key with everything else
    assertThat(keyRecords(user, key)).isZero();
    assertThat(seat(show.showtimeId(), 1)).isEqualTo("A");
    assertThat(seat(show.showtimeId(), 2)).isEqualTo("A");
    compensations.forEach((step, before) -> assertThat(counter("ticket.saga.compensations", "step", step))
        .as("compensations of %s", step).isEqualTo(before + 1));
    assertThat(counter("ticket.seats", "event", "released")).isEqualTo(released + 2);
    assertThat(counter("ticket.orders", "event", "cancelled")).isEqualTo(cancelled + 1);
    var items = call("GET", "/api/orders", user, null, null).body().path("items");
    assertThat(items).hasSize(1);
    assertThat(items.get(0).path("status").asText()).isEqualTo("CANCELLED");
    // the Seata engine recorded a compensated saga: status UN with compensation SU means "rolled back"
    assertThat(sagaOf(items.get(0).path("orderNo").asText()))
        .containsEntry("status", "UN").containsEntry("compensation_status", "SU");
    // the seats are immediately buyable again, by the same request retried with its key
    Response retried = placeOrder(user, key, show.showtimeId(), 1L, 2L);
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.body().path("orderNo").asText()).isNotEqualTo(items.get(0).path("orderNo").asText());
    assertThat(retried.body().path("status").asText()).isEqualTo("PENDING_PAYMENT");
  }
}
