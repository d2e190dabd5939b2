package com.ticketplatform.program.search;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One search result. {@code highlights} maps a matched field (title, description) to fragments with the matches in
 * {@code <em>}; empty when nothing was highlighted or when search answered from MySQL.
 */
public record ProgramHit(long programId, String title, String category, int durationMinutes, String rating,
    String posterUrl, @Schema(nullable = true) Instant nextShowtime, List<String> cities,
    Map<String, List<String>> highlights) {}
