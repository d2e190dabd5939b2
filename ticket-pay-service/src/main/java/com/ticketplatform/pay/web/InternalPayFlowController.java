package com.ticketplatform.pay.web;

import com.ticketplatform.client.pay.OpenPayFlowRequest;
import com.ticketplatform.client.pay.PayFlowView;
import com.ticketplatform.client.pay.PaymentStartView;
import com.ticketplatform.client.pay.RefundRequest;
import com.ticketplatform.pay.flow.PayFlowService;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Implements {@code com.ticketplatform.client.pay.PayClient} (paths and records); the ITs call it through that Feign
 * interface. Not routed by the gateway.
 */
@RestController
@RequestMapping("/internal/pay-flows")
public class InternalPayFlowController {

  private final PayFlowService flows;

  public InternalPayFlowController(PayFlowService flows) {
    this.flows = flows;
  }

  @PostMapping
  public PayFlowView open(@Valid @RequestBody OpenPayFlowRequest request) {
    return flows.open(request);
  }

  @PostMapping("/{orderNo}/close")
  public PayFlowView close(@PathVariable("orderNo") long orderNo) {
    return flows.close(orderNo);
  }

  @PostMapping("/{orderNo}/payment")
  public PaymentStartView startPayment(@PathVariable("orderNo") long orderNo) {
    return flows.startPayment(orderNo);
  }

  @PostMapping("/{orderNo}/refund")
  public PayFlowView refund(@PathVariable("orderNo") long orderNo, @Valid @RequestBody RefundRequest request) {
    return flows.refund(orderNo, request.reason());
  }

  @GetMapping("/{orderNo}")
  public PayFlowView get(@PathVariable("orderNo") long orderNo) {
    return flows.get(orderNo);
  }
}
