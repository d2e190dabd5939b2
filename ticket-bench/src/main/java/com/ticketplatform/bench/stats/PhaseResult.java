package com.ticketplatform.bench.stats;

import java.util.List;
import java.util.Map;

/**
 * What one phase measured. {@code okPerSecond} counts successes only (orders created, no-ops answered, scripts run);
 * {@code unitsPerSecond} the seats those successes took; {@code callsPerSecond} every completed call, errors included.
 */
public record PhaseResult(String name, String path, double seconds, long calls, long okCalls, long okUnits,
    double okPerSecond, double unitsPerSecond, double callsPerSecond, Latency latency,
    Map<String, Latency> latencyByOutcome, Map<String, Long> outcomes, List<Probe.Sample> series,
    Map<String, Object> notes) {

  /** Calls that neither succeeded nor were an expected business refusal (409 seat taken, 422 limit). */
  public long errorCalls() {
    return outcomes.entrySet().stream()
        .filter(e -> !e.getKey().startsWith("2") && !e.getKey().equals("409") && !e.getKey().startsWith("422"))
        .mapToLong(Map.Entry::getValue).sum();
  }

  public PhaseResult withNotes(Map<String, Object> more) {
    Map<String, Object> all = new java.util.LinkedHashMap<>(notes);
    all.putAll(more);
    return new PhaseResult(name, path, seconds, calls, okCalls, okUnits, okPerSecond, unitsPerSecond, callsPerSecond,
        latency, latencyByOutcome, outcomes, series, all);
  }

  public long count(String outcome) {
    return outcomes.getOrDefault(outcome, 0L);
  }
}
