package com.ticketplatform.sandbox.payment;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.sandbox.SandboxProperties;
import com.ticketplatform.sandbox.signing.CallbackSigner;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers signed callbacks in the background like a real provider: at-least-once, retried with exponential backoff
 * (initial, 2×, 4× …) until the merchant answers 2xx or the attempts run out. Each attempt is re-signed with the
 * current time (the body, and so the event id, stays the same), so a merchant's replay window never rejects a
 * legitimate retry.
 */
@Component
public class CallbackDispatcher {

  private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);

  private final SandboxProperties.Callback policy;
  private final CallbackSigner signer;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();
  private final HttpClient http;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, r -> {
    Thread t = new Thread(r, "sandbox-callback");
    t.setDaemon(true);
    return t;
  });

  public CallbackDispatcher(SandboxProperties properties, ObjectMapper json) {
    this.policy = properties.callback();
    this.signer = new CallbackSigner(properties.secret());
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  /** The callback body for the payment's current outcome; one event id per call. */
  public String callbackBody(SandboxPayment payment) {
    SandboxPayment.PaymentView view = payment.view();
    boolean paid = "PAID".equals(view.status());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("eventId", "evt_" + UUID.randomUUID().toString().replace("-", ""));
    body.put("type", paid ? "payment.succeeded" : "payment.failed");
    body.put("paymentId", view.paymentId());
    body.put("merchantOrderNo", view.merchantOrderNo());
    body.put("amount", view.amount().toPlainString());
    body.put("currency", view.currency());
    body.put("status", paid ? "SUCCESS" : "FAILURE");
    body.put("paidAt", view.paidAt() == null ? null : view.paidAt().toString());
    body.put("occurredAt", clock.instant().toString());
    try {
      return json.writeValueAsString(body);
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code copies} deliveries of the same body (copies > 1 simulates a provider's duplicate sends). */
  public void dispatch(SandboxPayment payment, String body, int copies, long delayMs) {
    for (int i = 0; i < Math.max(1, copies); i++) {
      scheduler.schedule(() -> attempt(payment, body, 1), Math.max(0, delayMs), TimeUnit.MILLISECONDS);
    }
  }

  private void attempt(SandboxPayment payment, String body, int attempt) {
    int status = send(payment.notifyUrl(), body);
    payment.recordDelivery(new SandboxPayment.Delivery(eventIdOf(body), attempt, status, clock.instant()));
    if (status >= 200 && status < 300) {
      return;
    }
    if (attempt >= policy.maxAttempts()) {
      log.warn("giving up on callback for {} after {} attempts (last status {})", payment.paymentId(), attempt,
          status);
      return;
    }
    long backoff = policy.initialBackoffMs() * (1L << Math.min(attempt - 1, 16));
    scheduler.schedule(() -> attempt(payment, body, attempt + 1), backoff, TimeUnit.MILLISECONDS);
  }

  private int send(String url, String body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofMillis(policy.requestTimeoutMs()))
          .header("Content-Type", "application/json")
          .header(CallbackSigner.HEADER, signer.signatureHeader(clock.instant().getEpochSecond(), body))
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (Exception e) {
      log.info("callback to {} failed: {}", url, e.toString());
      return 0;
    }
  }

  private String eventIdOf(String body) {
    try {
      return json.readTree(body).path("eventId").asText();
    } catch (JacksonException e) {
      return "";
    }
  }

  @PreDestroy
  void stop() {
    scheduler.shutdownNow();
  }
}
