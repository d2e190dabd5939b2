package com.ticketplatform.bench.drill;

import com.ticketplatform.bench.invariant.Invariants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The drill's and the soak's results as Markdown tables (docs/drill.md quotes them). */
final class DrillReport {

  private DrillReport() {}

  static String table(List<DrillMain.Row> rows, List<Invariants.Check> end, Instant started, Instant finished) {
    StringBuilder b = new StringBuilder();
    long seconds = Duration.between(started, finished).toSeconds();
    b.append(String.format(Locale.ROOT, "Drill of %s, %d min %d s. Invariants: %s.%n%n", started, seconds / 60,
        seconds % 60,
        rows.stream().allMatch(DrillMain.Row::pass) && end.stream().allMatch(Invariants.Check::pass) ? "all held"
            : "BROKEN"));
    b.append("| fault | in flight at injection | orders during | paid at provider | fault lasted | invariants"
        + " | time to heal |\n");
    b.append("|---|---:|---:|---:|---:|---|---:|\n");
    for (DrillMain.Row r : rows) {
      long failed = r.checks().stream().filter(c -> !c.pass()).count();
      b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f s | %s | %s |%n", r.what(),
          r.inFlightAtInjection(), r.ordersDuringFault(), r.charged(), r.faultSeconds(),
          !r.applied() ? "FAULT NOT APPLIED" : r.ordersDuringFault() == 0 ? "NO ORDERS DURING THE FAULT"
              : failed == 0 ? r.checks().size() + "/" + r.checks().size() + " hold"
              : failed + " broken: " + r.checks().stream().filter(c -> !c.pass()).map(Invariants.Check::name)
                  .toList(),
          r.healSeconds() == null ? "not healed" : String.format(Locale.ROOT, "%.0f s", r.healSeconds())));
    }
    b.append("\nInvariants checked after each fault (over every showtime of the drill so far): ");
    b.append(String.join("; ", end.stream().map(Invariants.Check::name).toList())).append(".\n");
    b.append("Time to heal: from the fault cleared (service healthy again, broker back, process resumed) until every"
        + " invariant holds.\n");
    return b.toString();
  }

  static String soak(double capacity, double rate, int minutes, int orders, Map<String, Long> outcomes,
      List<Soak.Growth> growth, List<Invariants.Check> checks, boolean pass) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Soak: %d minutes at %.1f purchases/s (half of the %.1f/s measured), %d"
        + " orders. Result: %s.%n%n", minutes, rate, capacity, orders, pass ? "no growth, invariants held"
        : "FAILED"));
    b.append("| reading | start | end | allowed growth | |\n|---|---:|---:|---:|---|\n");
    for (Soak.Growth g : growth) {
      b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s |%n", g.what(), g.start(), g.end(),
          g.allowed(), g.pass() ? "ok" : "GREW"));
    }
    b.append("\nOutcomes: ").append(outcomes).append("\n\n");
    checks.forEach(c -> b.append("- ").append(c.pass() ? "PASS " : "FAIL ").append(c.name()).append(": ")
        .append(c.detail()).append('\n'));
    return b.toString();
  }
}
