package com.ticketplatform.pay;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import com.ticketplatform.client.pay.OpenPayFlowRequest;
import com.ticketplatform.client.pay.PayClient;
import com.ticketplatform.client.pay.PayFlowView;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.sandbox.PaySandboxApplication;
import com.ticketplatform.sandbox.signing.CallbackSigner;
import com.ticketplatform.starter.persistence.PhysicalDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The pay service on a fixed free port (the sandbox must know where to call back), the payment sandbox started
 * in-process on a random port (real signed HTTP callbacks both ways), real MariaDB ({@code ticket_pay_test}) and an
 * in-JVM KRaft Kafka broker. The internal API is driven through the {@link PayClient} Feign contract.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "ticket.mysql.schema-suffix=_test",
    "ticket.pay.reconcile.enabled=false",
    "ticket.outbox.poll-interval=PT0.1S",
    "spring.cloud.nacos.discovery.enabled=false",
    "spring.cloud.service-registry.auto-registration.enabled=false",
    "spring.jmx.enabled=false"})
@Import(PayServiceITBase.FeignConfig.class)
@AutoConfigureMetrics // keep the Prometheus endpoint the platform scrapes
@EmbeddedKafka(partitions = 1, topics = Topics.PAYMENT_EVENTS,
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
abstract class PayServiceITBase {

  static final String SECRET = "it-provider-secret";
  static final int PAY_PORT = freePort();
  /** Fixed for the JVM, so a sandbox that a test stops (a provider outage) comes back where the service calls it. */
  static final int SANDBOX_PORT = freePort();
  /** Lives as long as the test JVM, like the cached Spring context that calls it. */
  static final ConfigurableApplicationContext SANDBOX = startSandbox();
  static final String SANDBOX_URL = "http://127.0.0.1:" + SANDBOX.getEnvironment().getProperty("local.server.port");
  static final ObjectMapper JSON = new ObjectMapper();
  static final CallbackSigner PROVIDER_SIGNER = new CallbackSigner(SECRET);
  /**
   * What the order service answers reconciliation about an order: PAID unless a test says otherwise ("MISSING" is a
   * 404). Real HTTP through the {@code OrderClient} Feign contract, like the sandbox on the provider's side.
   */
  static final Map<Long, String> ORDER_STATES = new ConcurrentHashMap<>();
  /** How many batch state queries the order service was asked (one per {@code OrderClient.MAX_STATES} flows). */
  static final AtomicInteger STATE_QUERIES = new AtomicInteger();
  /** While set, the batch state query fails with 500: reconciliation must ask order by order instead. */
  static final AtomicBoolean STATES_BROKEN = new AtomicBoolean();
  static final HttpServer ORDER_SERVICE = startOrderService();

  @TestConfiguration
  @EnableFeignClients(clients = PayClient.class)
  static class FeignConfig {}

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PAY_PORT);
    registry.add("ticket.pay.provider-url", () -> SANDBOX_URL);
    registry.add("ticket.pay.provider-secret", () -> SECRET);
    registry.add("ticket.pay.callback-url", () -> payUrl() + "/pay/callback");
    // the Feign contract resolves the service id through simple discovery, as the order service does
    registry.add("spring.cloud.discovery.client.simple.instances.ticket-pay-service[0].uri", PayServiceITBase::payUrl);
    registry.add("spring.cloud.discovery.client.simple.instances.ticket-order-service[0].uri",
        () -> "http://127.0.0.1:" + ORDER_SERVICE.getAddress().getPort());
    // reconciliation compares every paid flow with its order at once (10 minutes after the payment by default)
    registry.add("ticket.pay.reconcile.order-grace", () -> "PT0S");
  }

  @Autowired PayClient payClient;
  /** The physical schema: the tests look at the physical tables ({@code t_pay_flow_0..3}) behind the sharded ones. */
  JdbcTemplate jdbc;

  @Autowired
  void physicalSchema(PhysicalDatabases databases) {
    jdbc = new JdbcTemplate(databases.dataSources().get(0));
  }

  final RestClient sandbox = RestClient.builder().baseUrl(SANDBOX_URL).build();
  final RestClient pay = RestClient.builder().baseUrl(payUrl()).build();

  static String payUrl() {
    return "http://127.0.0.1:" + PAY_PORT;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpServer startOrderService() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/internal/orders/", exchange -> {
        String[] path = exchange.getRequestURI().getPath().split("/");
        int status;
        String contentType = "application/json";
        String answer;
        if ("states".equals(path[3]) && STATES_BROKEN.get()) {
          // an order service that cannot answer in bulk (or has no batch endpoint yet)
          status = 500;
          contentType = "application/problem+json";
          answer = "{\"status\":500,\"code\":\"INTERNAL_ERROR\"}";
        } else if ("states".equals(path[3]) && "POST".equals(exchange.getRequestMethod())) {
          // /internal/orders/states: the orders asked about that exist ("MISSING" ones are left out)
          STATE_QUERIES.incrementAndGet();
          ArrayNode states = JSON.createArrayNode();
          JSON.readTree(exchange.getRequestBody()).path("orderNos").forEach(n -> {
            String state = ORDER_STATES.getOrDefault(n.asLong(), "PAID");
            if (!"MISSING".equals(state)) {
              states.addObject().put("orderNo", n.asLong()).put("status", state);
            }
          });
          status = 200;
          answer = JSON.createObjectNode().set("states", states).toString();
        } else {
          // /internal/orders/{orderNo}/state
          long orderNo = Long.parseLong(path[3]);
          String state = ORDER_STATES.getOrDefault(orderNo, "PAID");
          boolean missing = "MISSING".equals(state);
          status = missing ? 404 : 200;
          contentType = missing ? "application/problem+json" : contentType;
          answer = missing ? "{\"status\":404,\"code\":\"NOT_FOUND\"}"
              : "{\"orderNo\":" + orderNo + ",\"status\":\"" + state + "\"}";
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ConfigurableApplicationContext startSandbox() {
    // the sandbox runs in this JVM, whose classpath also holds the pay service's infrastructure starters
    return PaySandboxApplication.start("server.port=" + SANDBOX_PORT, "sandbox.secret=" + SECRET,
        "sandbox.callback.initial-backoff-ms=100", "sandbox.callback.max-attempts=4",
        // the platform's own guards come with ticket-common on this classpath; the provider has none of them
        "ticket.internal-auth.enabled=false", "ticket.security.dev-secrets-allowed=true",
        "sandbox.notify-url-pattern=http://127\\.0\\.0\\.1:\\d+/pay/callback",
        "spring.autoconfigure.exclude="
            + "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration,"
            + "com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration",
        "spring.cloud.nacos.discovery.enabled=false", "spring.cloud.service-registry.auto-registration.enabled=false",
        "spring.jmx.enabled=false", "spring.main.banner-mode=off");
  }

  // ---------- helpers ----------

  static long newOrderNo() {
    return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE >> 4);
  }

  PayFlowView open(long orderNo, String amount) {
    return payClient.open(new OpenPayFlowRequest(orderNo, 7, new BigDecimal(amount), "CNY",
        Instant.now().plus(Duration.ofMinutes(15))));
  }

  JsonNode completeAtSandbox(String paymentId, String outcome, String query) {
    return sandbox.post().uri("/sandbox/pay/" + paymentId + "/complete" + (query == null ? "" : "?" + query))
        .body(Map.of("outcome", outcome)).retrieve().body(JsonNode.class);
  }

  JsonNode sandboxPayment(String paymentId) {
    return sandbox.get().uri("/sandbox/payments/{id}", paymentId).retrieve().body(JsonNode.class);
  }

  PayFlowView awaitStatus(long orderNo, String status) {
    await().atMost(Duration.ofSeconds(20)).until(() -> payClient.get(orderNo).status().equals(status));
    return payClient.get(orderNo);
  }

  /** A callback body exactly like the sandbox's (the test plays the provider where it must misbehave). */
  static String callbackBody(long orderNo, String paymentId, String amount, String currency, String status) {
    return "{\"eventId\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"payment.succeeded\",\"paymentId\":\""
        + paymentId + "\",\"merchantOrderNo\":\"" + orderNo + "\",\"amount\":\"" + amount + "\",\"currency\":\""
        + currency + "\",\"status\":\"" + status + "\",\"paidAt\":\"" + Instant.now() + "\",\"occurredAt\":\""
        + Instant.now() + "\"}";
  }

  record Answer(int status, JsonNode body) {}

  Answer postCallback(String body, String signature) {
    return pay.post().uri("/pay/callback").header("Content-Type", "application/json")
        .header(CallbackSigner.HEADER, signature).body(body)
        .exchange((req, res) -> new Answer(res.getStatusCode().value(), readTree(res.getBody().readAllBytes())));
  }

  static String signNow(String body) {
    return PROVIDER_SIGNER.signatureHeader(Instant.now().getEpochSecond(), body);
  }

  static JsonNode readTree(byte[] bytes) {
    return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
  }

  int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }

  // ---------- Kafka ----------

  private static final Map<String, List<JsonNode>> EVENTS = new ConcurrentHashMap<>();
  private static KafkaConsumer<String, String> consumer;

  static synchronized void pollEvents() {
    if (consumer == null) {
      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers",
          System.getProperty("spring.embedded.kafka.brokers")));
      props.put(ConsumerConfig.GROUP_ID_CONFIG, "pay-it-" + UUID.randomUUID());
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
      props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
      consumer = new KafkaConsumer<>(props);
      consumer.subscribe(List.of(Topics.PAYMENT_EVENTS));
    }
    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
      EVENTS.computeIfAbsent(record.key(), k -> new CopyOnWriteArrayList<>())
          .add(readTree(record.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
  }

  static List<JsonNode> events(long orderNo) {
    pollEvents();
    return new ArrayList<>(EVENTS.getOrDefault(String.valueOf(orderNo), List.of()));
  }

  static List<JsonNode> events(long orderNo, String type) {
    return events(orderNo).stream().filter(e -> e.path("type").asText().equals(type)).toList();
  }

  /** Waits until every outbox row of the order reached the broker, then drains the topic a little longer. */
  List<JsonNode> settledEvents(long orderNo, String type) {
    await().atMost(Duration.ofSeconds(20)).until(() -> count(
        "SELECT COUNT(*) FROM t_outbox WHERE record_key = ? AND published_at IS NULL", String.valueOf(orderNo)) == 0);
    int published = count("SELECT COUNT(*) FROM t_outbox WHERE record_key = ? AND event_type = ?",
        String.valueOf(orderNo), type);
    await().atMost(Duration.ofSeconds(20)).until(() -> events(orderNo, type).size() >= published);
    for (int i = 0; i < 3; i++) {
      pollEvents();
    }
    return events(orderNo, type);
  }
}
