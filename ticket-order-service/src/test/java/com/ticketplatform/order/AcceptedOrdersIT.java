package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.common.seat.SeatInventoryKeys;
import com.ticketplatform.order.intake.IntentLedger;
import com.ticketplatform.order.intake.IntentSweeper;
import com.ticketplatform.order.order.OrderRepository;
import com.ticketplatform.order.order.OrderTicket;
import com.ticketplatform.order.placement.OrderIntent;
import com.ticketplatform.order.placement.PlaceOrderService;
import com.ticketplatform.order.saga.PlaceOrderCommand;
import com.ticketplatform.order.saga.PlaceOrderSteps;
import com.ticketplatform.order.seat.ClaimReaper;
import com.ticketplatform.order.seat.SeatClaims;
import com.ticketplatform.order.seat.InventoryWatchdog;
import com.ticketplatform.order.seat.SeatInventory;
import com.ticketplatform.order.support.OrderServiceITBase;
import com.ticketplatform.starter.idempotency.IdempotencyRecords;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * Orders accepted with {@code Prefer: respond-async} (docs/ARCHITECTURE.md §2 "Accepted orders"): decided in Redis,
 * durable on the broker before the 202, placed by the consumer through the same saga, followed by GET and the event
 * stream; and the ways that path can fail: a refusal after acceptance, a consumer that is down, a re-delivered intent,
 * an intent lost between the lock and the broker.
 */
class AcceptedOrdersIT extends OrderServiceITBase {

  @Autowired
  KafkaListenerEndpointRegistry listeners;
  @Autowired
  IntentLedger ledger;
  @Autowired
  IntentSweeper sweeper;
  @Autowired
  SeatInventory inventory;
  @Autowired
  OrderRepository orders;
  @Autowired
  InventoryWatchdog watchdog;
  @Autowired
  ClaimReaper reaper;
  @Autowired
  SnowflakeIdGenerator ids;
  @Autowired
  PlaceOrderSteps steps;
  @Autowired
  SeatClaims claims;
  @Autowired
  IdempotencyRecords idempotency;
  @Autowired
  @Qualifier("seataSagaDataSource")
  DataSource sagaLog;
  @Value("${spring.kafka.bootstrap-servers}")
  String brokers;
  @Value("${spring.application.name}.intake")
  String intakeGroup;

  @AfterEach
  void restore() {
    clock.reset();
    MessageListenerContainer intents = listeners.getListenerContainer("order-intents");
    if (!intents.isRunning()) {
      intents.start();
    }
  }

