package com.ticketplatform.client.pay;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The pay service's internal contract (not routed by the gateway), implemented by its
 * {@code InternalPayFlowController}. Every call is idempotent by order number, so a saga step or a compensation may
 * be retried or may arrive for a flow that was never opened.
 */
@FeignClient(name = "ticket-pay-service", contextId = "payClient", path = PayClient.PATH)
public interface PayClient {

  String PATH = "/internal/pay-flows";

  /** Records the amount expected for an order. Repeating it with the same amount returns the same flow. */
  @PostMapping
  PayFlowView open(@RequestBody OpenPayFlowRequest request);

  /**
   * Opens many flows in one call, each as {@link #open} would: what the place-order sagas running at the same time ask
   * for is sent together (docs/ARCHITECTURE.md §2), one request and a few statements for the lot.
   */
  @PostMapping("/batch")
  OpenedPayFlows openAll(@RequestBody OpenPayFlows request);

  /** Closes an unpaid flow (order cancelled or expired). A no-op when absent or already closed. */
  @PostMapping("/{orderNo}/close")
  PayFlowView close(@PathVariable("orderNo") long orderNo);

  /** Starts payment at the provider; returns where the customer pays. */
  @PostMapping("/{orderNo}/payment")
  PaymentStartView startPayment(@PathVariable("orderNo") long orderNo);

  /** Refunds a paid flow in full at the provider, recorded in the ledger. */
  @PostMapping("/{orderNo}/refund")
  PayFlowView refund(@PathVariable("orderNo") long orderNo, @RequestBody RefundRequest request);

  @GetMapping("/{orderNo}")
  PayFlowView get(@PathVariable("orderNo") long orderNo);
}
