package com.ticketplatform.program.cinema;

import io.swagger.v3.oas.annotations.media.Schema;

/** A cinema; {@code timeZone} is the IANA id its times are shown in (docs/ARCHITECTURE.md §6). */
public record CinemaView(long cinemaId, String name, String city, String address,
    @Schema(example = CinemaRequest.DEFAULT_TIME_ZONE) String timeZone) {

  static CinemaView of(Cinema cinema) {
    return new CinemaView(cinema.id, cinema.name, cinema.city, cinema.address, zoneOf(cinema));
  }

  /** The cinema's zone; a row read before the column existed is in the default zone. */
  public static String zoneOf(Cinema cinema) {
    return cinema.timeZone == null ? CinemaRequest.DEFAULT_TIME_ZONE : cinema.timeZone;
  }
}
