package com.ticketplatform.bench.drill;

import com.ticketplatform.bench.BenchOptions;
import com.ticketplatform.bench.invariant.InvariantReader;
import com.ticketplatform.bench.invariant.Invariants;
import com.ticketplatform.bench.platform.Http;
import com.ticketplatform.bench.platform.Platform;
import com.ticketplatform.bench.scenario.Buyers;
import com.ticketplatform.bench.stats.PhaseResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entry point of {@code ./ticket drill}: the core promise under faults (docs/ARCHITECTURE.md §8). While customers buy
 * and pay through the gateway, each fault is injected in turn; after each, the databases, Redis and the provider are
 * read until every invariant holds again (healed) or the heal limit passes (broken). {@code --soak} instead runs the
 * purchase load at half the measured capacity and watches the processes for growth. Exit status 0 when everything
 * held, 1 when something broke, 2 when the drill could not start.
 */
public final class DrillMain {

  static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

  static {
    DEFAULTS.put("faults", "all");
    DEFAULTS.put("soak", "false");
    DEFAULTS.put("soak-minutes", "30");
    DEFAULTS.put("shoppers", "16");
    DEFAULTS.put("before-seconds", "15");
    DEFAULTS.put("after-seconds", "10");
    DEFAULTS.put("heal-seconds", "420");
    DEFAULTS.put("users", "300");
    DEFAULTS.put("rows", "30");
    DEFAULTS.put("cols", "40");
    DEFAULTS.put("sandbox", "http://127.0.0.1:8090");
    DEFAULTS.put("root", ".");
    DEFAULTS.put("mysql-port", "3306");
    DEFAULTS.put("out", "target/drill");
  }

  static final String HELP = """
      usage: ./ticket drill [--name=value ...]        the faults, one at a time, while customers buy (~20 min)
             ./ticket drill --soak [--soak-minutes=30] half the measured capacity for 30 minutes, watching for growth
        --faults=LIST     all (default) or any of: %s,
                          kill9:<piece> for any other piece started by ./ticket (e.g. kill9:ticket-advert-service)
        --shoppers=N      customers buying at once (default 16)
        --heal-seconds=S  how long the platform may take to heal after a fault is cleared (default 420: the pay
                          service's reconciliation runs every 5 minutes)
        --users=N --rows=R --cols=C   registered buyers (reused across runs) and the size of each hall on sale
        --out=DIR         where drill.md and drill.json go (default target/drill)
      """;

  private DrillMain() {}

