package com.ticketplatform.order.web;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

public record PlaceOrderRequest(@NotNull @Positive Long showtimeId, @NotEmpty List<@NotNull @Positive Long> seatIds) {}
