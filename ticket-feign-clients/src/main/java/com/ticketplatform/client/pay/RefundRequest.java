package com.ticketplatform.client.pay;

import jakarta.validation.constraints.NotBlank;

public record RefundRequest(@NotBlank String reason) {}
