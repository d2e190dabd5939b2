package com.ticketplatform.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import tools.jackson.databind.JsonNode;
import com.ticketplatform.client.pay.OpenPayFlowRequest;
import com.ticketplatform.client.pay.OpenPayFlows;
import com.ticketplatform.client.pay.OpenedPayFlows;
import com.ticketplatform.client.pay.PayFlowView;
import com.ticketplatform.client.pay.PaymentStartView;
import com.ticketplatform.client.pay.RefundRequest;
import feign.FeignException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The internal contract, driven through the PayClient Feign interface, plus the provider round trips behind it. */
class PayFlowIT extends PayServiceITBase {

  @Test
  void openIsIdempotentByOrderNoAndRefusesAnotherAmount() {
    long orderNo = newOrderNo();
    PayFlowView first = open(orderNo, "120.50");
    PayFlowView again = open(orderNo, "120.5");
    assertThat(first.status()).isEqualTo("OPEN");
    assertThat(first.amount()).isEqualByComparingTo("120.50");
    assertThat(again.orderNo()).isEqualTo(orderNo);
    assertThat(again.status()).isEqualTo("OPEN");
    assertThatThrownBy(() -> open(orderNo, "99.00")).isInstanceOfSatisfying(FeignException.class,
        e -> assertThat(e.status()).isEqualTo(409));
    // the flow sits in the table its order number routes to
    assertThat(count("SELECT COUNT(*) FROM t_pay_flow_" + (orderNo % 4) + " WHERE order_no = ?", orderNo))
        .isEqualTo(1);
    assertThatThrownBy(() -> payClient.get(newOrderNo())).isInstanceOfSatisfying(FeignException.class,
        e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void manyFlowsOpenInOneCallEachAsASingleOpenWould() {
    long fresh = newOrderNo();
    long again = newOrderNo();
    long tombstone = newOrderNo();
    long otherAmount = newOrderNo();
    open(again, "20.00");
    payClient.close(tombstone);
    open(otherAmount, "20.00");

    OpenedPayFlows answer = payClient.openAll(new OpenPayFlows(List.of(request(fresh, "10.00"),
        request(again, "20.00"), request(tombstone, "30.00"), request(otherAmount, "99.00"))));

    assertThat(answer.opened()).extracting(PayFlowView::orderNo).containsExactlyInAnyOrder(fresh, again);
    assertThat(answer.opened()).allSatisfy(flow -> assertThat(flow.status()).isEqualTo("OPEN"));
    assertThat(answer.refused()).extracting(OpenedPayFlows.Refused::orderNo, OpenedPayFlows.Refused::code)
        .containsExactlyInAnyOrder(tuple(tombstone, "PAY_FLOW_CLOSED"), tuple(otherAmount, "PAY_FLOW_AMOUNT_CONFLICT"));
    // what a fresh open answers is what the ledger holds, in the table its order number routes to
    assertThat(answer.opened().stream().filter(flow -> flow.orderNo() == fresh).findFirst().orElseThrow())
        .isEqualTo(payClient.get(fresh));
    assertThat(count("SELECT COUNT(*) FROM t_pay_flow_" + (fresh % 4) + " WHERE order_no = ?", fresh)).isEqualTo(1);
    assertThat(payClient.get(tombstone).status()).isEqualTo("CLOSED");
    assertThat(payClient.get(otherAmount).amount()).isEqualByComparingTo("20.00");
    // and all new in one call: every one opened
    List<OpenPayFlowRequest> allNew = List.of(request(newOrderNo(), "11.00"), request(newOrderNo(), "12.00"));
    assertThat(payClient.openAll(new OpenPayFlows(allNew)).opened()).hasSize(2);

    for (List<OpenPayFlowRequest> bad : List.of(List.<OpenPayFlowRequest>of(),
        Collections.nCopies(OpenPayFlows.MAX_FLOWS + 1, request(newOrderNo(), "1.00")))) {
      assertThatThrownBy(() -> payClient.openAll(new OpenPayFlows(bad)))
          .isInstanceOfSatisfying(FeignException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
  }

  private static OpenPayFlowRequest request(long orderNo, String amount) {
    return new OpenPayFlowRequest(orderNo, 7, new BigDecimal(amount), "CNY", Instant.now().plusSeconds(900));
  }

  @Test
  void closeIsANoOpWhenAbsentOrClosedAndATombstoneStopsALateOpen() {
    long orderNo = newOrderNo();
    open(orderNo, "30.00");
    assertThat(payClient.close(orderNo).status()).isEqualTo("CLOSED");
    assertThat(payClient.close(orderNo).status()).isEqualTo("CLOSED");

    long neverOpened = newOrderNo();
    assertThat(payClient.close(neverOpened).status()).isEqualTo("CLOSED");
    // the saga's forward step arriving after its own compensation must not resurrect the flow
    assertThatThrownBy(() -> open(neverOpened, "30.00")).isInstanceOfSatisfying(FeignException.class,
        e -> assertThat(e.status()).isEqualTo(409));
    assertThatThrownBy(() -> payClient.startPayment(orderNo)).isInstanceOfSatisfying(FeignException.class,
        e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void startPaymentCreatesOneProviderPaymentAndRepeatsIt() {
    long orderNo = newOrderNo();
    open(orderNo, "45.00");
    PaymentStartView started = payClient.startPayment(orderNo);
    PaymentStartView repeated = payClient.startPayment(orderNo);
    assertThat(started.paymentId()).startsWith("pay_");
    assertThat(started.payUrl()).isEqualTo(SANDBOX_URL + "/sandbox/pay/" + started.paymentId());
    assertThat(repeated).isEqualTo(started);
    PayFlowView flow = payClient.get(orderNo);
    assertThat(flow.status()).isEqualTo("PAYING");
    assertThat(flow.paymentId()).isEqualTo(started.paymentId());
    JsonNode atProvider = sandboxPayment(started.paymentId());
    assertThat(atProvider.path("merchantOrderNo").asText()).isEqualTo(String.valueOf(orderNo));
    assertThat(new BigDecimal(atProvider.path("amount").asText())).isEqualByComparingTo("45.00");
    // the hosted page exists
    String page = sandbox.get().uri("/sandbox/pay/{id}", started.paymentId()).retrieve().body(String.class);
    assertThat(page).contains("Pay").contains(String.valueOf(orderNo));
  }

  @Test
  void aPaidFlowIsNotClosedButRefundedThroughTheProvider() {
    long orderNo = newOrderNo();
    open(orderNo, "88.00");
    PaymentStartView started = payClient.startPayment(orderNo);
    completeAtSandbox(started.paymentId(), "SUCCESS", null);
    awaitStatus(orderNo, "PAID");

    assertThat(payClient.close(orderNo).status()).isEqualTo("PAID");
    assertThatThrownBy(() -> payClient.startPayment(orderNo)).isInstanceOfSatisfying(FeignException.class,
        e -> assertThat(e.status()).isEqualTo(409));

    PayFlowView refunded = payClient.refund(orderNo, new RefundRequest("customer asked"));
    assertThat(refunded.status()).isEqualTo("REFUNDED");
    assertThat(payClient.refund(orderNo, new RefundRequest("customer asked")).status()).isEqualTo("REFUNDED");

    JsonNode providerRefunds = sandbox.get().uri("/sandbox/payments/{id}/refunds", started.paymentId())
        .retrieve().body(JsonNode.class);
    assertThat(providerRefunds).hasSize(1);
    assertThat(new BigDecimal(providerRefunds.get(0).path("amount").asText())).isEqualByComparingTo("88.00");
    assertThat(count("SELECT COUNT(*) FROM t_refund_" + (orderNo % 4)
        + " WHERE order_no = ? AND kind = 'CUSTOMER' AND status = 'SUCCEEDED'", orderNo)).isEqualTo(1);
    assertThat(settledEvents(orderNo, "PaymentRefunded")).hasSize(1)
        .first().satisfies(e -> assertThat(e.path("payload").path("paymentId").asText())
            .isEqualTo(started.paymentId()));
  }

  @Test
  void refundOfAnUnpaidFlowIsRefused() {
    long orderNo = newOrderNo();
    open(orderNo, "10.00");
    assertThatThrownBy(() -> payClient.refund(orderNo, new RefundRequest("why not")))
        .isInstanceOfSatisfying(FeignException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void aDeclineReopensTheFlowAndTheCustomerMayPayAgain() {
    long orderNo = newOrderNo();
    open(orderNo, "25.00");
    PaymentStartView started = payClient.startPayment(orderNo);
    completeAtSandbox(started.paymentId(), "FAILURE", "duplicates=1");
    await().atMost(Duration.ofSeconds(20)).until(() -> events(orderNo, "PaymentFailed").size() == 1);
    assertThat(payClient.get(orderNo).status()).isEqualTo("OPEN");

    assertThat(payClient.startPayment(orderNo).paymentId()).isEqualTo(started.paymentId());
    completeAtSandbox(started.paymentId(), "SUCCESS", null);
    awaitStatus(orderNo, "PAID");
    assertThat(settledEvents(orderNo, "PaymentFailed")).hasSize(1);
    assertThat(settledEvents(orderNo, "PaymentSucceeded")).hasSize(1);
  }
}
