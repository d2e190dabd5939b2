package com.ticketplatform.pay;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.client.pay.PaymentStartView;
import com.ticketplatform.client.pay.RefundRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * What the admin console reads and retries in the pay service, over real HTTP with the sandbox as the provider:
 * every reconciliation run is recorded (its counts and issues, or FAILED with the provider's outage, answered 503),
 * the runs are listed newest first, and a refund the provider never confirmed is listed and sent again.
 */
class PaymentAdminIT extends PayServiceITBase {

  record Response(int status, String contentType, JsonNode body) {}

  Response admin(HttpMethod method, String uri, Object... variables) {
    return pay.method(method).uri(uri, variables).header("X-User-Id", "42").header("X-User-Roles", "ADMIN")
        .exchange((req, res) -> new Response(res.getStatusCode().value(),
            res.getHeaders().getContentType() == null ? "" : res.getHeaders().getContentType().toString(),
            readTree(res.getBody().readAllBytes())));
  }

  Response reconcileNow() {
    return admin(HttpMethod.POST, "/api/admin/payments/reconcile?since={since}",
        Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(10)).toString());
  }

  static void assertProblem(Response response, int status, String code) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().path("code").asString()).isEqualTo(code);
  }

  PaymentStartView paid(long orderNo, String amount) {
    open(orderNo, amount);
    PaymentStartView started = payClient.startPayment(orderNo);
    completeAtSandbox(started.paymentId(), "SUCCESS", null);
    awaitStatus(orderNo, "PAID");
    return started;
  }

  /** The provider goes away (its port refuses connections) while {@code during} runs, then comes back. */
  static void withProviderDown(Runnable during) {
    WebServer provider = ((WebServerApplicationContext) SANDBOX).getWebServer();
    provider.stop();
    try {
      during.run();
    } finally {
      provider.start();
    }
  }

  @Test
  void aManualRunIsRecordedWithItsCountsItsIssuesAndWhoAskedForIt() {
    long orphan = newOrderNo();
    paid(orphan, "12.00");
    ORDER_STATES.put(orphan, "MISSING");

    Response ran = reconcileNow();

    assertThat(ran.status()).isEqualTo(200);
    JsonNode run = admin(HttpMethod.GET, "/api/admin/payments/reconciliations?limit=1").body().path("items").get(0);
    assertThat(run.path("id").isString()).as("ids are strings on the wire").isTrue();
    assertThat(run.path("trigger").asString()).isEqualTo("MANUAL");
    assertThat(run.path("requestedByUserId").asString()).isEqualTo("42");
    assertThat(run.path("outcome").asString()).isEqualTo("OK");
    assertThat(run.path("error").isNull()).isTrue();
    assertThat(Instant.parse(run.path("since").asString()))
        .isEqualTo(Instant.parse(ran.body().path("since").asString()));
    assertThat(Instant.parse(run.path("finishedAt").asString()))
        .isAfterOrEqualTo(Instant.parse(run.path("startedAt").asString()));
    JsonNode counts = run.path("counts");
    for (String count : List.of("providerPayments", "alreadyConsistent", "repaired", "lateRefunded", "refundsRetried",
        "paidFlowsChecked", "paymentsReannounced", "cancelledOrdersRefunded")) {
      assertThat(counts.path(count).asInt()).as(count).isEqualTo(ran.body().path(count).asInt());
    }
    assertThat(run.path("issueCount").asInt()).isEqualTo(ran.body().path("issues").size());
    List<String> orphanIssues = new ArrayList<>();
    run.path("issues").forEach(issue -> {
      if (issue.path("orderNo").asString().equals(Long.toString(orphan))) {
        orphanIssues.add(issue.path("kind").asString());
      }
    });
    assertThat(orphanIssues).containsExactly("ORDER_MISSING");
  }

  @Test
  void aProviderOutageFailsTheRunWith503AndRecordsItFailed() {
    List<Response> answer = new ArrayList<>();

    withProviderDown(() -> answer.add(reconcileNow()));

    assertProblem(answer.get(0), 503, "PROVIDER_UNAVAILABLE");
    JsonNode run = admin(HttpMethod.GET, "/api/admin/payments/reconciliations?limit=1").body().path("items").get(0);
    assertThat(run.path("outcome").asString()).isEqualTo("FAILED");
    assertThat(run.path("trigger").asString()).isEqualTo("MANUAL");
    assertThat(run.path("counts").isNull()).as("a failed run counted nothing").isTrue();
    assertThat(run.path("issueCount").asInt()).isZero();
    assertThat(run.path("issues")).isEmpty();
    assertThat(run.path("error").asString()).startsWith("PROVIDER_UNAVAILABLE");
    assertThat(run.path("finishedAt").isNull()).isFalse();
    // the provider is back: the next run is OK again
    assertThat(reconcileNow().status()).isEqualTo(200);
    assertThat(admin(HttpMethod.GET, "/api/admin/payments/reconciliations?limit=1").body()
        .path("items").get(0).path("outcome").asString()).isEqualTo("OK");
  }

  @Test
  void runsAreListedNewestFirstAndTheLimitIsValidated() {
    reconcileNow();
    reconcileNow();

    JsonNode items = admin(HttpMethod.GET, "/api/admin/payments/reconciliations?limit=2").body().path("items");
    assertThat(items).hasSize(2);
    assertThat(Instant.parse(items.get(0).path("startedAt").asString()))
        .isAfterOrEqualTo(Instant.parse(items.get(1).path("startedAt").asString()));
    assertThat(items.get(0).path("id").asString()).isNotEqualTo(items.get(1).path("id").asString());
    assertThat(admin(HttpMethod.GET, "/api/admin/payments/reconciliations").body().path("items").size())
        .isBetween(2, 20);
    for (String limit : List.of("0", "101", "-1", "many")) {
      assertProblem(admin(HttpMethod.GET, "/api/admin/payments/reconciliations?limit=" + limit), 400,
          "VALIDATION_FAILED");
    }
    Response customer = pay.get().uri("/api/admin/payments/reconciliations").header("X-User-Id", "5")
        .header("X-User-Roles", "CUSTOMER").exchange((req, res) -> new Response(res.getStatusCode().value(),
            String.valueOf(res.getHeaders().getContentType()), readTree(res.getBody().readAllBytes())));
    assertProblem(customer, 403, "FORBIDDEN");
  }

  @Test
  void aRefundTheProviderNeverConfirmedIsListedAndSentAgainOnce() {
    long orderNo = newOrderNo();
    PaymentStartView started = paid(orderNo, "54.00");
    // the customer's refund is asked for while the provider is away: the ledger row stays REQUESTED
    withProviderDown(() -> assertThat(payClient.refund(orderNo, new RefundRequest("customer asked")).status())
        .isEqualTo("REFUNDING"));
    long refundId = jdbc.queryForObject("SELECT id FROM t_refund_" + (orderNo % 4) + " WHERE order_no = ?",
        Long.class, orderNo);

    Response unconfirmed = admin(HttpMethod.GET, "/api/admin/payments/refunds/unconfirmed?olderThanSeconds=0&limit=200");
    assertThat(unconfirmed.status()).isEqualTo(200);
    assertThat(unconfirmed.body().path("total").asLong()).isGreaterThanOrEqualTo(1);
    JsonNode listed = null;
    for (JsonNode refund : unconfirmed.body().path("items")) {
      if (refund.path("refundId").asString().equals(Long.toString(refundId))) {
        listed = refund;
      }
    }
    assertThat(listed).as("the unconfirmed refund is listed").isNotNull();
    assertThat(listed.path("orderNo").asString()).isEqualTo(Long.toString(orderNo));
    assertThat(listed.path("paymentId").asString()).isEqualTo(started.paymentId());
    assertThat(listed.path("kind").asString()).isEqualTo("CUSTOMER");
    assertThat(listed.path("status").asString()).isEqualTo("REQUESTED");
    assertThat(listed.path("amount").decimalValue()).isEqualByComparingTo("54.00");
    assertThat(listed.path("currency").asString()).isEqualTo("CNY");
    // not yet unconfirmed for an hour
    JsonNode anHour = admin(HttpMethod.GET, "/api/admin/payments/refunds/unconfirmed?olderThanSeconds=3600&limit=200")
        .body().path("items");
    anHour.forEach(r -> assertThat(r.path("refundId").asString()).isNotEqualTo(Long.toString(refundId)));

    Response retried = admin(HttpMethod.POST, "/api/admin/payments/refunds/{id}/retry", refundId);

    assertThat(retried.status()).as(retried.body().toString()).isEqualTo(202);
    assertThat(retried.body().path("refundId").asString()).isEqualTo(Long.toString(refundId));
    assertThat(retried.body().path("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(payClient.get(orderNo).status()).isEqualTo("REFUNDED");
    assertThat(settledEvents(orderNo, "PaymentRefunded")).hasSize(1);

    Response again = admin(HttpMethod.POST, "/api/admin/payments/refunds/{id}/retry", refundId);
    assertProblem(again, 409, "REFUND_NOT_RETRYABLE");
    assertThat(again.body().path("status").asString()).isEqualTo("SUCCEEDED");
    JsonNode providerRefunds = sandbox.get().uri("/sandbox/payments/{id}/refunds", started.paymentId())
        .retrieve().body(JsonNode.class);
    assertThat(providerRefunds).as("paid back once").hasSize(1);
  }

  @Test
  void aRetryOfNoSuchRefundIsNotFoundAndTheListIsValidated() {
    assertProblem(admin(HttpMethod.POST, "/api/admin/payments/refunds/{id}/retry", newOrderNo()), 404, "NOT_FOUND");
    for (String query : List.of("limit=0", "limit=201", "olderThanSeconds=-1", "olderThanSeconds=7776001",
        "limit=x")) {
      assertProblem(admin(HttpMethod.GET, "/api/admin/payments/refunds/unconfirmed?" + query), 400,
          "VALIDATION_FAILED");
    }
    assertThat(admin(HttpMethod.GET, "/api/admin/payments/refunds/unconfirmed").status()).isEqualTo(200);
  }

  @Test
  void theParkedOutboxRowsOfThePayServiceAreReachableUnderItsAdminPrefix() {
    Response parked = admin(HttpMethod.GET, "/api/admin/payments/outbox/parked?limit=5");
    assertThat(parked.status()).isEqualTo(200);
    assertThat(parked.body().has("total")).isTrue();
    assertThat(parked.body().path("items").isArray()).isTrue();
    assertProblem(admin(HttpMethod.POST, "/api/admin/payments/outbox/parked/{id}/retry", newOrderNo()), 404,
        "NOT_FOUND");
  }
}
