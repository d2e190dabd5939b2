package com.ticketplatform.comment.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatingSummaryTest {

  @Test
  void averageHasOneDecimalRoundedHalfUpAndEveryBucket() {
    RatingSummary summary = RatingSummary.of(7, Map.of(5, 2L, 4, 1L));
    assertThat(summary.count()).isEqualTo(3);
    assertThat(summary.average()).isEqualTo(new BigDecimal("4.7"));
    assertThat(summary.histogram()).containsExactly(Map.entry(1, 0L), Map.entry(2, 0L), Map.entry(3, 0L),
        Map.entry(4, 1L), Map.entry(5, 2L));
  }

  @Test
  void roundsHalfUp() {
    // (4 + 4 + 4 + 5) / 4 = 4.25
    assertThat(RatingSummary.of(1, Map.of(4, 3L, 5, 1L)).average()).isEqualTo(new BigDecimal("4.3"));
  }

  @Test
  void noRatingsHasNoAverage() {
    RatingSummary summary = RatingSummary.of(1, Map.of());
    assertThat(summary.count()).isZero();
    assertThat(summary.average()).isNull();
    assertThat(summary.histogram()).hasSize(5).containsValue(0L).doesNotContainValue(1L);
  }
}
