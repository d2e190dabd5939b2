package com.ticketplatform.comment.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rating summary of a program over its visible ratings: average (one decimal, half-up; null when nobody rated
 * yet), count, and how many ratings gave each of 1..5 stars (every bucket present, zero when empty).
 */
public record RatingSummary(long programId, BigDecimal average, long count, Map<Integer, Long> histogram) {

  public static RatingSummary of(long programId, Map<Integer, Long> counts) {
    Map<Integer, Long> histogram = new LinkedHashMap<>();
    long count = 0;
    long total = 0;
    for (int stars = 1; stars <= 5; stars++) {
      long n = counts.getOrDefault(stars, 0L);
      histogram.put(stars, n);
      count += n;
      total += n * stars;
    }
    BigDecimal average = count == 0 ? null
        : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    return new RatingSummary(programId, average, count, histogram);
  }
}