  private HttpResponse<String> accept(long user, String key, long showtimeId, Long... seats) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("X-User-Id", Long.toString(user))
        .header("Idempotency-Key", key)
        .header("Prefer", "respond-async")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
            Map.of("showtimeId", showtimeId, "seatIds", seats))))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The number of an order accepted (202) for these seats. */
  private long acceptedNo(long user, String key, long showtimeId, Long... seats) throws Exception {
    HttpResponse<String> accepted = accept(user, key, showtimeId, seats);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    return Long.parseLong(body(accepted).path("orderNo").asText());
  }

  /** The consumer stopped, so that the intents accepted next wait for it together (started again after each test). */
  private MessageListenerContainer stopIntake() {
    MessageListenerContainer intents = listeners.getListenerContainer("order-intents");
    intents.stop();
    return intents;
  }

  private JsonNode body(HttpResponse<String> response) {
    return json.readTree(response.body());
  }

  private JsonNode order(long user, long orderNo) {
    return call("GET", "/api/orders/" + orderNo, user, null, null).body();
  }

  @Test
  void anAcceptedOrderIsDecidedAtOnceAndPlacedOffTheRequest() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    String key = UUID.randomUUID().toString();

    HttpResponse<String> accepted = accept(user, key, show.showtimeId(), 3L, 4L);

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.headers().firstValue("Preference-Applied")).hasValue("respond-async");
    JsonNode intent = body(accepted);
    long orderNo = Long.parseLong(intent.path("orderNo").asText());
    assertThat(accepted.headers().firstValue("Location")).hasValue("/api/orders/" + orderNo);
    assertThat(intent.path("status").asText()).isEqualTo("PENDING");
    assertThat(intent.path("seatIds").get(0).isTextual()).as("ids are strings").isTrue();
    // the seats are the order's from the 202 on, before any database row exists
    assertThat(seat(show.showtimeId(), 3)).isEqualTo(SeatInventoryKeys.locked(orderNo, user));

    await("order placed", () -> "PENDING_PAYMENT".equals(order(user, orderNo).path("status").asText()));
    JsonNode placed = order(user, orderNo);
    assertThat(placed.path("amount").decimalValue()).isEqualByComparingTo("130.00");
    assertThat(pay.flows).containsKey(orderNo);
    assertThat(ledger.find(orderNo).orElseThrow().status()).isEqualTo(IntentLedger.Status.PLACED);

    HttpResponse<String> replay = accept(user, key, show.showtimeId(), 4L, 3L);
    assertThat(replay.statusCode()).as("a replay of a placed order").isEqualTo(201);
    assertThat(body(replay).path("orderNo").asText()).isEqualTo(Long.toString(orderNo));
    assertThat(accept(user, key, show.showtimeId(), 5L).statusCode()).as("the key, for another request").isEqualTo(422);
  }

  @Test
  void theEventStreamTellsTheOutcomeAndEnds() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    MessageListenerContainer intents = stopIntake();
    long orderNo = acceptedNo(user, UUID.randomUUID().toString(), show.showtimeId(), 1L);

    HttpRequest events = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders/" + orderNo
            + "/events"))
        .timeout(Duration.ofSeconds(30)).header("X-User-Id", Long.toString(user)).GET().build();
    HttpResponse<InputStream> stream = HTTP.send(events, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    List<String> statuses = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("data:")) {
          statuses.add(json.readTree(line.substring(5)).path("status").asText());
          if (statuses.size() == 1) {
            // the buyer is listening: now the consumer runs
            intents.start();
          }
        }
      }
    }
    assertThat(statuses).containsExactly("PENDING", "PENDING_PAYMENT");

    Response stranger = call("GET", "/api/orders/" + orderNo + "/events", randomUser(), null, null);
    assertThat(stranger.status()).isEqualTo(404);
  }

  @Test
  void seatsOthersHoldAreRefusedAtOnceWithNothingQueued() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    place(randomUser(), show, 2L);
    long user = randomUser();

    HttpResponse<String> refused = accept(user, UUID.randomUUID().toString(), show.showtimeId(), 1L, 2L);

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(body(refused).path("code").asText()).isEqualTo("SEATS_TAKEN");
    assertThat(seat(show.showtimeId(), 1)).isEqualTo(SeatInventoryKeys.AVAILABLE);
  }

  /**
   * The lock script looks at the key before the seats: a key used for another request is refused as reused (422)
   * whether the seats it now names are free or held by others, and nothing is locked for it.
   */
  @Test
  void aKeyUsedForAnotherRequestIsRefusedAsReusedEvenWhenOthersHoldTheSeatsItNames() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    String key = UUID.randomUUID().toString();
    acceptedNo(user, key, show.showtimeId(), 1L);
    place(randomUser(), show, 3L);

    HttpResponse<String> taken = accept(user, key, show.showtimeId(), 3L);
    HttpResponse<String> free = accept(user, key, show.showtimeId(), 4L);

    for (HttpResponse<String> refused : List.of(taken, free)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
      assertThat(body(refused).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }
    assertThat(seat(show.showtimeId(), 4)).isEqualTo(SeatInventoryKeys.AVAILABLE);
  }

  @Test
  void aRefusalAfterAcceptanceIsKeptForTheBuyerAndGivesTheSeatsBack() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    // the sale closed after the seat map was built: only the program service knows, when the order is priced
    programs.put(new ShowtimeSaleInfo(show.showtimeId(), show.programId(), show.cinemaId(), show.hallId(),
        show.programTitle(), "SALE_CLOSED", show.startsAt(), show.currency(), show.seats(), null));
    long user = randomUser();
    String key = UUID.randomUUID().toString();

    HttpResponse<String> accepted = accept(user, key, show.showtimeId(), 5L);
    assertThat(accepted.statusCode()).isEqualTo(202);
    long orderNo = Long.parseLong(body(accepted).path("orderNo").asText());

    await("order rejected", () -> "REJECTED".equals(order(user, orderNo).path("status").asText()));
    JsonNode rejected = order(user, orderNo);
    assertThat(rejected.path("rejection").path("code").asText()).isEqualTo("SHOWTIME_NOT_ON_SALE");
    assertThat(rejected.path("rejection").path("status").asInt()).isEqualTo(422);
    assertThat(seat(show.showtimeId(), 5)).isEqualTo(SeatInventoryKeys.AVAILABLE);
    assertThat(orders.find(orderNo)).isEmpty();
    assertThat(pay.flows).doesNotContainKey(orderNo);

    // as after a failed direct order, the key may be used again: the sale reopened, the retry is a new order
    programs.put(show);
    HttpResponse<String> retried = accept(user, key, show.showtimeId(), 5L);
    assertThat(retried.statusCode()).isEqualTo(202);
    long second = Long.parseLong(body(retried).path("orderNo").asText());
    assertThat(second).isNotEqualTo(orderNo);
    await("retry placed", () -> "PENDING_PAYMENT".equals(order(user, second).path("status").asText()));
  }

  @Test
  void anAcceptedOrderWaitsOutAConsumerThatIsDownAndItsSeatsAreNoOrphans() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    // a placed order makes the showtime one the inventory check looks at
    place(randomUser(), show, 9L);
    MessageListenerContainer intents = stopIntake();
    long user = randomUser();

    HttpResponse<String> accepted = accept(user, UUID.randomUUID().toString(), show.showtimeId(), 6L, 7L);
    assertThat(accepted.statusCode()).isEqualTo(202);
    long orderNo = Long.parseLong(body(accepted).path("orderNo").asText());

    // long past the grace after which a lock without an order is an orphan: this one is an accepted order's
    clock.advance(Duration.ofMinutes(5));
    watchdog.checkAll();
    reaper.reap();
    assertThat(seat(show.showtimeId(), 6)).isEqualTo(SeatInventoryKeys.locked(orderNo, user));
    assertThat(order(user, orderNo).path("status").asText()).isEqualTo("PENDING");

    intents.start();
    await("order placed once the consumer is back",
        () -> "PENDING_PAYMENT".equals(order(user, orderNo).path("status").asText()));
  }

  @Test
  void aBatchOfIntentsForOneShowtimeReadsItsPricesOnce() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(20);
    MessageListenerContainer intents = stopIntake();
    List<Long> users = new ArrayList<>();
    List<Long> placed = new ArrayList<>();
    for (long seat = 1; seat <= 5; seat++) {
      long user = randomUser();
      users.add(user);
      placed.add(acceptedNo(user, UUID.randomUUID().toString(), show.showtimeId(), seat, seat + 10));
    }
    int before = programs.reads.getOrDefault(show.showtimeId(), new java.util.concurrent.atomic.AtomicInteger()).get();

    intents.start();
    for (int i = 0; i < placed.size(); i++) {
      long user = users.get(i);
      long orderNo = placed.get(i);
      await("order " + orderNo + " placed",
          () -> "PENDING_PAYMENT".equals(order(user, orderNo).path("status").asText()));
      // each order is priced for its own seats, from the one read
      assertThat(order(user, orderNo).path("amount").decimalValue()).isEqualByComparingTo(
          (i + 1) % 2 == 0 ? "160.00" : "100.00");
    }
    assertThat(programs.reads.get(show.showtimeId()).get() - before).as("sale-info reads for five orders")
        .isBetween(1, 4);
    // and placed together: fewer sagas than orders, each of them a batch's that finished forward
    Map<Long, String> batches = batchesOf(placed);
    assertThat(batches).as("every order recorded with its batch").hasSize(5);
    assertThat(Set.copyOf(batches.values())).as("sagas for five orders").hasSizeBetween(1, 4)
        .allSatisfy(batch -> assertThat(sagaStatus(batch)).isEqualTo("SU"));
    int largest = java.util.Collections.max(batches.values().stream()
        .collect(java.util.stream.Collectors.groupingBy(b -> b, java.util.stream.Collectors.counting())).values())
        .intValue();
    assertThat(pay.batches).as("the largest batch's flows opened in one call").contains(largest);
  }

  @Test
  void anOrderRefusedWithinABatchIsUndoneAloneAndTheRestOfTheBatchIsPlaced() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    MessageListenerContainer intents = stopIntake();
    long placedUser = randomUser();
    long payRefusedUser = randomUser();
    long seatTakenUser = randomUser();
    String payRefusedKey = UUID.randomUUID().toString();
    long placed = acceptedNo(placedUser, UUID.randomUUID().toString(), show.showtimeId(), 1L);
    long payRefused = acceptedNo(payRefusedUser, payRefusedKey, show.showtimeId(), 2L);
    // seat 3 is another order's in the database, though Redis (lost and rebuilt badly) let the intake lock it
    assertThat(claims.claim(show.showtimeId(), show.startsAt(), ids.nextIdFor(1L), 1L, List.of(3L))).isEmpty();
    long seatTaken = acceptedNo(seatTakenUser, UUID.randomUUID().toString(), show.showtimeId(), 3L);
    // and the pay service will refuse one order's flow (closed before it was opened)
    pay.close(payRefused);

    intents.start();
    await("the batch settled", () -> List.of(placed, payRefused, seatTaken).stream()
        .allMatch(n -> ledger.find(n).map(st -> !st.live()).orElse(false)));

    assertThat(order(placedUser, placed).path("status").asText()).isEqualTo("PENDING_PAYMENT");
    assertThat(seat(show.showtimeId(), 1)).isEqualTo(SeatInventoryKeys.locked(placed, placedUser));
    JsonNode refusedByPay = order(payRefusedUser, payRefused);
    assertThat(refusedByPay.path("status").asText()).isEqualTo("REJECTED");
    assertThat(refusedByPay.path("rejection").path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(orders.find(payRefused)).as("created, then cancelled as a rollback")
        .hasValueSatisfying(o -> assertThat(o.status().name()).isEqualTo("CANCELLED"));
    assertThat(seat(show.showtimeId(), 2)).isEqualTo(SeatInventoryKeys.AVAILABLE);
    JsonNode refusedSeat = order(seatTakenUser, seatTaken);
    assertThat(refusedSeat.path("status").asText()).isEqualTo("REJECTED");
    assertThat(refusedSeat.path("rejection").path("status").asInt()).isEqualTo(409);
    assertThat(orders.find(seatTaken)).isEmpty();
    assertThat(seat(show.showtimeId(), 3)).as("shown held again, by the order the database gave it to")
        .isNotEqualTo(SeatInventoryKeys.locked(seatTaken, seatTakenUser)).isNotEqualTo(SeatInventoryKeys.AVAILABLE);
    // one saga for the three, finished forward: the refusals were each order's own
    Map<Long, String> batches = batchesOf(List.of(placed, payRefused, seatTaken));
    assertThat(Set.copyOf(batches.values())).hasSize(1)
        .allSatisfy(batch -> assertThat(sagaStatus(batch)).isEqualTo("SU"));
    // a refused order's key is free again: the buyer's retry is a new order
    HttpResponse<String> retried = accept(payRefusedUser, payRefusedKey, show.showtimeId(), 2L);
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
    long again = Long.parseLong(body(retried).path("orderNo").asText());
    await("the retry placed", () -> "PENDING_PAYMENT".equals(order(payRefusedUser, again).path("status").asText()));
  }

  @Test
  void aBatchWithAKeyTheDatabaseKnowsClaimsEachKeyAloneAndRefusesThatOneAsPlacedBefore() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    MessageListenerContainer intents = stopIntake();
    long firstUser = randomUser();
    long reusingUser = randomUser();
    long lastUser = randomUser();
    String firstKey = UUID.randomUUID().toString();
    String reusedKey = UUID.randomUUID().toString();
    String lastKey = UUID.randomUUID().toString();
    // the key made an order once (its seat free again since); Redis lost the key's record, the database did not
    long earlier = ids.nextIdFor(reusingUser);
    String reusedHash = PlaceOrderService.hash(show.showtimeId(), List.of(5L), null);
    assertThat(idempotency.claim(reusingUser, PlaceOrderCommand.IDEMPOTENCY_SCOPE, reusedKey, reusedHash).owned())
        .isTrue();
    assertThat(idempotency.complete(reusingUser, PlaceOrderCommand.IDEMPOTENCY_SCOPE, reusedKey, earlier)).isTrue();
    long first = acceptedNo(firstUser, firstKey, show.showtimeId(), 4L);
    long reused = acceptedNo(reusingUser, reusedKey, show.showtimeId(), 5L);
    long last = acceptedNo(lastUser, lastKey, show.showtimeId(), 6L);

    intents.start();
    await("the batch settled", () -> List.of(first, reused, last).stream()
        .allMatch(n -> ledger.find(n).map(st -> !st.live()).orElse(false)));

    // the batch's keys could not be claimed in one statement: each was claimed alone, the known one refused
    assertThat(order(firstUser, first).path("status").asText()).isEqualTo("PENDING_PAYMENT");
    assertThat(order(lastUser, last).path("status").asText()).isEqualTo("PENDING_PAYMENT");
    assertThat(idempotency.completed(firstUser, PlaceOrderCommand.IDEMPOTENCY_SCOPE, firstKey,
        PlaceOrderService.hash(show.showtimeId(), List.of(4L), null))).contains(first);
    assertThat(idempotency.completed(lastUser, PlaceOrderCommand.IDEMPOTENCY_SCOPE, lastKey,
        PlaceOrderService.hash(show.showtimeId(), List.of(6L), null))).contains(last);
    JsonNode refused = order(reusingUser, reused);
    assertThat(refused.path("status").asText()).isEqualTo("REJECTED");
    assertThat(refused.path("rejection").path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(orders.find(reused)).isEmpty();
    assertThat(seat(show.showtimeId(), 5)).as("its seat given back").isEqualTo(SeatInventoryKeys.AVAILABLE);
    assertThat(idempotency.completed(reusingUser, PlaceOrderCommand.IDEMPOTENCY_SCOPE, reusedKey, reusedHash))
        .as("the key still names the order it made").contains(earlier);
  }

  @Test
  void anOrderAnotherBatchHasRecordedIsNeverGivenASecondSaga() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    MessageListenerContainer intents = stopIntake();
    long user = randomUser();
    String key = UUID.randomUUID().toString();
    long orderNo = acceptedNo(user, key, show.showtimeId(), 6L);
    // a batch that recorded this order and has not started its saga yet (or crashed just before)
    JdbcTemplate log = new JdbcTemplate(sagaLog);
    log.update("INSERT INTO saga_batch_member (order_no, business_key) VALUES (?, ?)", orderNo, "batch-it-" + orderNo);
    try {
      intents.start();
      redeliverAndDrain(ledger.find(orderNo).orElseThrow().intent());

      assertThat(batchesOf(List.of(orderNo))).as("still the other batch's").containsEntry(orderNo, "batch-it-" + orderNo);
      assertThat(orders.find(orderNo)).as("not placed by a second saga").isEmpty();
      assertThat(ledger.find(orderNo).orElseThrow().status()).as("left for that batch's log")
          .isEqualTo(IntentLedger.Status.PROCESSING);

      // that batch never ran: the sweep gives the order up and frees its seat and its key
      clock.advance(Duration.ofMinutes(11));
      assertThat(sweeper.sweep()).isEqualTo(1);
      clock.reset();
      assertThat(order(user, orderNo).path("status").asText()).isEqualTo("REJECTED");
      assertThat(seat(show.showtimeId(), 6)).isEqualTo(SeatInventoryKeys.AVAILABLE);
      HttpResponse<String> retried = accept(user, key, show.showtimeId(), 6L);
      assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
      long again = Long.parseLong(body(retried).path("orderNo").asText());
      await("the retry placed", () -> "PENDING_PAYMENT".equals(order(user, again).path("status").asText()));
    } finally {
      log.update("DELETE FROM saga_batch_member WHERE order_no = ?", orderNo);
    }
  }

  /** The batch saga each of these orders was placed with (the saga log's record of its members). */
  private Map<Long, String> batchesOf(List<Long> orderNos) {
    JdbcTemplate log = new JdbcTemplate(sagaLog);
    Map<Long, String> out = new java.util.HashMap<>();
    for (long orderNo : orderNos) {
      log.query("SELECT business_key FROM saga_batch_member WHERE order_no = ?",
          rs -> { out.put(orderNo, rs.getString(1)); }, orderNo);
    }
    return out;
  }

  private String sagaStatus(String businessKey) {
    return new JdbcTemplate(sagaLog).queryForObject(
        "SELECT status FROM seata_state_machine_inst WHERE business_key = ?", String.class, businessKey);
  }

  @Test
  void aRedeliveredIntentIsNeverPlacedTwice() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = acceptedNo(user, UUID.randomUUID().toString(), show.showtimeId(), 8L);
    await("order placed", () -> "PENDING_PAYMENT".equals(order(user, orderNo).path("status").asText()));
    OrderIntent intent = ledger.find(orderNo).orElseThrow().intent();

    // once with its status kept, once with it lost (a Redis flush between): both after the order exists
    kafka.send(Topics.ORDER_INTENTS, Long.toString(show.showtimeId()), json.writeValueAsString(intent)).get();
    redis.delete("ticket:intake:intent:" + orderNo);
    kafka.send(Topics.ORDER_INTENTS, Long.toString(show.showtimeId()), json.writeValueAsString(intent)).get();

    await("re-delivery settled", () -> ledger.find(orderNo).map(s -> s.status() == IntentLedger.Status.PLACED)
        .orElse(false));
    // a marker behind them shows both were consumed
    long marker = acceptedNo(user, UUID.randomUUID().toString(), show.showtimeId(), 10L);
    await("marker placed", () -> "PENDING_PAYMENT".equals(order(user, marker).path("status").asText()));
    assertThat(ledger.find(orderNo).orElseThrow().status()).isEqualTo(IntentLedger.Status.PLACED);
    assertThat(order(user, orderNo).path("status").asText()).isEqualTo("PENDING_PAYMENT");
    assertThat(pay.flows).containsKey(orderNo);
  }

  @Test
  void aRetryOfAnIntentWhoseFirstAnswerNeverCameSendsItAgain() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    String key = UUID.randomUUID().toString();
    // a crash between the lock script and the send: the lock and a PENDING intent, nothing on the topic
    OrderIntent intent = new OrderIntent(ids.nextIdFor(user), user, show.showtimeId(), List.of(2L), null, key,
        com.ticketplatform.order.placement.PlaceOrderService.hash(show.showtimeId(), List.of(2L), null),
        Instant.now().truncatedTo(ChronoUnit.MILLIS));
    assertThat(inventory.lock(show.showtimeId(), intent.orderNo(), user, List.of(2L), 6, ledger.intakeOf(intent))
        .locked()).isTrue();

    HttpResponse<String> retried = accept(user, key, show.showtimeId(), 2L);

    assertThat(retried.statusCode()).isEqualTo(202);
    assertThat(body(retried).path("orderNo").asText()).isEqualTo(Long.toString(intent.orderNo()));
    await("the intent, sent again, placed",
        () -> "PENDING_PAYMENT".equals(order(user, intent.orderNo()).path("status").asText()));
  }

  @Test
  void aRetryAfterTheKeysRecordWasLostAnswersTheOrderItMade() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    String key = UUID.randomUUID().toString();
    long direct = place(user, key, show, 6L);

    // the same request asked async: its seats are held by its own earlier order, which the key names
    HttpResponse<String> replay = accept(user, key, show.showtimeId(), 6L);

    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(201);
    assertThat(body(replay).path("orderNo").asText()).isEqualTo(Long.toString(direct));
  }

  @Test
  void aRejectionAfterTheOrderWasWrittenShowsAsRejectedNotAsACancelledOrder() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    pay.down.set(true);
    long orderNo;
    try {
      orderNo = acceptedNo(user, UUID.randomUUID().toString(), show.showtimeId(), 7L);
      await("order rejected", () -> "REJECTED".equals(order(user, orderNo).path("status").asText()));
    } finally {
      pay.down.set(false);
    }
    // the saga wrote the order and cancelled it: the database keeps a tombstone, the buyer sees why
    assertThat(orders.find(orderNo)).hasValueSatisfying(o -> assertThat(o.status().name()).isEqualTo("CANCELLED"));
    assertThat(order(user, orderNo).path("rejection").path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(seat(show.showtimeId(), 7)).isEqualTo(SeatInventoryKeys.AVAILABLE);
  }

  @Test
  void aPlacementThatStoppedMidwayIsDecidedByTheSagaLog() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    // a consumer that crashed after taking the intent, before its saga started
    OrderIntent intent = new OrderIntent(ids.nextIdFor(user), user, show.showtimeId(), List.of(9L), null,
        UUID.randomUUID().toString(), "h", Instant.now().truncatedTo(ChronoUnit.MILLIS));
    inventory.lock(show.showtimeId(), intent.orderNo(), user, List.of(9L), 6, ledger.intakeOf(intent));
    assertThat(ledger.settle(intent, "PENDING", IntentLedger.Status.PROCESSING, null)).isPresent();

    clock.advance(Duration.ofMinutes(11));
    assertThat(sweeper.sweep()).as("no saga ever ran: given up").isEqualTo(1);

    assertThat(ledger.find(intent.orderNo()).orElseThrow().status()).isEqualTo(IntentLedger.Status.REJECTED);
    assertThat(seat(show.showtimeId(), 9)).isEqualTo(SeatInventoryKeys.AVAILABLE);
  }

  @Test
  void aReDeliveredIntentWhoseSagaHasNotFinishedIsNotCalledPlaced() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = ids.nextIdFor(user);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    OrderIntent intent = new OrderIntent(orderNo, user, show.showtimeId(), List.of(4L), null,
        UUID.randomUUID().toString(), "h", now);
    inventory.lock(show.showtimeId(), orderNo, user, List.of(4L), 6, ledger.intakeOf(intent));
    // what a consumer killed mid-saga leaves: the intent PROCESSING, the order written, its saga running in the log
    assertThat(ledger.settle(intent, "PENDING", IntentLedger.Status.PROCESSING, null)).isPresent();
    PlaceOrderCommand command = new PlaceOrderCommand(orderNo, user, show.programId(), show.showtimeId(),
        show.cinemaId(), show.programTitle(), show.currency(), show.startsAt(), now, now.plusSeconds(900),
        List.of(new OrderTicket(ids.nextIdFor(user), 4L, "R1-4", new BigDecimal("80.00"))), null);
    steps.lockSeats(command);
    steps.createOrder(command);
    JdbcTemplate log = new JdbcTemplate(sagaLog);
    String instance = "it-" + orderNo;
    // its batch's saga, found from the order through the batch's members
    String batch = "batch-it-" + orderNo;
    log.update("INSERT INTO saga_batch_member (order_no, business_key) VALUES (?, ?)", orderNo, batch);
    log.update("INSERT INTO seata_state_machine_inst (id, machine_id, tenant_id, gmt_started, business_key, status,"
        + " is_running, gmt_updated) VALUES (?, 'placeOrders', '000001', NOW(3), ?, 'RU', 1, NOW(3))", instance,
        batch);
    try {
      redeliverAndDrain(intent);
      assertThat(ledger.find(orderNo).orElseThrow().status()).as("an order row alone, its saga running")
          .isEqualTo(IntentLedger.Status.PROCESSING);
      assertThat(order(user, orderNo).path("status").asText()).as("what its buyer reads meanwhile")
          .isEqualTo("PENDING");
      clock.advance(Duration.ofMinutes(15));
      sweeper.sweep();
      clock.reset();
      assertThat(ledger.find(orderNo).orElseThrow().status()).as("the sweep leaves a saga that is still running")
          .isEqualTo(IntentLedger.Status.PROCESSING);

      log.update("UPDATE seata_state_machine_inst SET status = 'SU', is_running = 0 WHERE id = ?", instance);
      redeliverAndDrain(intent);
      assertThat(ledger.find(orderNo).orElseThrow().status()).as("its saga finished forward")
          .isEqualTo(IntentLedger.Status.PLACED);
    } finally {
      log.update("DELETE FROM seata_state_machine_inst WHERE id = ?", instance);
      log.update("DELETE FROM saga_batch_member WHERE order_no = ?", orderNo);
    }
  }

  /** Sends the intent again and waits until the consumer has committed past it (every intent before it handled). */
  private void redeliverAndDrain(OrderIntent intent) throws Exception {
    var sent = kafka.send(Topics.ORDER_INTENTS, Long.toString(intent.showtimeId()), json.writeValueAsString(intent))
        .get();
    long offset = sent.getRecordMetadata().offset();
    org.apache.kafka.common.TopicPartition partition = new org.apache.kafka.common.TopicPartition(
        Topics.ORDER_INTENTS, sent.getRecordMetadata().partition());
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
        "bootstrap.servers", brokers))) {
      await("the consumer past offset " + offset, () -> {
        try {
          var committed = admin.listConsumerGroupOffsets(intakeGroup).partitionsToOffsetAndMetadata().get()
              .get(partition);
          return committed != null && committed.offset() > offset;
        } catch (Exception e) {
          return false;
        }
      });
    }
  }

  @Test
  void anIntentThatNeverReachedTheBrokerIsGivenUpAndItsSeatsFreed() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    long orderNo = ids.nextIdFor(user);
    // what a crash between the lock script and the send leaves: the lock and a PENDING intent, nothing on the topic
    OrderIntent intent = new OrderIntent(orderNo, user, show.showtimeId(), List.of(4L), null,
        UUID.randomUUID().toString(), "h", Instant.now().truncatedTo(ChronoUnit.MILLIS));
    assertThat(inventory.lock(show.showtimeId(), orderNo, user, List.of(4L), 6, ledger.intakeOf(intent)).locked())
        .isTrue();
    assertThat(sweeper.sweep()).as("not yet: it may still be waiting its turn").isZero();

    clock.advance(Duration.ofMinutes(11));
    assertThat(sweeper.sweep()).isEqualTo(1);

    assertThat(seat(show.showtimeId(), 4)).isEqualTo(SeatInventoryKeys.AVAILABLE);
    JsonNode given = order(user, orderNo);
    assertThat(given.path("status").asText()).isEqualTo("REJECTED");
    assertThat(given.path("rejection").path("code").asText()).isEqualTo("ORDER_NOT_TAKEN");
    assertThat(sweeper.sweep()).as("settled once").isZero();
  }
}
