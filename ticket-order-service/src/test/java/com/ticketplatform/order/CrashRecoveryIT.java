package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.common.seat.SeatInventoryKeys;
import com.ticketplatform.order.sharding.OrderShards;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * kill -9 in the middle of the place-order saga: the service (a child JVM) halts right after CreateOrder, leaving
 * seats locked, an order PENDING_PAYMENT and a running saga in the Seata log. After a restart the saga is
 * compensated: the order is CANCELLED, the seats are free again, the saga is recorded as rolled back.
 * Neighbours (program, pay) are plain HTTP stubs here, since the child is a real process with real Feign clients.
 * And an accepted order (202) whose service is killed before placing it: its intent is on the broker, so the next
 * instance places it.
 */
class CrashRecoveryIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final List<String> payCalls = new CopyOnWriteArrayList<>();
  private final List<Process> children = new ArrayList<>();
  private HttpServer stubs;
  private LettuceConnectionFactory factory;
  private StringRedisTemplate redis;
  private EmbeddedKafkaKraftBroker kafka;

  private final long showtime = ThreadLocalRandom.current().nextLong(1_000_000L, 1L << 40);
  private final long user = ThreadLocalRandom.current().nextLong(1_000, 1L << 40);

  /** A showtime of its own on sale (its ten seats available in Redis), the neighbours' stubs, the saga's TC. */
  @BeforeEach
  void showtimeOnSale() throws IOException {
    requireSeataTc();
    startStubs(showtime);
    factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
    factory.afterPropertiesSet();
    redis = new StringRedisTemplate(factory);
    Map<String, String> seats = new HashMap<>();
    for (long s = 1; s <= 10; s++) {
      seats.put(Long.toString(s), "A");
    }
    redis.opsForHash().putAll(SeatInventoryKeys.seats(showtime), seats);
  }

  @AfterEach
  void stopAll() throws Exception {
    for (Process p : children) {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
    if (stubs != null) {
      stubs.stop(0);
    }
    if (kafka != null) {
      kafka.destroy();
    }
    redis.delete(List.of(SeatInventoryKeys.seats(showtime), SeatInventoryKeys.holdings(showtime)));
    factory.destroy();
  }

  @Test
  void sagaInterruptedByAHardCrashIsCompensatedAfterRestart() throws Exception {
    int port1 = freePort();
    Process first = startService(port1, true, "first");
    awaitReady(port1, first);
    try {
      HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port1 + "/api/orders"))
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
          .header("X-User-Id", Long.toString(user)).header("Idempotency-Key", "crash-" + showtime)
          .POST(HttpRequest.BodyPublishers.ofString("{\"showtimeId\":" + showtime + ",\"seatIds\":[1,2]}"))
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException expected) {
      // the process died under the request
    }
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isEqualTo(137);

    // what the crash left behind: seats locked, the order awaiting payment, the pay flow never opened
    Object[] order = findOrder(user);
    assertThat(order[0]).as("order row written by CreateOrder").isNotNull();
    long orderNo = (Long) order[0];
    assertThat(order[1]).isEqualTo("PENDING_PAYMENT");
    assertThat(redis.opsForHash().get(SeatInventoryKeys.seats(showtime), "1")).isEqualTo("L:" + orderNo + ":" + user);
    assertThat(payCalls).noneMatch(c -> c.startsWith("open"));

    int port2 = freePort();
    Process second = startService(port2, false, "second");
    awaitReady(port2, second);
    await("order cancelled by saga compensation", () -> "CANCELLED".equals(findOrder(user)[1]), 180);
    await("seats released", () -> "A".equals(redis.opsForHash().get(SeatInventoryKeys.seats(showtime), "1"))
        && "A".equals(redis.opsForHash().get(SeatInventoryKeys.seats(showtime), "2")), 60);
    // the engine records the instance as compensated after its last compensation step (ReleaseSeats) returned
    await("saga recorded as compensated", () -> "SU".equals(sagaCompensation(orderNo)), 30);
  }

  @Test
  void anAcceptedOrderOutlivesACrashBeforeItIsPlaced() throws Exception {
    String brokers = startBroker();
    // an instance that accepts orders but is killed before its consumer places any
    int port1 = freePort();
    Process first = startService(port1, false, "accepting", brokers, "--ticket.order.intake.consume=false");
    awaitReady(port1, first);
    HttpResponse<String> accepted = accept(port1, user, showtime, "3,4");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    long orderNo = Long.parseLong(JSON.readTree(accepted.body()).path("orderNo").asText());
    first.destroyForcibly();
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();

    // what the crash left: the seats held for the 202, no order yet
    assertThat(redis.opsForHash().get(SeatInventoryKeys.seats(showtime), "3")).isEqualTo("L:" + orderNo + ":" + user);
    assertThat(findOrder(user)[0]).isNull();

    int port2 = freePort();
    Process second = startService(port2, false, "placing", brokers);
    awaitReady(port2, second);
    await("the accepted order placed by the next instance",
        () -> "PENDING_PAYMENT".equals(findOrder(user)[1]), 90);
    assertThat(findOrder(user)[0]).isEqualTo(orderNo);
    assertThat(payCalls).contains("open:" + orderNo);
    assertThat(redis.opsForHash().get(SeatInventoryKeys.seats(showtime), "4")).isEqualTo("L:" + orderNo + ":" + user);
  }

  @Test
  void anAcceptedOrderWhoseSagaCrashedIsUndoneAndItsBuyerToldSo() throws Exception {
    String brokers = startBroker();
    // the consumer halts the JVM right after CreateOrder: an order row, a saga in the log, the intent PROCESSING
    int port1 = freePort();
    Process first = startService(port1, true, "accepting-crashing", brokers);
    awaitReady(port1, first);
    try {
      HttpResponse<String> accepted = accept(port1, user, showtime, "5,6");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    } catch (IOException haltedFirst) {
      // the consumer may halt the process before the 202 is on the wire: the order number is in the database
    }
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(findOrder(user)[1]).isEqualTo("PENDING_PAYMENT");
    long orderNo = (Long) findOrder(user)[0];
    String status = "ticket:intake:intent:" + orderNo;
    assertThat(redis.opsForHash().get(status, "status")).isEqualTo("PROCESSING");

    // the next instance gets the intent again; its saga never finished: undone by the saga's recovery, the intent
    // is settled from the saga's log, and its buyer reads REJECTED (not the cancelled order the saga left)
    int port2 = freePort();
    Process second = startService(port2, false, "recovering", brokers, "--ticket.order.intake.lost-after=PT1S",
        "--ticket.order.intake.in-doubt-after=PT10S", "--ticket.order.intake.sweep-interval=PT2S");
    awaitReady(port2, second);
    await("the saga undone by its recovery", () -> "CANCELLED".equals(findOrder(user)[1]), 120);
    await("the intent settled from the saga's log", () -> "REJECTED".equals(redis.opsForHash().get(status, "status")),
        60);
    await("seats given back", () -> "A".equals(redis.opsForHash().get(SeatInventoryKeys.seats(showtime), "5"))
        && "A".equals(redis.opsForHash().get(SeatInventoryKeys.seats(showtime), "6")), 60);
    HttpResponse<String> shown = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port2 + "/api/orders/" + orderNo))
        .header("X-User-Id", Long.toString(user)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(shown.body()).path("status").asText()).as(shown.body()).isEqualTo("REJECTED");
  }

  /** A broker of this test's own for the children (the first scenario runs without one), as their argument. */
  private String startBroker() {
    kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.ORDER_INTENTS);
    kafka.afterPropertiesSet();
    return "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString();
  }

  /** An order for {@code seats} (comma-separated ids), asked to be answered once accepted. */
  private static HttpResponse<String> accept(int port, long user, long showtime, String seats)
      throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders"))
        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
        .header("X-User-Id", Long.toString(user)).header("Idempotency-Key", "accepted-" + showtime + "-" + seats)
        .header("Prefer", "respond-async")
        .POST(HttpRequest.BodyPublishers.ofString("{\"showtimeId\":" + showtime + ",\"seatIds\":[" + seats + "]}"))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void requireSeataTc() {
    String addr = System.getenv().getOrDefault("SEATA_ADDR", "127.0.0.1:8091");
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(addr.split(":")[0], Integer.parseInt(addr.split(":")[1])), 2000);
    } catch (IOException e) {
      throw new IllegalStateException("no Seata TC answers at " + addr + " (SEATA_ADDR)", e);
    }
  }

  private void startStubs(long showtime) throws IOException {
    stubs = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stubs.createContext("/internal/showtimes/", exchange -> {
      StringBuilder seats = new StringBuilder();
      for (int s = 1; s <= 10; s++) {
        seats.append(s > 1 ? "," : "").append("{\"seatId\":").append(s).append(",\"label\":\"A").append(s)
            .append("\",\"tier\":\"STD\",\"price\":50.00}");
      }
      String body = "{\"showtimeId\":" + showtime + ",\"programId\":" + (showtime + 1) + ",\"cinemaId\":1,"
          + "\"hallId\":1,\"programTitle\":\"Crash drill\",\"status\":\"ON_SALE\",\"startsAt\":\""
          + Instant.now().plus(Duration.ofDays(1)) + "\",\"currency\":\"CNY\",\"seats\":[" + seats + "]}";
      respond(exchange, body);
    });
    stubs.createContext("/internal/pay-flows", exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (path.endsWith("/batch")) {
        // every flow of the batch opened, as the pay service answers
        JsonNode flows = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("flows");
        List<String> opened = new ArrayList<>();
        for (JsonNode f : flows) {
          payCalls.add("open:" + f.path("orderNo").asText());
          opened.add("{\"orderNo\":\"" + f.path("orderNo").asText() + "\",\"userId\":\"" + f.path("userId").asText()
              + "\",\"amount\":" + f.path("amount").asText() + ",\"currency\":\"" + f.path("currency").asText()
              + "\",\"status\":\"OPEN\"}");
        }
        respond(exchange, "{\"opened\":[" + String.join(",", opened) + "],\"refused\":[]}");
        return;
      }
      String[] parts = path.split("/");
      String orderNo = parts.length > 3 ? parts[3] : "0";
      String action = path.endsWith("/close") ? "close" : parts.length > 3 ? "other" : "open";
      if ("open".equals(action)) {
        String req = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        orderNo = req.replaceAll(".*\"orderNo\":(\\d+).*", "$1");
      }
      payCalls.add(action + ":" + orderNo);
      respond(exchange, "{\"orderNo\":" + orderNo + ",\"userId\":0,\"amount\":100.00,\"currency\":\"CNY\","
          + "\"status\":\"" + ("close".equals(action) ? "CLOSED" : "OPEN") + "\"}");
    });
    stubs.start();
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private Process startService(int port, boolean crash, String name, String... extra) throws IOException {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    // the service's own classpath: without the test classes (their fakes would replace the real clients)
    String serviceCp = Arrays.stream(cp.split(File.pathSeparator)).filter(e -> !e.endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx400m", "-cp", serviceCp, "com.ticketplatform.order.OrderServiceApplication",
        "--server.port=" + port, "--ticket.mysql.schema-suffix=_test",
        "--spring.kafka.bootstrap-servers=127.0.0.1:1",
        "--ticket.order.expiry-queue=ticket:order:expiry:crash:" + port,
        "--seata.saga.state-machine.trans-operation-timeout=5000",
        "--ticket.order.saga-recovery-interval=PT3S",
        // a process of its own, without the tests' application.properties: this machine's development secrets
        "--ticket.security.dev-secrets-allowed=true", "--ticket.internal-auth.enabled=false",
        "--ticket.keys.kek=local-dev:NTBiIvZXAlOb5QKD16CQ2jnrMrNQ+0blEnE2KWw6mnY="));
    if (crash) {
      cmd.add("--ticket.order.fault-injection.halt-after-step=CreateOrder");
    }
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(Files.createTempFile("order-crash-" + name, ".log").toFile());
    String stub = "http://127.0.0.1:" + stubs.getAddress().getPort();
    pb.environment().put("TICKET_PROGRAM_URL", stub);
    pb.environment().put("TICKET_PAY_URL", stub);
    Process p = pb.start();
    children.add(p);
    return p;
  }

  private static void awaitReady(int port, Process p) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("service exited early with " + p.exitValue());
      }
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("service did not become ready");
  }

  private static Object[] findOrder(long user) {
    String url = "jdbc:mariadb://127.0.0.1:3306/ticket_order_" + OrderShards.databaseIndex(user) + "_test";
    try (Connection c = DriverManager.getConnection(url, "root", "");
        PreparedStatement s = c.prepareStatement("SELECT order_no, status FROM t_order_"
            + OrderShards.tableIndex(user) + " WHERE user_id = ?")) {
      s.setLong(1, user);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? new Object[] {rs.getLong(1), rs.getString(2)} : new Object[] {null, null};
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sagaCompensation(long orderNo) {
    try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/ticket_order_saga_test", "root", "");
        PreparedStatement s = c.prepareStatement(
            "SELECT compensation_status FROM seata_state_machine_inst WHERE business_key = ? OR business_key ="
                + " (SELECT business_key FROM saga_batch_member WHERE order_no = ?)")) {
      s.setString(1, Long.toString(orderNo));
      s.setLong(2, orderNo);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      return "unreadable: " + e;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void await(String what, BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(500);
    }
  }
}
