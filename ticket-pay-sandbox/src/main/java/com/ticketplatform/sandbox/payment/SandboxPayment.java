package com.ticketplatform.sandbox.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One payment at the provider. Guarded by its own monitor: the hosted page and the API may race on it. */
public final class SandboxPayment {

  public enum Status { CREATED, PAID, FAILED }

  private final String paymentId;
  private final String merchantOrderNo;
  private final BigDecimal amount;
  private final String currency;
  private final String notifyUrl;
  private final Instant createdAt;
  private Status status = Status.CREATED;
  private Instant paidAt;
  private Instant updatedAt;
  private BigDecimal refundedAmount = BigDecimal.ZERO;
  private final List<Delivery> deliveries = new ArrayList<>();

  /** One attempt to deliver a callback: which attempt, the HTTP status the merchant answered (0 = no answer). */
  public record Delivery(String eventId, int attempt, int httpStatus, Instant at) {}

  public SandboxPayment(String paymentId, String merchantOrderNo, BigDecimal amount, String currency,
      String notifyUrl, Instant now) {
    this.paymentId = paymentId;
    this.merchantOrderNo = merchantOrderNo;
    this.amount = amount;
    this.currency = currency;
    this.notifyUrl = notifyUrl;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A customer may retry on the hosted page after a decline; a paid payment stays paid. */
  public synchronized boolean complete(boolean success, Instant now) {
    if (status == Status.PAID) {
      return false;
    }
    status = success ? Status.PAID : Status.FAILED;
    paidAt = success ? now : null;
    updatedAt = now;
    return true;
  }

  public synchronized BigDecimal refundable() {
    return status == Status.PAID ? amount.subtract(refundedAmount) : BigDecimal.ZERO;
  }

  public synchronized void addRefund(BigDecimal refund, Instant now) {
    refundedAmount = refundedAmount.add(refund);
    updatedAt = now;
  }

  public synchronized void recordDelivery(Delivery delivery) {
    deliveries.add(delivery);
  }

  public synchronized PaymentView view() {
    return new PaymentView(paymentId, merchantOrderNo, amount, currency, status.name(), createdAt, paidAt,
        updatedAt, refundedAmount, List.copyOf(deliveries));
  }

  public String paymentId() {
    return paymentId;
  }

  public String merchantOrderNo() {
    return merchantOrderNo;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  public String notifyUrl() {
    return notifyUrl;
  }

  public synchronized Status status() {
    return status;
  }

  public synchronized Instant paidAt() {
    return paidAt;
  }

  public synchronized Instant updatedAt() {
    return updatedAt;
  }

  public record PaymentView(String paymentId, String merchantOrderNo, BigDecimal amount, String currency,
      String status, Instant createdAt, Instant paidAt, Instant updatedAt, BigDecimal refundedAmount,
      List<Delivery> deliveries) {}
}
