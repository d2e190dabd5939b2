package com.ticketplatform.bench;

import com.ticketplatform.bench.ceiling.Ceilings;
import com.ticketplatform.bench.invariant.InvariantReader;
import com.ticketplatform.bench.invariant.Invariants;
import com.ticketplatform.bench.platform.Platform;
import com.ticketplatform.bench.report.Report;
import com.ticketplatform.bench.report.Targets;
import com.ticketplatform.bench.scenario.Buyers;
import com.ticketplatform.bench.scenario.Scenarios;
import com.ticketplatform.bench.stats.PhaseResult;
import com.ticketplatform.bench.stats.ProcessCpu;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entry point of {@code ./ticket bench}: ceilings, scenarios, invariants, report. Exit status 0 when the invariants
 * hold, 1 when one is broken, 2 when the run could not start (platform not up, bad option).
 */
public final class BenchMain {

  /** How long the on-sale showtimes' events (search index, caches, projections) are given before the CPU count. */
  private static final long ON_SALE_SETUP_SETTLE_MILLIS = 5_000;

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchOptions o;
    try {
      if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
        System.out.print(BenchOptions.HELP);
        return;
      }
      o = BenchOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.err.print(BenchOptions.HELP);
      System.exit(2);
      return;
    }
    Platform platform = new Platform(o);
    try {
      platform.requireUp();
    } catch (IllegalStateException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(run(o, platform));
  }

  static int run(BenchOptions o, Platform platform) throws Exception {
    String startedAt = Instant.now().toString();
    Map<String, PhaseResult> phases = new LinkedHashMap<>();
    Map<String, Object> facts = new LinkedHashMap<>();
    step("setup: admin login, " + o.integer("users") + " buyers (registered once, reused from "
        + o.out().resolve("users.json") + ")");
    platform.loginAdmin(o.get("admin-login"), o.get("admin-password"));
    List<Buyers.Stored> stored = Buyers.ensureRegistered(platform, o.out().resolve("users.json"), o.integer("users"),
        8);
    List<Platform.Buyer> buyers = Buyers.login(platform, stored, 8, phases);
    print(phases.get("setup.login"));
    Scenarios s = new Scenarios(platform, o, buyers, phases, facts);
    ProcessCpu cpu = ProcessCpu.ofLocalPlatform(Path.of("").toAbsolutePath(), portOf(o.get("jdbc"), 3306),
        portOf(o.get("redis"), 6379));
    InvariantReader reader = new InvariantReader(o.get("jdbc"), o.get("db-user"), o.get("db-password"),
        o.get("redis"));

    if (o.decimal("warmup-seconds") > 0) {
      step("warm-up (not measured): " + o.decimal("warmup-seconds") + " s of no-op, seat map and order calls, "
          + "directly and through the gateway");
      s.warmUp();
      print(phases.get("warmup"));
    }
    if (o.runs("ceilings")) {
      step("ceiling R: EVALSHA of " + o.get("lua") + ", " + o.integer("redis-connections") + " connections");
      phases.put(Targets.R, Ceilings.redisLockScript(o.get("redis"), Path.of(o.get("lua")),
          o.integer("redis-connections"), o.decimal("ceiling-seconds"), 2000));
      print(phases.get(Targets.R));
      step("ceiling D: MariaDB single-row INSERT+COMMIT, " + o.integer("db-threads") + " threads");
      phases.put(Targets.D, Ceilings.databaseInsert(o.get("jdbc"), o.get("db-user"), o.get("db-password"),
          o.integer("db-threads"), o.decimal("ceiling-seconds")));
      print(phases.get(Targets.D));
      step("ceiling H: no-op endpoint, directly at the order service (wrk)");
      s.noop(Platform.Path.DIRECT, Targets.H, cpu.pidOf("ticket-order-service"));
      print(phases.get(Targets.H));
      step("no-op endpoint through the gateway (wrk)");
      s.noop(Platform.Path.GATEWAY, Targets.H_GATEWAY, cpu.pidOf("ticket-gateway"));
      print(phases.get(Targets.H_GATEWAY));
    }
    Boolean hotSeat = null;
    Boolean oversell = null;
    if (o.runs("onsale")) {
      // the admin's work comes first and is counted apart: two halls of the on-sale's size, their programs and
      // showtimes put on sale, and what their events set off elsewhere (search index, caches), given time to settle
      Map<String, Long> setupBefore = cpu.snapshot();
      Platform.Showtime directShow = s.onSaleShowtime(Platform.Path.DIRECT);
      Platform.Showtime gatewayShow = s.onSaleShowtime(Platform.Path.GATEWAY);
      Thread.sleep(ON_SALE_SETUP_SETTLE_MILLIS);
      // CPU per placed order, per process, over both on-sale passes (the buyers' logins came before)
      Map<String, Long> cpuBefore = cpu.snapshot();
      Map<String, Long> jitBefore = cpu.jitSnapshot();
      facts.put("cpuMillisOfOnSaleSetup", cpu.millisPerUnit(setupBefore, cpuBefore, 1));
      step("on-sale directly at the order service: " + buyers.size() + " buyers, " + o.integer("rows") + "x"
          + o.integer("cols") + " hall");
      s.onSale(Platform.Path.DIRECT, directShow);
      print(phases.get(Targets.ONSALE_DIRECT));
      step("on-sale through the gateway: " + buyers.size() + " buyers, " + o.integer("rows") + "x"
          + o.integer("cols") + " hall");
      s.onSale(Platform.Path.GATEWAY, gatewayShow);
      print(phases.get(Targets.ONSALE_GATEWAY));
      long placed = Scenarios.placed(phases.get(Targets.ONSALE_DIRECT))
          + Scenarios.placed(phases.get(Targets.ONSALE_GATEWAY));
      Map<String, Double> perOrder = cpu.millisPerUnit(cpuBefore, cpu.snapshot(), placed);
      Map<String, Double> jitPerOrder = cpu.millisPerUnit(jitBefore, cpu.jitSnapshot(), placed);
      facts.put("cpuMillisPerPlacedOrder", perOrder);
      // the part of it the JVMs' JIT compiler threads spent: a young process's warm-up, not its steady cost
      facts.put("jitCpuMillisPerPlacedOrder", jitPerOrder);
      facts.put("cpuPlacedOrders", placed);
      System.out.println("  CPU ms per placed order (" + placed + " orders, both passes; /proc):");
      perOrder.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
          .forEach(e -> System.out.printf("    %-28s %8.2f%n", e.getKey(), e.getValue()));
    }
    if (o.runs("hotseat")) {
      step("hot seat: " + buyers.size() + " buyers want the same 4 seats; then the reject path alone");
      hotSeat = s.hotSeat(cpu.pidOf("ticket-order-service"));
      print(phases.get("hotseat.race.gateway"));
      print(phases.get(Targets.REJECT));
      print(phases.get(Targets.REJECT_PACED));
    }
    if (o.runs("oversell")) {
      step("oversubscribed: " + o.integer("oversell-buyers") + " buyers for " + o.integer("oversell-seats")
          + " seats");
      oversell = s.oversell();
      print(phases.get("oversell.direct"));
    }
    if (o.runs("mix")) {
      step("steady mix through the gateway");
      s.mix();
      print(phases.get("mix.gateway"));
    }
    if (o.runs("rate")) {
      step("fixed offered rate through the gateway");
      s.fixedRate();
      print(phases.get(Targets.RATE));
    }
    if (o.runs("storm")) {
      step("payment storm: callbacks for all " + s.acknowledged.size() + " open orders at once");
      s.paymentStorm(reader::countByStatus);
      print(phases.get("storm.direct"));
    }

    step("invariants (order shards, pay ledger, Redis seat hashes)");
    Invariants.Verdict verdict = s.capacity.isEmpty() ? null
        : Invariants.check(reader.snapshot(s.capacity, Set.copyOf(s.acknowledged.keySet())));
    if (verdict != null) {
      verdict.checks().forEach(c -> System.out.println("  " + (c.pass() ? "PASS " : "FAIL ") + c.name() + ": "
          + c.detail()));
      System.out.println("  invariants: " + (verdict.pass() ? "PASS" : "FAIL"));
    }
    List<Targets.Target> targets = Targets.evaluate(phases, verdict == null ? null : verdict.pass(), hotSeat,
        oversell);
    Report.Run run = new Report.Run(startedAt, Report.machine(), o.values(), phases, facts, verdict, targets);
    Report.write(o.out(), run);
    step("targets");
    targets.forEach(t -> System.out.printf(Locale.ROOT, "  %-4s %s: %s (goal %s)%n", Targets.verdictOf(t), t.name(),
        t.measured(), t.goal()));
    System.out.println();
    System.out.println("results: " + o.out().resolve("result.json") + ", " + o.out().resolve("report.html") + ", "
        + o.out().resolve("results.md"));
    return verdict == null || verdict.pass() ? 0 : 1;
  }

  /** The port of a jdbc:/redis: URL, or the fallback. */
  static int portOf(String url, int fallback) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("//[^/:]+:(\\d+)").matcher(url == null ? "" : url);
    return m.find() ? Integer.parseInt(m.group(1)) : fallback;
  }

  private static void step(String what) {
    System.out.println("== " + what);
  }

  private static void print(PhaseResult p) {
    if (p == null) {
      return;
    }
    System.out.printf(Locale.ROOT, "  %s: %.1f ok/s%s, %d calls in %.1f s, p50 %.2f / p95 %.2f / p99 %.2f / max %.2f ms,"
            + " outcomes %s%s%n", p.name(), p.okPerSecond(),
        p.okUnits() != p.okCalls() ? String.format(Locale.ROOT, " (%.1f seats/s)", p.unitsPerSecond()) : "",
        p.calls(), p.seconds(), p.latency().p50(), p.latency().p95(), p.latency().p99(), p.latency().max(),
        p.outcomes(), p.notes().isEmpty() ? "" : ", " + p.notes());
  }
}
