package com.ticketplatform.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import tools.jackson.databind.JsonNode;
import com.ticketplatform.client.order.OrderClient;
import com.ticketplatform.client.pay.PayFlowView;
import com.ticketplatform.client.pay.PaymentStartView;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The provider's callbacks over real signed HTTP: exactly-once application, rejections, late money, repair. */
class PaymentCallbackIT extends PayServiceITBase {

  @Autowired MeterRegistry meters;

  private double callbacks(String outcome) {
    return meters.counter("ticket.pay.callbacks", "outcome", outcome).count();
  }

  private String callbackLogOutcomes(long orderNo) {
    return String.join(",", jdbc.queryForList(
        "SELECT outcome FROM t_callback_log WHERE order_no = ? ORDER BY id", String.class, orderNo));
  }

  private PaymentStartView openAndStart(long orderNo, String amount) {
    open(orderNo, amount);
    return payClient.startPayment(orderNo);
  }

  @Test
  void aPaidCallbackMarksTheFlowPaidAndPublishesPaymentSucceeded() {
    long orderNo = newOrderNo();
    PaymentStartView started = openAndStart(orderNo, "66.60");
    completeAtSandbox(started.paymentId(), "SUCCESS", null);

    PayFlowView paid = awaitStatus(orderNo, "PAID");
    assertThat(paid.paymentId()).isEqualTo(started.paymentId());
    List<JsonNode> events = settledEvents(orderNo, "PaymentSucceeded");
    assertThat(events).hasSize(1);
    JsonNode event = events.get(0);
    assertThat(event.path("aggregateId").asText()).isEqualTo(String.valueOf(orderNo));
    assertThat(event.path("id").asText()).isNotBlank();
    assertThat(event.path("payload").path("orderNo").asLong()).isEqualTo(orderNo);
    assertThat(event.path("payload").path("paymentId").asText()).isEqualTo(started.paymentId());
    assertThat(new BigDecimal(event.path("payload").path("amount").asText())).isEqualByComparingTo("66.60");
    assertThat(event.path("payload").path("currency").asText()).isEqualTo("CNY");
    assertThat(callbackLogOutcomes(orderNo)).isEqualTo("ok");
    // the provider got its 2xx on the first try
    await().atMost(Duration.ofSeconds(5)).until(() -> sandboxPayment(started.paymentId()).path("deliveries").size() == 1);
    assertThat(sandboxPayment(started.paymentId()).path("deliveries").get(0).path("httpStatus").asInt())
        .isEqualTo(200);
  }

  @Test
  void duplicateCallbacksPublishOneEvent() {
    long orderNo = newOrderNo();
    PaymentStartView started = openAndStart(orderNo, "12.00");
    completeAtSandbox(started.paymentId(), "SUCCESS", "duplicates=3");

    awaitStatus(orderNo, "PAID");
    await().atMost(Duration.ofSeconds(20)).until(() -> count(
        "SELECT COUNT(*) FROM t_callback_log WHERE order_no = ?", orderNo) == 4);
    assertThat(callbackLogOutcomes(orderNo).split(",")).containsExactlyInAnyOrder("ok", "replay", "replay",
        "replay");
    assertThat(settledEvents(orderNo, "PaymentSucceeded")).hasSize(1);
  }

  @Test
  void aReplayOfAnAppliedCallbackIsAcknowledgedWithoutEffect() {
    long orderNo = newOrderNo();
    PaymentStartView started = openAndStart(orderNo, "30.00");
    completeAtSandbox(started.paymentId(), "SUCCESS", null);
    awaitStatus(orderNo, "PAID");
    double replaysBefore = callbacks("replay");

    // the provider re-sends it (dashboard "resend")...
    sandbox.post().uri("/sandbox/pay/{id}/resend", started.paymentId()).retrieve().toBodilessEntity();
    await().atMost(Duration.ofSeconds(10)).until(() -> count(
        "SELECT COUNT(*) FROM t_callback_log WHERE order_no = ?", orderNo) == 2);
    // ...and someone replays a genuine callback within the window
    String body = callbackBody(orderNo, started.paymentId(), "30.00", "CNY", "SUCCESS");
    Answer answer = postCallback(body, signNow(body));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("result").asText()).isEqualTo("already applied");

