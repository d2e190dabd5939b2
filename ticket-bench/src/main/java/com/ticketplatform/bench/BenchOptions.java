package com.ticketplatform.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options, {@code --name=value}. Every option has a default that fits this 2-core machine; see
 * {@link #HELP}.
 */
public record BenchOptions(Map<String, String> values) {

  static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

  static {
    DEFAULTS.put("scenarios", "ceilings,onsale,hotseat,oversell,mix,rate,storm");
    DEFAULTS.put("users", "200");
    DEFAULTS.put("rows", "40");
    DEFAULTS.put("cols", "50");
    DEFAULTS.put("warmup-seconds", "240");
    DEFAULTS.put("ceiling-seconds", "8");
    DEFAULTS.put("redis-connections", "50");
    DEFAULTS.put("db-threads", "16");
    DEFAULTS.put("http-concurrency", "32");
    DEFAULTS.put("onsale-seconds", "120");
    DEFAULTS.put("onsale-concurrency", "32");
    DEFAULTS.put("onsale-accept", "sync");
    DEFAULTS.put("onsale-reread", "availability");
    DEFAULTS.put("reject-seconds", "8");
    DEFAULTS.put("reject-concurrency", "16");
    DEFAULTS.put("wrk-threads", "2");
    DEFAULTS.put("wrk-connections", "16");
    DEFAULTS.put("reject-rate-fraction", "0.08");
    DEFAULTS.put("oversell-seats", "1000");
    DEFAULTS.put("oversell-buyers", "10000");
    DEFAULTS.put("oversell-concurrency", "32");
    DEFAULTS.put("mix-seconds", "20");
    DEFAULTS.put("mix-concurrency", "32");
    DEFAULTS.put("rate-seconds", "15");
    DEFAULTS.put("rate-fraction", "0.7");
    DEFAULTS.put("storm-duplicates", "2");
    DEFAULTS.put("storm-concurrency", "64");
    DEFAULTS.put("settle-seconds", "300");
    DEFAULTS.put("timeout-ms", "10000");
    DEFAULTS.put("out", "target/bench");
    DEFAULTS.put("gateway", "http://127.0.0.1:8080");
    DEFAULTS.put("user-service", "http://127.0.0.1:8081");
    DEFAULTS.put("program-service", "http://127.0.0.1:8082");
    DEFAULTS.put("order-service", "http://127.0.0.1:8083");
    DEFAULTS.put("pay-service", "http://127.0.0.1:8084");
    DEFAULTS.put("jdbc", "jdbc:mariadb://127.0.0.1:3306/");
    DEFAULTS.put("db-user", "root");
    DEFAULTS.put("db-password", "");
    DEFAULTS.put("redis", "redis://127.0.0.1:6379");
    DEFAULTS.put("pay-secret", "dev-sandbox-secret-change-me");
    DEFAULTS.put("internal-secret", "local-platform-internal-secret");
    DEFAULTS.put("lua", "ticket-order-service/src/main/resources/lua/lock-seats.lua");
    DEFAULTS.put("admin-login", "admin@ticket.local");
    DEFAULTS.put("admin-password", "Admin#2026");
    DEFAULTS.put("seat-limit", "6");
  }

  static final Set<String> SCENARIOS = Set.of("ceilings", "onsale", "hotseat", "oversell", "mix", "rate", "storm");

  public static final String HELP = """
      usage: ./ticket bench [--name=value ...]   (the platform must be up: ./ticket up)
        --scenarios=LIST        any of ceilings,onsale,hotseat,oversell,mix,rate,storm (default: all)
        --users=N               registered buyers racing in the on-sale (default 200; reused across runs)
        --rows=R --cols=C       the on-sale hall (default 40 x 50 = 2,000 seats)
        --onsale-concurrency=C  requests in flight at most during the on-sale race (default 32; 0 = every buyer at
                                once)
        --onsale-accept=MODE    sync: every order placed before its answer (201, default); async: asked with
                                Prefer: respond-async (202, placed off the request), each pass then waits until
                                every accepted order is placed or rejected
        --onsale-reread=WHAT    what a buyer re-reads after "some of these seats were just taken": availability
                                (the seats' statuses alone, ~2 KB, as the storefront does; default) or map (the
                                whole seat map again, ~250 KB for the default hall)
        --oversell-seats=N --oversell-buyers=M    the 10x oversubscription run (default 1,000 / 10,000)
        --warmup-seconds=S      unmeasured warm-up of every path first: no-op, seat map and 1-seat orders, directly
                                and through the gateway, so the JIT has compiled them (default 240: a freshly
                                started full-JIT platform needs minutes; 0 = none)
        --ceiling-seconds=S     length of each ceiling measurement (R, D, H) (default 8)
        --mix-seconds=S --rate-seconds=S --reject-seconds=S   lengths of the other timed phases
        --rate-fraction=F       fixed offered order rate as a fraction of the measured maximum (default 0.7)
        --reject-rate-fraction=F  fixed offered 409 rate as a fraction of R (default 0.08)
        --wrk-threads=N --wrk-connections=C   wrk's threads and connections for the no-op (H) and 409 phases, which
                                wrk drives as its own process (default 2 / 16; the 409 closed loop uses
                                --reject-concurrency connections)
        --storm-duplicates=N    copies of each payment callback (default 2)
        --out=DIR               where result.json, report.html and results.md go (default target/bench)
      and the addresses: --gateway --user-service --program-service --order-service --pay-service --jdbc --redis
      (defaults: the local platform), --pay-secret (the sandbox's PAY_PROVIDER_SECRET), --internal-secret (the services'
      TICKET_INTERNAL_SECRET, for calls straight at a service), --lua (lock script path).
      """;

  public static BenchOptions parse(List<String> args) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("options look like --name=value, got: " + arg);
      }
      String name = arg.substring(2, arg.indexOf('='));
      if (!DEFAULTS.containsKey(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
      values.put(name, arg.substring(arg.indexOf('=') + 1));
    }
    BenchOptions options = new BenchOptions(values);
    for (String s : options.scenarios()) {
      if (!SCENARIOS.contains(s)) {
        throw new IllegalArgumentException("unknown scenario " + s + "; known: " + SCENARIOS);
      }
    }
    if (options.integer("users") < 1 || options.integer("rows") * options.integer("cols") < 8) {
      throw new IllegalArgumentException("need at least 1 user and 8 seats");
    }
    CHOICES.forEach((name, allowed) -> {
      if (!allowed.contains(options.get(name))) {
        throw new IllegalArgumentException("--" + name + " is one of " + allowed + ", not " + options.get(name));
      }
    });
    return options;
  }

  /** Options with a fixed set of values: a typo is refused before the logins and the warm-up, not after. */
  static final Map<String, List<String>> CHOICES = Map.of(
      "onsale-accept", List.of("sync", "async"),
      "onsale-reread", List.of("availability", "map"));

  public String get(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no option " + name);
    }
    return v;
  }

  public int integer(String name) {
    try {
      return Integer.parseInt(get(name).replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, got " + get(name));
    }
  }

  public double decimal(String name) {
    try {
      return Double.parseDouble(get(name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, got " + get(name));
    }
  }

  public List<String> scenarios() {
    return List.of(get("scenarios").split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public boolean runs(String scenario) {
    return scenarios().contains(scenario);
  }

  public Path out() {
    return Path.of(get("out"));
  }
}
