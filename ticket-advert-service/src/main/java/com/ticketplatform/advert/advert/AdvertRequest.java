package com.ticketplatform.advert.advert;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * An advert as an administrator writes it. Field-level rules are annotations; rules across fields (window order,
 * URL schemes, known placement) are checked by {@link AdvertRules}.
 */
public record AdvertRequest(
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 1000) String imageUrl,
    @NotBlank @Size(max = 1000) String linkUrl,
    @NotBlank String placement,
    @NotNull Instant startsAt,
    @NotNull Instant endsAt,
    @NotNull @Min(0) @Max(1000) Integer priority,
    @NotNull @Min(1) @Max(100) Integer weight,
    @Size(max = 20) List<@NotBlank @Size(max = 32) String> categories,
    @Size(max = 100) List<@NotNull Long> cinemaIds,
    @Min(1) @Max(1000) Integer dailyCap) {}
