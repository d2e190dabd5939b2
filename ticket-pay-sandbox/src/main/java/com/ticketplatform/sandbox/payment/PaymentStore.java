package com.ticketplatform.sandbox.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The provider's books, in memory (the sandbox forgets everything on restart, as a test double may). */
@Component
public class PaymentStore {

  private final Map<String, SandboxPayment> byId = new ConcurrentHashMap<>();
  private final Map<String, String> idByMerchantOrder = new ConcurrentHashMap<>();
  private final Map<String, SandboxRefund> refundsByKey = new ConcurrentHashMap<>();
  private final Clock clock;

  public PaymentStore() {
    this(Clock.systemUTC());
  }

  PaymentStore(Clock clock) {
    this.clock = clock;
  }

  /** Same merchant order → same payment (the merchant may retry); a different amount for it is a conflict. */
  public SandboxPayment create(String merchantOrderNo, BigDecimal amount, String currency, String notifyUrl) {
    String id = idByMerchantOrder.computeIfAbsent(merchantOrderNo, key -> {
      String paymentId = "pay_" + UUID.randomUUID().toString().replace("-", "");
      byId.put(paymentId, new SandboxPayment(paymentId, key, amount, currency, notifyUrl, clock.instant()));
      return paymentId;
    });
    SandboxPayment payment = byId.get(id);
    if (payment.amount().compareTo(amount) != 0 || !payment.currency().equals(currency)) {
      throw new SandboxException(HttpStatus.CONFLICT, "PAYMENT_PARAMS_MISMATCH",
          "merchant order " + merchantOrderNo + " already has a payment for another amount");
    }
    return payment;
  }

  public SandboxPayment get(String paymentId) {
    SandboxPayment payment = byId.get(paymentId);
    if (payment == null) {
      throw new SandboxException(HttpStatus.NOT_FOUND, "PAYMENT_NOT_FOUND", "no payment " + paymentId);
    }
    return payment;
  }

  /** Payments created, paid or changed since the instant, oldest first. */
  public List<SandboxPayment> since(Instant since) {
    return byId.values().stream()
        .filter(p -> since == null || !p.updatedAt().isBefore(since))
        .sorted(Comparator.comparing(p -> p.view().createdAt()))
        .toList();
  }

  /** Idempotent by key: the same key answers the first refund; the total refunded never exceeds what was paid. */
  public SandboxRefund refund(String paymentId, BigDecimal amount, String idempotencyKey) {
    SandboxRefund existing = refundsByKey.get(idempotencyKey);
    if (existing != null) {
      return sameRefundOrConflict(existing, paymentId, amount);
    }
    SandboxPayment payment = get(paymentId);
    synchronized (payment) {
      existing = refundsByKey.get(idempotencyKey);
      if (existing != null) {
        return sameRefundOrConflict(existing, paymentId, amount);
      }
      if (payment.status() != SandboxPayment.Status.PAID) {
        throw new SandboxException(HttpStatus.UNPROCESSABLE_ENTITY, "PAYMENT_NOT_PAID",
            "payment " + paymentId + " is " + payment.status());
      }
      if (amount.signum() <= 0 || amount.compareTo(payment.refundable()) > 0) {
        throw new SandboxException(HttpStatus.UNPROCESSABLE_ENTITY, "REFUND_EXCEEDS_PAYMENT",
            "refund " + amount + " exceeds the refundable " + payment.refundable());
      }
      Instant now = clock.instant();
      payment.addRefund(amount, now);
      SandboxRefund refund = new SandboxRefund("re_" + UUID.randomUUID().toString().replace("-", ""), paymentId,
          payment.merchantOrderNo(), amount, payment.currency(), idempotencyKey, "SUCCEEDED", now);
      refundsByKey.put(idempotencyKey, refund);
      return refund;
    }
  }

  public List<SandboxRefund> refundsOf(String paymentId) {
    return refundsByKey.values().stream().filter(r -> r.paymentId().equals(paymentId)).toList();
  }

  private static SandboxRefund sameRefundOrConflict(SandboxRefund existing, String paymentId, BigDecimal amount) {
    if (!existing.paymentId().equals(paymentId) || existing.amount().compareTo(amount) != 0) {
      throw new SandboxException(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED",
          "idempotency key already used for another refund");
    }
    return existing;
  }
}
