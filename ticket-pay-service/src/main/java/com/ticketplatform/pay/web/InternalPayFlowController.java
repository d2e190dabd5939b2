package com.ticketplatform.pay.web;

import com.ticketplatform.client.pay.OpenPayFlowRequest;
import com.ticketplatform.client.pay.OpenPayFlows;
import com.ticketplatform.client.pay.OpenedPayFlows;
import com.ticketplatform.client.pay.PayClient;
import com.ticketplatform.client.pay.PayFlowView;
import com.ticketplatform.client.pay.PaymentStartView;
import com.ticketplatform.client.pay.RefundRequest;
import com.ticketplatform.pay.flow.PayFlowService;
import com.ticketplatform.pay.refund.RefundService;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider side of {@link PayClient}: it implements the Feign interface, so its paths and records are the
 * client's by construction (the ITs call it through that interface). Not routed by the gateway.
 */
@RestController
@RequestMapping(PayClient.PATH)
public class InternalPayFlowController implements PayClient {

  private final PayFlowService flows;
  private final RefundService refunds;

  public InternalPayFlowController(PayFlowService flows, RefundService refunds) {
    this.flows = flows;
    this.refunds = refunds;
  }

  @Override
  public PayFlowView open(@Valid OpenPayFlowRequest request) {
    return flows.open(request);
  }

  @Override
  public OpenedPayFlows openAll(@Valid OpenPayFlows request) {
    return flows.openAll(request.flows());
  }

  @Override
  public PayFlowView close(long orderNo) {
    return flows.close(orderNo);
  }

  @Override
  public PaymentStartView startPayment(long orderNo) {
    return flows.startPayment(orderNo);
  }

  @Override
  public PayFlowView refund(long orderNo, @Valid RefundRequest request) {
    return refunds.refund(orderNo, request.reason());
  }

  @Override
  public PayFlowView get(long orderNo) {
    return flows.get(orderNo);
  }
}
