package com.ticketplatform.client.pay;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code currency}: an ISO 4217 code, the three letters the ledger keeps. */
public record OpenPayFlowRequest(@Positive long orderNo, @Positive long userId,
    @NotNull @DecimalMin("0.01") BigDecimal amount, @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
    @NotNull Instant expiresAt) {}
