package com.ticketplatform.client.pay;

import java.math.BigDecimal;
import java.time.Instant;

/** status: OPEN, PAYING, PAID, CLOSED, REFUNDING, REFUNDED. */
public record PayFlowView(long orderNo, long userId, BigDecimal amount, String currency, String status,
    String paymentId, Instant updatedAt) {}
