package com.ticketplatform.bench.stats;

import org.HdrHistogram.Histogram;

/** Latency summary in milliseconds (rounded to 10 µs). */
public record Latency(long count, double p50, double p95, double p99, double max, double mean) {

  public static Latency of(Histogram h) {
    if (h.getTotalCount() == 0) {
      return new Latency(0, 0, 0, 0, 0, 0);
    }
    return new Latency(h.getTotalCount(), Probe.ms(h.getValueAtPercentile(50)), Probe.ms(h.getValueAtPercentile(95)),
        Probe.ms(h.getValueAtPercentile(99)), Probe.ms(h.getMaxValue()), Probe.ms(Math.round(h.getMean())));
  }
}
