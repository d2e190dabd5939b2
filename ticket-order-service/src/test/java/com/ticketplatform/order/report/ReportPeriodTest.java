package com.ticketplatform.order.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.error.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

  @Test
  void coversWholeUtcDaysWithBothEndsIncluded() {
    ReportPeriod period = ReportPeriod.parse("2026-11-01", "2026-11-30");
    assertThat(period.start()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(period.end()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(ReportPeriod.parse("2026-11-01", "2026-11-01").end()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
  }

  @Test
  void rejectsMissingMalformedReversedAndOverlongPeriods() {
    String[][] bad = {{null, "2026-11-01"}, {"2026-11-01", " "}, {"2026-02-30", "2026-03-01"}, {"01.11.2026", "2026-11-02"},
        {"2026-11-02", "2026-11-01"}, {"2025-01-01", "2026-01-02"}};
    for (String[] b : bad) {
      assertThatThrownBy(() -> ReportPeriod.parse(b[0], b[1])).as(b[0] + ".." + b[1])
          .isInstanceOf(ApiException.class)
          .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(400))
          .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("VALIDATION_FAILED"));
    }
    assertThat(ReportPeriod.parse("2025-01-01", "2026-01-01").to()).hasYear(2026);
  }

  @Test
  void groupingIsOneOfFilmCinemaDay() {
    assertThat(SalesGrouping.parse("film")).isEqualTo(SalesGrouping.FILM);
    assertThat(SalesGrouping.parse(" Day ")).isEqualTo(SalesGrouping.DAY);
    assertThatThrownBy(() -> SalesGrouping.parse("week")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> SalesGrouping.parse(null)).isInstanceOf(ApiException.class);
  }
}
