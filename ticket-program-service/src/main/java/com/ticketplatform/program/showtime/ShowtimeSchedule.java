package com.ticketplatform.program.showtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * When a showtime occupies its hall: from its start until start + running time + cleaning buffer. Two showtimes of
 * one hall may not overlap; back to back (one ends exactly when the next starts) is fine.
 */
public final class ShowtimeSchedule {

  private ShowtimeSchedule() {}

  public record Slot(long showtimeId, Instant startsAt, Instant endsAt) {
    public Slot {
      if (!endsAt.isAfter(startsAt)) {
        throw new IllegalArgumentException("a slot must end after it starts");
      }
    }
  }

  public static Instant endsAt(Instant startsAt, int durationMinutes, Duration cleaningBuffer) {
    if (durationMinutes < 1) {
      throw new IllegalArgumentException("duration must be positive");
    }
    return startsAt.plus(Duration.ofMinutes(durationMinutes)).plus(cleaningBuffer);
  }

  /** Half-open intervals [start, end): touching ends do not overlap. */
  public static boolean overlaps(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd) {
    return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
  }

  /** The first existing slot the candidate collides with, ignoring the candidate's own id (for an edit). */
  public static Optional<Slot> firstConflict(Slot candidate, Collection<Slot> existing) {
    return existing.stream()
        .filter(slot -> slot.showtimeId() != candidate.showtimeId())
        .filter(slot -> overlaps(candidate.startsAt(), candidate.endsAt(), slot.startsAt(), slot.endsAt()))
        .min(java.util.Comparator.comparing(Slot::startsAt));
  }
}
