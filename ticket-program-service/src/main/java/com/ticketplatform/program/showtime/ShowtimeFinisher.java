package com.ticketplatform.program.showtime;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Marks showtimes whose slot has ended as FINISHED. Readers also filter by time, so a late run shows nothing stale. */
@Component
public class ShowtimeFinisher {

  private final ShowtimeMapper showtimes;
  private final Clock clock;

  public ShowtimeFinisher(ShowtimeMapper showtimes, Clock clock) {
    this.showtimes = showtimes;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  public void finishEnded() {
    showtimes.finishEnded(clock.instant());
  }
}