  /** One row of the table. */
  record Row(String fault, String what, boolean applied, int inFlightAtInjection, int ordersDuringFault,
      int charged, double faultSeconds, Double healSeconds, List<Invariants.Check> checks,
      Map<String, Long> outcomes) {
    /** Held only if the fault really happened under load and every invariant came back. */
    boolean pass() {
      return applied && ordersDuringFault > 0 && healSeconds != null
          && checks.stream().allMatch(Invariants.Check::pass);
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    Map<String, String> bench = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.print(HELP.formatted(String.join(",", FAULT_NAMES)));
        return;
      }
      if (arg.equals("--soak")) {
        values.put("soak", "true");
        continue;
      }
      if (!arg.startsWith("--") || !arg.contains("=")) {
        System.err.println("drill: options look like --name=value, got: " + arg);
        System.exit(2);
      }
      String name = arg.substring(2, arg.indexOf('='));
      String value = arg.substring(arg.indexOf('=') + 1);
      (DEFAULTS.containsKey(name) ? values : bench).put(name, value);
    }
    bench.put("users", values.get("users"));
    bench.put("out", values.get("out"));
    BenchOptions o;
    try {
      o = BenchOptions.parse(bench.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList());
    } catch (IllegalArgumentException e) {
      System.err.println("drill: " + e.getMessage());
      System.exit(2);
      return;
    }
    Platform platform = new Platform(o);
    try {
      platform.requireUp();
    } catch (IllegalStateException e) {
      System.err.println("drill: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(new Drill(values, o, platform).run());
  }

  static final List<String> FAULT_NAMES = List.of("redis-flushall", "redis-rewind", "mariadb-pause",
      "pay-unreachable", "kafka-stop", "seata-stop", "kill9:ticket-gateway", "kill9:ticket-user-service",
      "kill9:ticket-program-service", "kill9:ticket-order-service", "kill9:ticket-pay-service");

  static final class Drill {
    private final Map<String, String> v;
    private final BenchOptions o;
    private final Platform platform;
    private final Pieces pieces;
    private final InvariantReader reader;
    private final Path out;

    Drill(Map<String, String> v, BenchOptions o, Platform platform) {
      this.v = v;
      this.o = o;
      this.platform = platform;
      this.pieces = new Pieces(Path.of(v.get("root")).toAbsolutePath());
      this.reader = new InvariantReader(o.get("jdbc"), o.get("db-user"), o.get("db-password"), o.get("redis"));
      this.out = Path.of(v.get("out"));
    }

    int run() throws Exception {
      step("setup: admin login, " + v.get("users") + " buyers");
      List<Buyers.Stored> stored = Buyers.ensureRegistered(platform, out.resolve("users.json"),
          Integer.parseInt(v.get("users")), 8);
      List<Platform.Buyer> buyers = Buyers.login(platform, stored, 8, new LinkedHashMap<String, PhaseResult>());
      Shoppers shoppers = new Shoppers(platform, buyers, v.get("sandbox"), Integer.parseInt(v.get("rows")),
          Integer.parseInt(v.get("cols")), o.get("admin-login"), o.get("admin-password"));
      return Boolean.parseBoolean(v.get("soak")) ? soak(shoppers) : faults(shoppers);
    }

    private int faults(Shoppers shoppers) throws Exception {
      Faults catalogue = new Faults(pieces, o.get("redis"), Integer.parseInt(v.get("mysql-port")));
      Map<String, Faults.Fault> all = catalogue.all();
      List<Faults.Fault> chosen = new ArrayList<>();
      for (String name : v.get("faults").equals("all") ? FAULT_NAMES : List.of(v.get("faults").split(","))) {
        name = name.trim();
        if (all.containsKey(name)) {
          chosen.add(all.get(name));
        } else if (name.startsWith("kill9:")) {
          chosen.add(catalogue.kill9(name.substring(6)));
        } else {
          System.err.println("drill: unknown fault " + name + "; known: " + FAULT_NAMES);
          return 2;
        }
      }
      Instant started = Instant.now();
      List<Row> rows = new ArrayList<>();
      for (Faults.Fault fault : chosen) {
        step(fault.name() + ": " + fault.what());
        rows.add(drill(shoppers, fault, started));
        Row r = rows.get(rows.size() - 1);
        System.out.printf(Locale.ROOT, "  %s: %d in flight at injection, %d orders during the fault, healed %s%n",
            r.pass() ? "PASS" : "FAIL", r.inFlightAtInjection(), r.ordersDuringFault(),
            r.healSeconds() == null ? "never (within " + v.get("heal-seconds") + " s)" : "in " + r.healSeconds()
                + " s");
        r.checks().forEach(c -> System.out.println("    " + (c.pass() ? "PASS " : "FAIL ") + c.name() + ": "
            + c.detail()));
      }
      step("all showtimes of the drill, once more");
      List<Invariants.Check> end = checks(shoppers, started);
      end.forEach(c -> System.out.println("  " + (c.pass() ? "PASS " : "FAIL ") + c.name() + ": " + c.detail()));
      boolean pass = rows.stream().allMatch(Row::pass) && end.stream().allMatch(Invariants.Check::pass);
      String table = DrillReport.table(rows, end, started, Instant.now());
      Files.createDirectories(out);
      Files.writeString(out.resolve("drill.md"), table);
      Http.JSON.writeValue(out.resolve("drill.json").toFile(), Map.of("startedAt", started.toString(), "rows", rows,
          "end", end, "pass", pass));
      System.out.println();
      System.out.print(table);
      System.out.println("results: " + out.resolve("drill.md") + ", " + out.resolve("drill.json"));
      return pass ? 0 : 1;
    }

    private Row drill(Shoppers shoppers, Faults.Fault fault, Instant since) throws Exception {
      shoppers.newShowtime("drill " + fault.name());
      shoppers.resetOutcomes();
      int before = shoppers.acknowledged.size();
      int chargedBefore = shoppers.charged.size();
      shoppers.start(Integer.parseInt(v.get("shoppers")), 0);
      Thread.sleep(Long.parseLong(v.get("before-seconds")) * 1000);
      int inFlight = shoppers.inFlight.get();
      long t0 = System.nanoTime();
      boolean applied = true;
      try {
        fault.apply();
      } catch (Exception e) {
        applied = false;
        System.out.println("  FAIL the fault could not be applied: " + e.getMessage());
      }
      long cleared = System.nanoTime();
      Thread.sleep(Long.parseLong(v.get("after-seconds")) * 1000);
      shoppers.stop();
      Map<String, Long> outcomes = shoppers.outcomes();
      List<Invariants.Check> checks = List.of();
      Double healed = null;
      long limit = cleared + Long.parseLong(v.get("heal-seconds")) * 1_000_000_000L;
      while (System.nanoTime() < limit) {
        checks = checks(shoppers, since);
        if (checks.stream().allMatch(Invariants.Check::pass)) {
          healed = Math.round((System.nanoTime() - cleared) / 1e8) / 10.0;
          break;
        }
        Thread.sleep(3000);
      }
      return new Row(fault.name(), fault.what(), applied, inFlight, shoppers.acknowledged.size() - before,
          shoppers.charged.size() - chargedBefore, Math.round((cleared - t0) / 1e8) / 10.0, healed, checks,
          outcomes);
    }

    /** The benchmark's invariants plus the drill's own, over every showtime the drill sold. */
    private List<Invariants.Check> checks(Shoppers shoppers, Instant since) throws Exception {
      Map<Long, Integer> capacity = new HashMap<>(shoppers.capacity);
      Invariants.Snapshot s = reader.snapshot(capacity, Set.copyOf(shoppers.acknowledged.keySet()));
      List<Invariants.Check> checks = new ArrayList<>(Invariants.check(s).checks());
      checks.add(PromiseChecks.claims(s.orders(), s.tickets(), reader.claims(capacity.keySet())));
      checks.add(PromiseChecks.charged(s.orders(), charges(since), Set.copyOf(shoppers.charged)));
      checks.add(PromiseChecks.pending(reader.pending(capacity.keySet()), Instant.now(), Duration.ofSeconds(90)));
      return checks;
    }

    /** Every payment the provider sandbox took since the drill began. */
    private List<PromiseChecks.Charge> charges(Instant since) throws Exception {
      Http.Resp r = platform.http.send("GET", v.get("sandbox") + "/sandbox/payments?since=" + since, Map.of(), null);
      if (r.status() != 200) {
        throw new IllegalStateException("the provider sandbox's payments: " + r.status() + " " + r.body());
      }
      List<PromiseChecks.Charge> charges = new ArrayList<>();
      r.json().forEach(p -> {
        String orderNo = p.path("merchantOrderNo").asText();
        if (orderNo.chars().allMatch(Character::isDigit) && !orderNo.isEmpty()) {
          charges.add(new PromiseChecks.Charge(Long.parseLong(orderNo), p.path("status").asText(),
              new BigDecimal(p.path("amount").asText("0")),
              p.path("refundedAmount").isNull() ? BigDecimal.ZERO : new BigDecimal(p.path("refundedAmount")
                  .asText("0"))));
        }
      });
      return charges;
    }

    private int soak(Shoppers shoppers) throws Exception {
      int minutes = Integer.parseInt(v.get("soak-minutes"));
      Instant started = Instant.now();
      shoppers.newShowtime("soak");
      int workers = Integer.parseInt(v.get("shoppers"));
      step("capacity: " + workers + " shoppers as fast as the platform answers, 60 s");
      shoppers.start(workers, 0);
      Thread.sleep(60_000);
      shoppers.stop();
      double capacity = shoppers.acknowledged.size() / 60.0;
      double rate = capacity / 2;
      System.out.printf(Locale.ROOT, "  %.1f purchases/s; the soak offers %.1f/s for %d minutes%n", capacity, rate,
          minutes);
      List<String> services = new ArrayList<>();
      for (String s : List.of("ticket-gateway", "ticket-user-service", "ticket-program-service",
          "ticket-order-service", "ticket-pay-service", "ticket-advert-service", "ticket-comment-service")) {
        if (pieces.pidOf(s) > 0) {
          services.add(s);
        }
      }
      Soak soak = new Soak(pieces, services, o.get("jdbc"), o.get("db-user"), o.get("db-password"), o.get("redis"));
      List<Soak.Sample> samples = new ArrayList<>();
      shoppers.resetOutcomes();
      shoppers.start(workers, rate);
      long t0 = System.nanoTime();
      for (int minute = 1; minute <= minutes; minute++) {
        long due = t0 + minute * 60_000_000_000L;
        Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
        Soak.Sample sample = soak.sample(minute, shoppers.showtimes);
        if (minute > 2) { // the first two minutes warm up (JIT, pools, caches)
          samples.add(sample);
        }
        System.out.printf(Locale.ROOT, "  minute %d: heap after GC %s KiB, threads %s, DB connections %d, Redis keys"
                + " %d (%d without TTL, %d of them the showtimes'), %d orders%n", minute, sample.heapAfterGcKiB()
                .values(), sample.threads().values(), sample.dbConnections(), sample.redisKeys(),
            sample.redisKeysWithoutTtl(), sample.redisShowtimeKeysWithoutTtl(), shoppers.acknowledged.size());
      }
      shoppers.stop();
      List<Soak.Growth> growth = Soak.verdict(samples);
      step("invariants after the soak");
      Thread.sleep(30_000);
      List<Invariants.Check> checks = checks(shoppers, started);
      checks.forEach(c -> System.out.println("  " + (c.pass() ? "PASS " : "FAIL ") + c.name() + ": " + c.detail()));
      boolean pass = !growth.isEmpty() && growth.stream().allMatch(Soak.Growth::pass)
          && checks.stream().allMatch(Invariants.Check::pass);
      String report = DrillReport.soak(capacity, rate, minutes, shoppers.acknowledged.size(), shoppers.outcomes(),
          growth, checks, pass);
      Files.createDirectories(out);
      Files.writeString(out.resolve("soak.md"), report);
      Http.JSON.writeValue(out.resolve("soak.json").toFile(), Map.of("samples", samples, "growth", growth,
          "checks", checks, "pass", pass));
      System.out.println();
      System.out.print(report);
      return pass ? 0 : 1;
    }
  }

  private static void step(String what) {
    System.out.println("== " + what);
  }
}
