package com.ticketplatform.order.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Holds (orders placed: seats locked) in the period and what became of them. {@code paid} counts every order that was
 * paid, refunded later or not; {@code conversion} = paid / holds and {@code settledConversion} = paid / (holds still
 * not pending), both 0 when there is nothing to divide. {@code cancelledByReason} splits the cancelled ones.
 */
public record ConversionReport(LocalDate from, LocalDate to, long holds, long paid, long refunded, long cancelled,
    long pending, BigDecimal conversion, BigDecimal settledConversion, Map<String, Long> cancelledByReason) {}
