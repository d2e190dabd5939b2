package com.ticketplatform.program.cinema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CinemaRequest(@NotBlank @Size(max = 128) String name, @NotBlank @Size(max = 64) String city,
    @NotBlank @Size(max = 255) String address) {}
