package com.ticketplatform.pay.callback;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the provider says happened to a payment, from a verified callback or from its payments list during
 * reconciliation: both go through {@link PaymentApplier}, so a repaired flow looks exactly like a called-back one.
 */
public record ProviderNotice(long orderNo, String paymentId, BigDecimal amount, String currency, boolean success,
    Instant paidAt) {}
