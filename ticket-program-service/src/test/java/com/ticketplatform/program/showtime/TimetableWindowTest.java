package com.ticketplatform.program.showtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.error.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimetableWindowTest {

  private static final Instant NOW = Instant.parse("2026-03-10T08:15:30.250Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void withoutBoundsTheWindowIsTheClocksNowAndAWeek() {
    assertThat(TimetableWindow.of(null, null, CLOCK))
        .isEqualTo(new TimetableWindow(NOW, NOW.plus(Duration.ofDays(7))));
  }

  @Test
  void aMissingEndIsAWeekAfterTheStartAMissingStartIsNow() {
    Instant from = NOW.plus(Duration.ofDays(30));
    assertThat(TimetableWindow.of(from, null, CLOCK))
        .isEqualTo(new TimetableWindow(from, from.plus(Duration.ofDays(7))));
    Instant to = NOW.plus(Duration.ofHours(3));
    assertThat(TimetableWindow.of(null, to, CLOCK)).isEqualTo(new TimetableWindow(NOW, to));
  }

  @Test
  void sixtyTwoDaysAreAllowedOneMillisecondMoreIsNot() {
    assertThat(TimetableWindow.of(NOW, NOW.plus(Duration.ofDays(62)), CLOCK).to())
        .isEqualTo(NOW.plus(Duration.ofDays(62)));
    assertThatThrownBy(() -> TimetableWindow.of(NOW, NOW.plus(Duration.ofDays(62)).plusMillis(1), CLOCK))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status().value()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
        });
  }

  @Test
  void anEmptyOrReversedWindowIsRefused() {
    assertThatThrownBy(() -> TimetableWindow.of(NOW, NOW, CLOCK))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("VALIDATION_FAILED"));
    assertThatThrownBy(() -> TimetableWindow.of(NOW, NOW.minusSeconds(1), CLOCK))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("VALIDATION_FAILED"));
    // only an end given, before the clock's now
    assertThatThrownBy(() -> TimetableWindow.of(null, NOW.minusSeconds(60), CLOCK))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("VALIDATION_FAILED"));
  }
}
