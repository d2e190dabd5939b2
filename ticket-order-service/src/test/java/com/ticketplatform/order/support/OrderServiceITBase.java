package com.ticketplatform.order.support;

import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.test.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.common.event.EventEnvelope;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.common.seat.SeatInventoryKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import com.ticketplatform.order.order.OrderEventPayloads;
import com.ticketplatform.order.order.OrderLifecycle;
import com.ticketplatform.order.order.OrderTransitions;
import com.ticketplatform.order.payment.KafkaConsumerConfig;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/** One Spring context for every IT: real MariaDB (_test schemas), real Redis, in-JVM KRaft Kafka, fake neighbours. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1,
    topics = {Topics.ORDER_EVENTS, Topics.PAYMENT_EVENTS, KafkaConsumerConfig.PAYMENT_REPAIR_TOPIC,
        Topics.ORDER_INTENTS})
@ActiveProfiles("it")
@Import(TestFakes.class)
public abstract class OrderServiceITBase {

  protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort
  protected int port;
  @Autowired
  protected FakeProgramClient programs;
  @Autowired
  protected FakePayClient pay;
  @Autowired
  protected MutableClock clock;
  @Autowired
  protected StringRedisTemplate redis;
  @Autowired
  protected ObjectMapper json;
  @Autowired
  protected KafkaTemplate<String, String> kafka;
  @Autowired
  protected OrderTransitions transitions;

  public record Response(int status, JsonNode body) {}

  /** The saga runs in the real Seata TC; say so plainly when none answers instead of failing obscurely. */
  @org.junit.jupiter.api.BeforeAll
  static void requireSeataTc() {
    String addr = System.getenv().getOrDefault("SEATA_ADDR", "127.0.0.1:8091");
    String[] hostPort = addr.split(":");
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("no Seata TC answers at " + addr + " (SEATA_ADDR): start one (`./ticket up`,"
          + " or io.seata:seata-server:2.0.0 as in docs/ARCHITECTURE.md §7.1) before running the order service ITs", e);
    }
  }

  protected Response call(String method, String path, Long userId, String idempotencyKey, Object body) {
    return call(method, path, userId, null, idempotencyKey, body);
  }

  /** A call as the gateway forwards it: the caller's id and roles (comma-separated, e.g. {@code DOOR:42}). */
  protected Response call(String method, String path, Long userId, String roles, String idempotencyKey,
      Object body) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json");
      if (userId != null) {
        b.header("X-User-Id", Long.toString(userId));
      }
      if (roles != null) {
        b.header("X-User-Roles", roles);
      }
      if (idempotencyKey != null) {
        b.header("Idempotency-Key", idempotencyKey);
      }
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body().isEmpty() ? json.nullNode() : json.readTree(r.body()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Puts a payment-service event on its topic, as the pay service does after the provider's callback. */
  protected void publishPayment(Object payload, long orderNo) throws Exception {
    EventEnvelope<Object> envelope = EventEnvelope.of(payload.getClass().getSimpleName(), Instant.now(),
        Long.toString(orderNo), payload);
    kafka.send(Topics.PAYMENT_EVENTS, Long.toString(orderNo), json.writeValueAsString(envelope)).get();
  }

  protected String status(long user, long orderNo) {
    return call("GET", "/api/orders/" + orderNo, user, null, null).body().path("status").asText();
  }

  protected static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(200);
    }
  }

  /** Places an order, lets its payment event arrive as the pay service sends it, and waits until it is PAID. */
  protected long placePaid(long user, ShowtimeSaleInfo show, Long... seats) throws Exception {
    long orderNo = place(user, show, seats);
    publishPayment(new com.ticketplatform.common.event.PaymentEvents.PaymentSucceeded(orderNo, "pay-" + orderNo,
        new java.math.BigDecimal("50.00"), "CNY", Instant.now()), orderNo);
    await("order " + orderNo + " paid", () -> "PAID".equals(status(user, orderNo)));
    return orderNo;
  }

  /** Places an order that must be accepted (201) and answers its number. */
  protected long place(long user, ShowtimeSaleInfo show, Long... seats) {
    return place(user, java.util.UUID.randomUUID().toString(), show, seats);
  }

  protected long place(long user, String key, ShowtimeSaleInfo show, Long... seats) {
    Response r = placeOrder(user, key, show.showtimeId(), seats);
    org.assertj.core.api.Assertions.assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return Long.parseLong(r.body().path("orderNo").asText());
  }

  protected Response placeOrder(long userId, String key, long showtimeId, Long... seats) {
    return call("POST", "/api/orders", userId, key, Map.of("showtimeId", showtimeId, "seatIds", seats));
  }

  /** What the program service does when a showtime goes on sale: every seat "A". */
  /** A showtime on sale with {@code seats} seats, its seat inventory in Redis all available. */
  protected ShowtimeSaleInfo onSaleWithInventory(int seats) {
    ShowtimeSaleInfo show = programs.onSale(seats);
    initInventory(show.showtimeId(), seats);
    return show;
  }

  protected void initInventory(long showtimeId, int seats) {
    Map<String, String> all = new java.util.HashMap<>();
    for (long s = 1; s <= seats; s++) {
      all.put(Long.toString(s), SeatInventoryKeys.AVAILABLE);
    }
    redis.opsForHash().putAll(SeatInventoryKeys.seats(showtimeId), all);
  }

  /** The buyer's cancel committed, and its caller died before giving the seats back in Redis or in the claims. */
  protected void cancelledInTheDatabaseOnly(long orderNo) {
    transitions.apply(orderNo, o -> {
      o.cancel(OrderLifecycle.REASON_USER, Instant.now());
      return OrderTransitions.Decision.apply(OrderEventPayloads.cancelled(o));
    });
  }

  protected String seat(long showtimeId, long seatId) {
    return (String) redis.opsForHash().get(SeatInventoryKeys.seats(showtimeId), Long.toString(seatId));
  }

  protected static long randomUser() {
    return java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000, 1L << 40);
  }
}