    assertThat(callbackLogOutcomes(orderNo)).isEqualTo("ok,replay,replay");
    assertThat(callbacks("replay") - replaysBefore).isGreaterThanOrEqualTo(2);
    assertThat(settledEvents(orderNo, "PaymentSucceeded")).hasSize(1);
  }

  @Test
  void aForgedCallbackIsRejectedAndRecorded() {
    long orderNo = newOrderNo();
    PaymentStartView started = openAndStart(orderNo, "50.00");
    double forgedBefore = callbacks("forged");
    String body = callbackBody(orderNo, started.paymentId(), "50.00", "CNY", "SUCCESS");
    long now = Instant.now().getEpochSecond();
    String forged = new com.ticketplatform.sandbox.signing.CallbackSigner("guessed-secret").signatureHeader(now, body);

    Answer answer = postCallback(body, forged);
    Answer unsigned = postCallback(body, null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().path("code").asText()).isEqualTo("BAD_SIGNATURE");
    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(payClient.get(orderNo).status()).isEqualTo("PAYING");
    assertThat(callbacks("forged") - forgedBefore).isEqualTo(2);
    // not attributed to the order (the body is not trusted), but kept with its raw body
    assertThat(count("SELECT COUNT(*) FROM t_callback_log WHERE outcome = 'forged' AND signature_valid = 0"
        + " AND raw_body = ?", body)).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM t_outbox WHERE record_key = ?", String.valueOf(orderNo))).isZero();
  }

  @Test
  void aStaleCallbackIsRejected() {
    long orderNo = newOrderNo();
    PaymentStartView started = openAndStart(orderNo, "50.00");
    String body = callbackBody(orderNo, started.paymentId(), "50.00", "CNY", "SUCCESS");
    String stale = PROVIDER_SIGNER.signatureHeader(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond(), body);

    Answer answer = postCallback(body, stale);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("code").asText()).isEqualTo("STALE_CALLBACK");
    assertThat(payClient.get(orderNo).status()).isEqualTo("PAYING");
    assertThat(count("SELECT COUNT(*) FROM t_callback_log WHERE outcome = 'stale' AND raw_body = ?", body))
        .isEqualTo(1);
  }

  @Test
  void anUnderpaidOrWrongCurrencyCallbackIsNotPaidAndFlaggedForReview() {
    long orderNo = newOrderNo();
    PaymentStartView started = openAndStart(orderNo, "80.00");
    String underpaid = callbackBody(orderNo, started.paymentId(), "8.00", "CNY", "SUCCESS");
    String wrongCurrency = callbackBody(orderNo, started.paymentId(), "80.00", "USD", "SUCCESS");

    Answer first = postCallback(underpaid, signNow(underpaid));
    Answer second = postCallback(wrongCurrency, signNow(wrongCurrency));

    assertThat(first.status()).isEqualTo(400);
    assertThat(first.body().path("code").asText()).isEqualTo("AMOUNT_MISMATCH");
    assertThat(second.status()).isEqualTo(400);
    assertThat(payClient.get(orderNo).status()).isEqualTo("PAYING");
    assertThat(jdbc.queryForObject("SELECT review_reason FROM t_pay_flow_" + (orderNo % 4) + " WHERE order_no = ?",
        String.class, orderNo)).contains("8.00");
    assertThat(callbackLogOutcomes(orderNo)).isEqualTo("amount_mismatch,amount_mismatch");
    assertThat(count("SELECT COUNT(*) FROM t_outbox WHERE record_key = ?", String.valueOf(orderNo))).isZero();
  }

  @Test
  void aCallbackForAnUnknownOrderIs404() {
    long orderNo = newOrderNo();
    String body = callbackBody(orderNo, "pay_nobody", "1.00", "CNY", "SUCCESS");
    Answer answer = postCallback(body, signNow(body));
    assertThat(answer.status()).isEqualTo(404);
    assertThat(callbackLogOutcomes(orderNo)).isEqualTo("unknown_order");
  }

  @Test
  void moneyArrivingAfterTheFlowClosedIsRefundedNotKept() {
    long orderNo = newOrderNo();
    PaymentStartView started = openAndStart(orderNo, "99.00");
    assertThat(payClient.close(orderNo).status()).isEqualTo("CLOSED");
    double lateBefore = callbacks("late_refunded");

    // the customer still had the pay page open and paid; the provider calls back twice
    completeAtSandbox(started.paymentId(), "SUCCESS", "duplicates=1");

    await().atMost(Duration.ofSeconds(20)).until(() -> count(
        "SELECT COUNT(*) FROM t_callback_log WHERE order_no = ?", orderNo) == 2);
    assertThat(callbackLogOutcomes(orderNo).split(",")).containsExactlyInAnyOrder("late_refunded", "replay");
    assertThat(callbacks("late_refunded") - lateBefore).isEqualTo(1);
    JsonNode providerRefunds = sandbox.get().uri("/sandbox/payments/{id}/refunds", started.paymentId())
        .retrieve().body(JsonNode.class);
    assertThat(providerRefunds).hasSize(1);
    assertThat(new BigDecimal(providerRefunds.get(0).path("amount").asText())).isEqualByComparingTo("99.00");
    assertThat(count("SELECT COUNT(*) FROM t_refund_" + (orderNo % 4) + " WHERE order_no = ? AND payment_id = ?"
        + " AND kind = 'LATE_PAYMENT' AND status = 'SUCCEEDED'", orderNo, started.paymentId())).isEqualTo(1);
    assertThat(payClient.get(orderNo).status()).isEqualTo("CLOSED");
    assertThat(count("SELECT COUNT(*) FROM t_outbox WHERE record_key = ? AND event_type = 'PaymentSucceeded'",
        String.valueOf(orderNo))).isZero();
    // the provider was answered 2xx both times (no retry storm)
    JsonNode deliveries = sandboxPayment(started.paymentId()).path("deliveries");
    assertThat(deliveries).hasSize(2);
    deliveries.forEach(d -> assertThat(d.path("httpStatus").asInt()).isEqualTo(200));
  }

  @Test
  void reconciliationRepairsAPaymentWhoseCallbackNeverArrived() {
    long orderNo = newOrderNo();
    PaymentStartView started = openAndStart(orderNo, "42.00");
    completeAtSandbox(started.paymentId(), "SUCCESS", "silent=true");
    assertThat(sandboxPayment(started.paymentId()).path("status").asText()).isEqualTo("PAID");
    assertThat(payClient.get(orderNo).status()).isEqualTo("PAYING");

    Answer forbidden = pay.post().uri("/api/admin/payments/reconcile").header("X-User-Id", "5")
        .header("X-User-Roles", "CUSTOMER")
        .exchange((req, res) -> new Answer(res.getStatusCode().value(), readTree(res.getBody().readAllBytes())));
    assertThat(forbidden.status()).isEqualTo(403);

    JsonNode report = pay.post().uri("/api/admin/payments/reconcile?since={since}",
            Instant.now().minus(Duration.ofMinutes(10)).toString())
        .header("X-User-Id", "1").header("X-User-Roles", "CUSTOMER,ADMIN")
        .retrieve().body(JsonNode.class);

    assertThat(report.path("repaired").asInt()).isGreaterThanOrEqualTo(1);
    PayFlowView repaired = payClient.get(orderNo);
    assertThat(repaired.status()).isEqualTo("PAID");
    assertThat(repaired.paymentId()).isEqualTo(started.paymentId());
    assertThat(settledEvents(orderNo, "PaymentSucceeded")).hasSize(1);

    // a second run finds nothing left to repair for this order
    pay.post().uri("/api/admin/payments/reconcile").header("X-User-Id", "1").header("X-User-Roles", "ADMIN")
        .retrieve().toBodilessEntity();
    assertThat(settledEvents(orderNo, "PaymentSucceeded")).hasSize(1);
  }

  @Test
  void reconciliationGivesEveryKeptPaymentItsTicketOrItsRefund() {
    // paid here, but the order service never applied it (its event was lost): the order still waits
    long waiting = newOrderNo();
    completeAtSandbox(openAndStart(waiting, "30.00").paymentId(), "SUCCESS", null);
    awaitStatus(waiting, "PAID");
    ORDER_STATES.put(waiting, "PENDING_PAYMENT");
    // paid here, while the order service cancelled the order without a refund
    long cancelled = newOrderNo();
    completeAtSandbox(openAndStart(cancelled, "31.00").paymentId(), "SUCCESS", null);
    awaitStatus(cancelled, "PAID");
    ORDER_STATES.put(cancelled, "CANCELLED");
    // paid here, and the order service knows no such order
    long orphan = newOrderNo();
    completeAtSandbox(openAndStart(orphan, "32.00").paymentId(), "SUCCESS", null);
    awaitStatus(orphan, "PAID");
    ORDER_STATES.put(orphan, "MISSING");
    double reannounced = meters.counter("ticket.pay.reconcile.orders.repaired", "action", "reannounced").count();
    int queriesBefore = STATE_QUERIES.get();

    JsonNode report = reconcileLastTenMinutes();

    assertThat(report.path("paidFlowsChecked").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(report.path("paymentsReannounced").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(report.path("cancelledOrdersRefunded").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(meters.counter("ticket.pay.reconcile.orders.repaired", "action", "reannounced").count())
        .isGreaterThan(reannounced);
    // the waiting order hears of its payment again; the cancelled one's money goes back; the orphan needs a human
    assertThat(settledEvents(waiting, "PaymentSucceeded")).hasSize(2);
    assertThat(awaitStatus(cancelled, "REFUNDED").status()).isEqualTo("REFUNDED");
    assertThat(payClient.get(waiting).status()).isEqualTo("PAID");
    List<String> orphanIssues = new ArrayList<>();
    report.path("issues").forEach(i -> {
      if (i.path("orderNo").asLong() == orphan) {
        orphanIssues.add(i.path("kind").asText());
      }
    });
    assertThat(orphanIssues).containsExactly("ORDER_MISSING");
    // the order service is asked about the paid flows in batches, not once per flow
    int missing = 0;
    for (JsonNode issue : report.path("issues")) {
      missing += "ORDER_MISSING".equals(issue.path("kind").asText()) ? 1 : 0;
    }
    int asked = report.path("paidFlowsChecked").asInt() + missing;
    assertThat(STATE_QUERIES.get() - queriesBefore)
        .isEqualTo((asked + OrderClient.MAX_STATES - 1) / OrderClient.MAX_STATES);
  }

  @Test
  void whenTheOrderServiceCannotAnswerInBulkEachOrderIsAskedOnItsOwn() {
    long waiting = newOrderNo();
    completeAtSandbox(openAndStart(waiting, "33.00").paymentId(), "SUCCESS", null);
    awaitStatus(waiting, "PAID");
    ORDER_STATES.put(waiting, "PENDING_PAYMENT");
    STATES_BROKEN.set(true);
    try {
      JsonNode report = reconcileLastTenMinutes();
      assertThat(report.path("paidFlowsChecked").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(settledEvents(waiting, "PaymentSucceeded")).hasSize(2);
    } finally {
      STATES_BROKEN.set(false);
    }
  }

  /** An admin's reconciliation run over the last ten minutes; its report. */
  private JsonNode reconcileLastTenMinutes() {
    return pay.post().uri("/api/admin/payments/reconcile?since={since}",
            Instant.now().minus(Duration.ofMinutes(10)).toString())
        .header("X-User-Id", "1").header("X-User-Roles", "ADMIN")
        .retrieve().body(JsonNode.class);
  }

  @Test
  void twentySimultaneousIdenticalCallbacksApplyExactlyOnce() throws Exception {
    long orderNo = newOrderNo();
    PaymentStartView started = openAndStart(orderNo, "77.70");
    completeAtSandbox(started.paymentId(), "SUCCESS", "silent=true");
    String body = callbackBody(orderNo, started.paymentId(), "77.70", "CNY", "SUCCESS");
    String signature = signNow(body);
    double okBefore = callbacks("ok");

    int callers = 20;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Answer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < callers; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return postCallback(body, signature);
        }));
      }
      go.countDown();
      List<String> results = new ArrayList<>();
      for (Future<Answer> f : answers) {
        Answer a = f.get();
        assertThat(a.status()).isEqualTo(200);
        results.add(a.body().path("result").asText());
      }
      assertThat(results).filteredOn("applied"::equals).hasSize(1);
      assertThat(results).filteredOn("already applied"::equals).hasSize(callers - 1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(callbacks("ok") - okBefore).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM t_outbox WHERE record_key = ? AND event_type = 'PaymentSucceeded'",
        String.valueOf(orderNo))).isEqualTo(1);
    assertThat(settledEvents(orderNo, "PaymentSucceeded")).hasSize(1);
    assertThat(payClient.get(orderNo).status()).isEqualTo("PAID");
  }

  @Test
  void theCallbackCounterIsExportedToPrometheus() {
    String scrape = pay.get().uri("/actuator/prometheus").retrieve().body(String.class);
    assertThat(scrape).contains("ticket_pay_callbacks_total{").contains("outcome=\"ok\"");
  }
}
