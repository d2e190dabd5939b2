package com.ticketplatform.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10));

  @Test
  void thePauseDoublesFromTheFirstUntilTheCap() {
    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(480));
    assertThat(backoff.after(6)).isEqualTo(Duration.ofMinutes(10));
    assertThat(backoff.after(1000)).isEqualTo(Duration.ofMinutes(10));
  }
}
