package com.ticketplatform.program.cinema;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;

/**
 * A cinema as an admin creates or updates it. {@code timeZone} is an IANA id (docs/ARCHITECTURE.md §6); left out, a
 * new cinema is in {@link #DEFAULT_TIME_ZONE} and an updated one keeps its zone.
 */
public record CinemaRequest(@NotBlank @Size(max = 128) String name, @NotBlank @Size(max = 64) String city,
    @NotBlank @Size(max = 255) String address,
    @Schema(example = DEFAULT_TIME_ZONE) @Size(max = 64) String timeZone) {

  public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

  /**
   * The requested zone's id, or null when none was sent. Only region ids java.time knows are accepted ("Europe/London",
   * "UTC"), not bare offsets, which would not follow a cinema's daylight saving.
   */
  public String timeZoneId() {
    if (timeZone == null || timeZone.isBlank()) {
      return null;
    }
    String id = timeZone.trim();
    if (!ZoneId.getAvailableZoneIds().contains(id)) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED,
          "timeZone: unknown time zone '" + id + "', expected an IANA id such as Asia/Shanghai or Europe/London");
    }
    return ZoneId.of(id).getId();
  }
}
