package com.ticketplatform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import tools.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.ticketplatform.sandbox.signing.CallbackSigner;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** The sandbox keeps delivering a callback, with growing pauses, until the merchant answers 2xx. */
class CallbackRetryIT {

  private static final String SECRET = "retry-test-secret";
  private static ConfigurableApplicationContext sandbox;
  private static HttpServer receiver;
  private static RestClient api;

  private record Received(long atNanos, String signature, String body, int answered) {}

  private static final List<Received> received = new CopyOnWriteArrayList<>();
  private static final AtomicInteger calls = new AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    // a merchant that fails twice (500, then a dropped connection-like 503), then accepts
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/callback", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int n = calls.incrementAndGet();
      int status = n == 1 ? 500 : n == 2 ? 503 : 200;
      received.add(new Received(System.nanoTime(), exchange.getRequestHeaders().getFirst(CallbackSigner.HEADER),
          body, status));
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
    sandbox = PaySandboxApplication.start("server.port=0", "sandbox.secret=" + SECRET,
        "sandbox.callback.initial-backoff-ms=150", "sandbox.callback.max-attempts=5",
        "sandbox.notify-url-pattern=http://127\\.0\\.0\\.1:" + receiver.getAddress().getPort() + "/callback");
    String port = sandbox.getEnvironment().getProperty("local.server.port");
    api = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void aPaymentNamingAnyOtherCallbackUrlIsRefusedSoTheProviderForgesNoRequests() {
    for (String foreign : List.of("http://169.254.169.254/latest/meta-data",
        "http://127.0.0.1:8084/internal/pay-flows/1/refund",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback/../other")) {
      var refused = api.post().uri("/sandbox/payments").body(Map.of("merchantOrderNo", "9002", "amount",
          new BigDecimal("1.00"), "currency", "CNY", "notifyUrl", foreign)).exchange((req, res) ->
          new Object[] {res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)});
      assertThat(refused[0]).as(foreign).isEqualTo(422);
      assertThat((String) refused[1]).contains("NOTIFY_URL_NOT_ALLOWED");
    }
  }

  @Test
  void retriesWithBackoffUntilTheReceiverAnswers2xx() {
    String notifyUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback";
    JsonNode created = api.post().uri("/sandbox/payments").header("Idempotency-Key", "k-1")
        .body(Map.of("merchantOrderNo", "9001", "amount", new BigDecimal("42.50"), "currency", "CNY",
            "notifyUrl", notifyUrl))
        .retrieve().body(JsonNode.class);
    String paymentId = created.path("paymentId").asText();
    assertThat(created.path("payUrl").asText()).endsWith("/sandbox/pay/" + paymentId);

    // the same merchant order again is the same payment
    JsonNode again = api.post().uri("/sandbox/payments")
        .body(Map.of("merchantOrderNo", "9001", "amount", new BigDecimal("42.5"), "currency", "CNY",
            "notifyUrl", notifyUrl))
        .retrieve().body(JsonNode.class);
    assertThat(again.path("paymentId").asText()).isEqualTo(paymentId);

    api.post().uri("/sandbox/pay/{id}/complete", paymentId).body(Map.of("outcome", "SUCCESS"))
        .retrieve().toBodilessEntity();

    await().atMost(Duration.ofSeconds(15)).until(() -> received.size() >= 3);
    assertThat(received).extracting(Received::answered).containsExactly(500, 503, 200);
    // every attempt carries the same body (same event id), freshly and correctly signed
    assertThat(received).extracting(Received::body).containsOnly(received.get(0).body());
    for (Received r : received) {
      long t = Long.parseLong(r.signature().substring(2, r.signature().indexOf(',')));
      assertThat(r.signature()).isEqualTo(new CallbackSigner(SECRET).signatureHeader(t, r.body()));
    }
    JsonNode body = readTree(received.get(0).body());
    assertThat(body.path("status").asText()).isEqualTo("SUCCESS");
    assertThat(body.path("amount").asText()).isEqualTo("42.50");
    assertThat(body.path("merchantOrderNo").asText()).isEqualTo("9001");
    // exponential backoff: the second pause is at least the doubled initial one
    long firstPause = received.get(1).atNanos() - received.get(0).atNanos();
    long secondPause = received.get(2).atNanos() - received.get(1).atNanos();
    assertThat(Duration.ofNanos(firstPause)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    assertThat(Duration.ofNanos(secondPause)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

    // nothing more once acknowledged; the provider's delivery log agrees
    await().pollDelay(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> true);
    assertThat(calls.get()).isEqualTo(3);
    JsonNode payment = api.get().uri("/sandbox/payments/{id}", paymentId).retrieve().body(JsonNode.class);
    assertThat(payment.path("status").asText()).isEqualTo("PAID");
    assertThat(payment.path("deliveries")).hasSize(3);

    // refunds are idempotent by key and bounded by what was paid
    Map<String, Object> refund = Map.of("paymentId", paymentId, "amount", new BigDecimal("42.50"),
        "idempotencyKey", "r-1");
    JsonNode first = api.post().uri("/sandbox/refunds").body(refund).retrieve().body(JsonNode.class);
    JsonNode second = api.post().uri("/sandbox/refunds").body(refund).retrieve().body(JsonNode.class);
    assertThat(first.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(second.path("refundId").asText()).isEqualTo(first.path("refundId").asText());
    HttpStatusCode overRefund = api.post().uri("/sandbox/refunds")
        .body(Map.of("paymentId", paymentId, "amount", new BigDecimal("1.00"), "idempotencyKey", "r-2"))
        .exchange((req, res) -> res.getStatusCode());
    assertThat(overRefund.value()).isEqualTo(422);
  }

  private static JsonNode readTree(String json) {
    return new tools.jackson.databind.ObjectMapper().readTree(json);
  }
}
