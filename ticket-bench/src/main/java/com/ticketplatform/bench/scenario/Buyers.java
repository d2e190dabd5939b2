package com.ticketplatform.bench.scenario;

import tools.jackson.core.type.TypeReference;
import com.ticketplatform.bench.load.Load;
import com.ticketplatform.bench.platform.Http;
import com.ticketplatform.bench.platform.Platform;
import com.ticketplatform.bench.stats.PhaseResult;
import com.ticketplatform.bench.stats.Probe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registered buyers: kept in {@code users.json} next to the results and reused by the next run (registering
 * costs a BCrypt each); missing ones are registered in parallel, then everyone logs in.
 */
public final class Buyers {

  public record Stored(String loginName, String password) {}

  private Buyers() {}

  public static List<Stored> ensureRegistered(Platform platform, Path file, int n, int parallel) throws Exception {
    List<Stored> stored = new ArrayList<>();
    if (Files.exists(file)) {
      stored.addAll(Http.JSON.readValue(file.toFile(), new TypeReference<List<Stored>>() {}));
    }
    int missing = n - stored.size();
    if (missing > 0) {
      String run = UUID.randomUUID().toString().substring(0, 8);
      List<Stored> fresh = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger next = new AtomicInteger();
      Probe probe = new Probe("register buyers (user service)", "direct");
      Load.closedLoop(probe, parallel, 600, (w, i) -> {
        int k = next.getAndIncrement();
        if (k >= missing) {
          return null;
        }
        Stored s = new Stored("bench-" + run + "-" + k + "@bench.local", "Bench#2026-" + run);
        platform.register(s.loginName(), s.password());
        fresh.add(s);
        return Load.Outcome.ok("201", 1);
      });
      stored.addAll(fresh);
      Files.createDirectories(file.getParent());
      Http.JSON.writeValue(file.toFile(), stored);
      System.out.printf("  registered %d buyers in %.1f s%n", fresh.size(), probe.result(Map.of()).seconds());
    }
    return stored.subList(0, n);
  }

  /** Logs every buyer in (as a measured phase) and returns them with their tokens. */
  public static List<Platform.Buyer> login(Platform platform, List<Stored> stored, int parallel,
      Map<String, PhaseResult> phases) {
    Platform.Buyer[] out = new Platform.Buyer[stored.size()];
    AtomicInteger next = new AtomicInteger();
    Probe probe = new Probe("login (user service, BCrypt)", "direct");
    Load.closedLoop(probe, parallel, 600, (w, i) -> {
      int k = next.getAndIncrement();
      if (k >= stored.size()) {
        return null;
      }
      Stored s = stored.get(k);
      String token = null;
      for (int attempt = 1; token == null; attempt++) {
        try {
          token = platform.login(s.loginName(), s.password());
        } catch (Exception e) {
          if (attempt == 3) {
            throw e;
          }
          if (String.valueOf(e.getMessage()).contains(": 401 ")) {
            // users.json outlived the user database (a fresh platform): register the buyer again
            platform.register(s.loginName(), s.password());
          }
          Thread.sleep(500L * attempt);
        }
      }
      out[k] = new Platform.Buyer(Platform.subjectOf(token), s.loginName(), s.password(), token);
      return Load.Outcome.ok("200", 1);
    });
    PhaseResult result = probe.result(Map.of("buyers", stored.size()));
    phases.put("setup.login", result);
    List<Platform.Buyer> buyers = new ArrayList<>();
    for (Platform.Buyer b : out) {
      if (b != null) {
        buyers.add(b);
      }
    }
    if (buyers.size() < stored.size()) {
      throw new IllegalStateException("only " + buyers.size() + " of " + stored.size() + " buyers could log in: "
          + result.outcomes());
    }
    return buyers;
  }
}
