package com.ticketplatform.sandbox.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** Refunds settle synchronously in the sandbox: status is always SUCCEEDED once accepted. */
public record SandboxRefund(String refundId, String paymentId, String merchantOrderNo, BigDecimal amount,
    String currency, String idempotencyKey, String status, Instant createdAt) {}
