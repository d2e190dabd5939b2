package com.ticketplatform.bench.report;

import com.ticketplatform.bench.stats.PhaseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The targets of the benchmark, each read from the phases of one run (a missing phase makes it "not measured"). */
public final class Targets {

  private Targets() {}

  public record Target(String name, String measured, String goal, Boolean pass) {}

  /** Phase keys the run stores its results under. */
  public static final String R = "ceiling.redis";
  public static final String D = "ceiling.db";
  public static final String H = "ceiling.noop.direct";
  public static final String H_GATEWAY = "ceiling.noop.gateway";
  public static final String ONSALE_GATEWAY = "onsale.gateway";
  public static final String ONSALE_DIRECT = "onsale.direct";
  public static final String REJECT = "hotseat.reject.direct";
  public static final String REJECT_PACED = "hotseat.reject.paced";
  public static final String RATE = "rate.gateway";

  public static List<Target> evaluate(Map<String, PhaseResult> phases, Boolean invariantsPass, Boolean hotSeatOneWinner,
      Boolean oversellSafe) {
    List<Target> out = new ArrayList<>();
    out.add(new Target("zero oversell, zero lost orders (invariants)", verdict(invariantsPass), "PASS",
        invariantsPass));
    out.add(new Target("hot seat: exactly one winner", verdict(hotSeatOneWinner), "exactly one 201",
        hotSeatOneWinner));
    out.add(new Target("oversubscribed 10x: no oversell", verdict(oversellSafe), "seats held <= hall",
        oversellSafe));
    out.add(ratio("full orders/s through the gateway vs D", phases.get(ONSALE_GATEWAY), phases.get(D), 0.10));
    PhaseResult reject = phases.get(REJECT);
    out.add(ratio("lock-and-reject (409) path at the order service vs R", reject, phases.get(R), 0.08, true));
    PhaseResult paced = phases.get(REJECT_PACED);
    String pacedName = "409 p99 at the order service, at a fixed offered rate";
    if (paced != null) {
      double p99 = paced.latencyByOutcome().containsKey("409") ? paced.latencyByOutcome().get("409").p99()
          : paced.latency().p99();
      out.add(new Target(pacedName, fmt(p99) + " ms", "<= 5 ms", p99 <= 5.0));
    } else {
      out.add(new Target(pacedName, "not measured", "<= 5 ms", null));
    }
    out.add(ratio("no-op through the gateway vs H (direct)", phases.get(H_GATEWAY), phases.get(H), 0.30));
    PhaseResult rate = phases.get(RATE);
    if (rate != null) {
      double p99 = rate.latency().p99();
      out.add(new Target("order p99 at 70% of max offered rate (gateway)", fmt(p99) + " ms", "< 50 ms",
          p99 < 50.0));
    } else {
      out.add(new Target("order p99 at 70% of max offered rate (gateway)", "not measured", "< 50 ms", null));
    }
    return out;
  }

  static Target ratio(String name, PhaseResult measured, PhaseResult ceiling, double goal) {
    return ratio(name, measured, ceiling, goal, false);
  }

  /** {@code allCalls}: count every answered call (a 409 is the expected answer), not only successes. */
  static Target ratio(String name, PhaseResult measured, PhaseResult ceiling, double goal, boolean allCalls) {
    if (measured == null || ceiling == null || ceiling.okPerSecond() <= 0) {
      return new Target(name, "not measured", ">= " + pct(goal), null);
    }
    double rate = allCalls ? measured.callsPerSecond() - errorRate(measured) : measured.okPerSecond();
    double r = rate / ceiling.okPerSecond();
    return new Target(name, fmt(rate) + "/s = " + pct(r) + " of " + fmt(ceiling.okPerSecond()) + "/s",
        ">= " + pct(goal), r >= goal);
  }

  private static double errorRate(PhaseResult p) {
    return p.errorCalls() / p.seconds();
  }

  public static String verdictOf(Target t) {
    return verdict(t.pass());
  }

  static String verdict(Boolean b) {
    return b == null ? "not measured" : b ? "PASS" : "FAIL";
  }

  static String pct(double r) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", r * 100);
  }

  static String fmt(double v) {
    return v >= 100 ? String.format(java.util.Locale.ROOT, "%.0f", v) : String.format(java.util.Locale.ROOT, "%.2f", v);
  }
}
