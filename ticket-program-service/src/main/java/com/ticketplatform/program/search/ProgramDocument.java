package com.ticketplatform.program.search;

import java.time.Instant;
import java.util.List;

/**
 * What the index holds per program, rebuilt from MySQL whenever the program or anything shown with it changes.
 * {@code showtimes} lists upcoming bookable showtimes (nested, so a city filter can also check that the showtime there
 * has not started yet); {@code cities} and {@code cinemas} are their distinct places, for facets.
 */
public record ProgramDocument(long programId, String title, String description, List<String> cast, String category,
    int durationMinutes, String rating, String posterUrl, List<String> cities, List<String> cinemas,
    List<Showing> showtimes, Instant nextShowtime, long version) {

  public record Showing(long showtimeId, Instant startsAt, long cinemaId, String cinemaName, String city) {}
}
