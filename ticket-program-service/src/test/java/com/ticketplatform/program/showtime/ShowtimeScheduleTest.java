package com.ticketplatform.program.showtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShowtimeScheduleTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void endIsStartPlusRunningTimePlusCleaningBuffer() {
    assertThat(ShowtimeSchedule.endsAt(T0, 120, Duration.ofMinutes(20))).isEqualTo(T0.plusSeconds(140 * 60));
  }

  @Test
  void overlappingSlotsConflictBackToBackDoNot() {
    ShowtimeSchedule.Slot existing = slot(1, 0, 140);
    assertThat(ShowtimeSchedule.firstConflict(slot(2, 139, 200), List.of(existing))).contains(existing);
    assertThat(ShowtimeSchedule.firstConflict(slot(2, -30, 1), List.of(existing))).contains(existing);
    assertThat(ShowtimeSchedule.firstConflict(slot(2, 10, 20), List.of(existing))).contains(existing);
    assertThat(ShowtimeSchedule.firstConflict(slot(2, -60, 300), List.of(existing))).contains(existing);
    assertThat(ShowtimeSchedule.firstConflict(slot(2, 140, 260), List.of(existing))).isEmpty();
    assertThat(ShowtimeSchedule.firstConflict(slot(2, -100, 0), List.of(existing))).isEmpty();
  }

  @Test
  void anEditDoesNotConflictWithItselfAndReportsTheEarliestConflict() {
    ShowtimeSchedule.Slot early = slot(1, 0, 100);
    ShowtimeSchedule.Slot late = slot(3, 100, 200);
    assertThat(ShowtimeSchedule.firstConflict(slot(1, 10, 90), List.of(early))).isEmpty();
    assertThat(ShowtimeSchedule.firstConflict(slot(2, 50, 150), List.of(late, early))).contains(early);
  }

  private static ShowtimeSchedule.Slot slot(long id, int fromMinute, int toMinute) {
    return new ShowtimeSchedule.Slot(id, T0.plusSeconds(fromMinute * 60L), T0.plusSeconds(toMinute * 60L));
  }
}
