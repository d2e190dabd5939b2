package com.ticketplatform.bench.scenario;

import tools.jackson.databind.JsonNode;
import com.ticketplatform.bench.BenchOptions;
import com.ticketplatform.bench.load.Load;
import com.ticketplatform.bench.load.Wrk;
import com.ticketplatform.bench.platform.Http;
import com.ticketplatform.bench.platform.Platform;
import com.ticketplatform.bench.platform.Platform.Buyer;
import com.ticketplatform.bench.platform.Platform.Path;
import com.ticketplatform.bench.report.Targets;
import com.ticketplatform.bench.stats.PhaseResult;
import com.ticketplatform.bench.stats.Probe;
import com.ticketplatform.sandbox.signing.CallbackSigner;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The load scenarios. Every order the platform acknowledges (201) is remembered for the storm and the checks. */
public final class Scenarios {

  /** An order the platform acknowledged with 201. */
  public record Placed(long orderNo, long showtimeId, BigDecimal amount, String currency, int seats) {}

  private final Platform platform;
  private final BenchOptions o;
  private final List<Buyer> buyers;
  private final int seatLimit;
  public final Map<Long, Placed> acknowledged = new ConcurrentHashMap<>();
  public final Map<Long, Integer> capacity = new ConcurrentHashMap<>();
  public final Map<String, PhaseResult> phases;
  public final Map<String, Object> facts;

  public Scenarios(Platform platform, BenchOptions o, List<Buyer> buyers, Map<String, PhaseResult> phases,
      Map<String, Object> facts) {
    this.platform = platform;
    this.o = o;
    this.buyers = buyers;
    this.seatLimit = o.integer("seat-limit");
    this.phases = phases;
    this.facts = facts;
  }

  private Platform.Showtime showtime(String label, int rows, int cols) throws Exception {
    Platform.Showtime s = platform.createShowtime(label, rows, cols);
    capacity.put(s.showtimeId(), s.seats());
    return s;
  }

  private Load.Outcome placed(Http.Resp r, long showtimeId, int seats) {
    JsonNode body = r.json();
    long orderNo = Long.parseLong(body.path("orderNo").asText("0"));
    acknowledged.put(orderNo, new Placed(orderNo, showtimeId, new BigDecimal(body.path("amount").asText("0")),
        body.path("currency").asText("CNY"), seats));
    return Load.Outcome.ok("201", seats);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // warm-up: every path the phases measure, called until the JIT has compiled it (its orders are real orders: they
  // count in the storm and the invariants like any other)

  public void warmUp() throws Exception {
    Platform.Showtime show = showtime("warmup", o.integer("rows"), o.integer("cols"));
    List<Long> free = new ArrayList<>(Platform.available(platform.seatMap(Path.DIRECT, null, show.showtimeId())
        .json()));
    Collections.shuffle(free);
    int n = buyers.size();
    java.util.concurrent.atomic.AtomicIntegerArray held = new java.util.concurrent.atomic.AtomicIntegerArray(n);
    Probe probe = new Probe("warm-up (not measured)", "both");
    int workers = o.integer("http-concurrency") / 2;
    Load.closedLoop(probe, workers, o.decimal("warmup-seconds"), (w, i) -> {
      Path path = (w + i) % 2 == 0 ? Path.DIRECT : Path.GATEWAY;
      int k = (int) ((w + i * workers) % n);
      Buyer b = buyers.get(k);
      switch ((int) (i % 3)) {
        case 0 -> {
          Http.Resp r = platform.noop(path, b);
          return new Load.Outcome("noop:" + r.label(), r.status() == 204, 1, false);
        }
        case 1 -> {
          Http.Resp r = platform.seatMap(path, b, show.showtimeId());
          return new Load.Outcome("seatmap:" + r.label(), r.status() == 200, 1, false);
        }
        default -> {
          Long seat;
          synchronized (free) {
            seat = free.isEmpty() || held.get(k) >= seatLimit ? null : free.remove(free.size() - 1);
          }
          if (seat == null) {
            return Load.Outcome.refused("no seat left for this buyer");
          }
          Http.Resp r = platform.placeOrder(path, b, show.showtimeId(), List.of(seat));
          if (r.status() == 201) {
            held.incrementAndGet(k);
            return placed(r, show.showtimeId(), 1);
          }
          return Load.Outcome.refused("order:" + r.label());
        }
      }
    });
    phases.put("warmup", probe.result(Map.of("showtimeId", show.showtimeId(), "concurrency", workers)));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ceilings H: the no-op endpoint directly and through the gateway, driven by wrk (its own process: the JVM
  // generator would measure itself, docs/benchmark.md "Generators"); {@code target} is the pid whose CPU is reported

  public void noop(Path path, String key, long target) throws Exception {
    String p = path.name().toLowerCase();
    List<Map<String, String>> identities = buyers.stream().map(b -> platform.identity(path, b)).toList();
    phases.put(key, Wrk.run(new Wrk.Spec("H: no-op GET /api/orders/ping (" + p + ", wrk)", p,
        platform.orderUrl(path, "/api/orders/ping"), "GET", null, identities, null, o.integer("wrk-threads"),
        o.integer("wrk-connections"), o.decimal("ceiling-seconds"), 0, Set.of(204), target)));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // (1) on-sale: every buyer opens the seat map and races for 1-4 seats at a time until sold out or at the limit

  /**
   * The hall, program and showtime of an on-sale pass, put on sale: an admin's work before the buyers come, made before
   * the pass (and outside its CPU per placed order).
   */
  public Platform.Showtime onSaleShowtime(Path path) throws Exception {
    return showtime("onsale-" + path.name().toLowerCase(), o.integer("rows"), o.integer("cols"));
  }

  public void onSale(Path path, Platform.Showtime show) throws Exception {
    String p = path.name().toLowerCase();
    Probe orders = new Probe("on-sale: POST /api/orders (" + p + ")", p);
    Probe maps = new Probe("on-sale: seat map reads (" + p + ")", p);
    maps.start();
    int n = buyers.size();
    List<List<Long>> views = new ArrayList<>();
    int[] held = new int[n];
    int[] errors = new int[n];
    for (int i = 0; i < n; i++) {
      views.add(new ArrayList<>());
    }
    AtomicInteger soldOutSeen = new AtomicInteger();
    // every buyer races, but at most `onsale-concurrency` requests are in flight (a client connection pool; 0 =
    // every buyer at once, which on this machine ends in timeouts, see docs/benchmark.md)
    int concurrency = o.integer("onsale-concurrency");
    java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(concurrency > 0 ? concurrency
        : Integer.MAX_VALUE);
    boolean async = "async".equals(o.get("onsale-accept"));
    boolean rereadAvailability = "availability".equals(o.get("onsale-reread")); // checked by BenchOptions
    long[][][] positions = new long[n][][];
    Map<Long, Awaited> awaited = new ConcurrentHashMap<>();
    Load.closedLoop(orders, n, o.decimal("onsale-seconds"), (w, i) -> {
      Buyer b = buyers.get(w);
      List<Long> view = views.get(w);
      if (held[w] >= seatLimit || errors[w] > 20) {
        return null;
      }
      while (view.isEmpty()) {
        // the whole map once, then (as the storefront does) only the seats' statuses on its grid
        boolean whole = positions[w] == null || !rereadAvailability;
        inFlight.acquire();
        long t0 = System.nanoTime();
        Http.Resp map;
        try {
          map = whole ? platform.seatMap(path, b, show.showtimeId())
              : platform.availability(path, b, show.showtimeId());
        } finally {
          inFlight.release();
        }
        maps.record(System.nanoTime() - t0, (whole ? "seatmap:" : "availability:") + map.label(),
            map.status() == 200, 1);
        if (map.status() != 200) {
          if (++errors[w] > 20) {
            return null;
          }
          Thread.sleep(100);
          continue;
        }
        if (whole) {
          positions[w] = Platform.positions(map.json());
          view.addAll(Platform.available(map.json()));
        } else {
          view.addAll(Platform.available(positions[w], map.json()));
        }
        Collections.shuffle(view);
        if (view.isEmpty()) {
          soldOutSeen.incrementAndGet();
          return null;
        }
      }
      int k = Math.min(Math.min(1 + ThreadLocalRandom.current().nextInt(4), seatLimit - held[w]), view.size());
      List<Long> want = new ArrayList<>(view.subList(view.size() - k, view.size()));
      view.subList(view.size() - k, view.size()).clear();
      inFlight.acquire();
      long t0 = System.nanoTime();
      Http.Resp r;
      try {
        r = async ? platform.acceptOrder(path, b, show.showtimeId(), want)
            : platform.placeOrder(path, b, show.showtimeId(), want);
      } catch (Exception e) {
        view.addAll(want);
        errors[w]++;
        return Load.Outcome.refused(Load.errorLabel(e)).took(System.nanoTime() - t0);
      } finally {
        inFlight.release();
      }
      long took = System.nanoTime() - t0;
      switch (r.status()) {
        case 201 -> {
          held[w] += k;
          return placed(r, show.showtimeId(), k).took(took);
        }
        case 202 -> {
          held[w] += k;
          long orderNo = Long.parseLong(r.json().path("orderNo").asText("0"));
          awaited.put(orderNo, new Awaited(b, show.showtimeId(), k));
          return Load.Outcome.ok("202", k).took(took);
        }
        case 409 -> {
          // as the app does on "some of these seats were just taken": load the seat map again and choose anew
          view.clear();
          return Load.Outcome.refused(r.label()).took(took);
        }
        case 422 -> {
          return new Load.Outcome(r.label(), false, 0, true, took);
        }
        case 429 -> {
          view.addAll(want);
          Thread.sleep(250);
          return Load.Outcome.refused(r.label()).took(took);
        }
        default -> {
          view.addAll(want);
          errors[w]++;
          return Load.Outcome.refused(r.label()).took(took);
        }
      }
    });
    maps.stop();
    Map<String, Object> notes = new LinkedHashMap<>();
    Map<String, Object> settled = async ? settleAccepted(awaited) : Map.of();
    notes.put("showtimeId", show.showtimeId());
    notes.put("hallSeats", show.seats());
    notes.put("buyers", n);
    notes.put("requestsInFlightAtMost", concurrency > 0 ? concurrency : n);
    notes.put("rereadAfterConflict", rereadAvailability ? "availability" : "seat map");
    notes.put("seatLimitPerBuyer", seatLimit);
    notes.put("buyersWhoSawSoldOut", soldOutSeen.get());
    notes.put("seatsTaken", acknowledged.values().stream().filter(x -> x.showtimeId() == show.showtimeId())
        .mapToInt(Placed::seats).sum());
    PhaseResult pass = orders.result(notes);
    if (async) {
      // what the pass placed per second, from its first request until its last accepted order was settled
      double settleSeconds = (double) settled.get("settleSeconds");
      notes.putAll(settled);
      notes.remove("settleSeconds");
      notes.put("placedPerSecondIncludingSettle",
          Math.round(placed(pass.withNotes(notes)) / (pass.seconds() + settleSeconds) * 10) / 10.0);
      pass = pass.withNotes(notes);
    }
    phases.put("onsale." + p, pass);
    phases.put("onsale." + p + ".seatmap", maps.result(Map.of("showtimeId", show.showtimeId())));
  }

  /**
   * Orders a pass placed: its 201s, or with accepted orders, those placed after their 202 (a rejected one is no order).
   */
  public static long placed(PhaseResult pass) {
    Object later = pass.notes().get("placedAfterAcceptance");
    return pass.count("201") + (later instanceof Number n ? n.longValue() : 0);
  }

  /** An order answered 202, waiting for its outcome. */
  private record Awaited(Buyer buyer, long showtimeId, int seats) {}

  /**
   * Waits until every accepted order is placed or rejected (reading each as its buyer would), so the pass's CPU and
   * time include the placing; placed ones join the acknowledged orders (the storm pays them, the checks count them).
   */
  private Map<String, Object> settleAccepted(Map<Long, Awaited> awaited) throws Exception {
    long started = System.nanoTime();
    long deadline = started + (long) (o.decimal("settle-seconds") * 1e9);
    Map<Long, Awaited> waiting = new HashMap<>(awaited);
    int placedLater = 0;
    Map<String, Integer> rejected = new TreeMap<>();
    while (!waiting.isEmpty() && System.nanoTime() < deadline) {
      for (Iterator<Map.Entry<Long, Awaited>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<Long, Awaited> e = it.next();
        Http.Resp r = platform.order(e.getValue().buyer(), e.getKey());
        String status = r.status() == 200 ? r.json().path("status").asText() : "HTTP " + r.status();
        if ("PENDING".equals(status) || r.status() != 200 && r.status() != 404) {
          // still waiting, or a read that failed for now (asked again next round)
          continue;
        }
        it.remove();
        if ("REJECTED".equals(status)) {
          rejected.merge(r.json().path("rejection").path("code").asText(), 1, Integer::sum);
        } else if ("PENDING_PAYMENT".equals(status) || "PAID".equals(status)) {
          placed(r, e.getValue().showtimeId(), e.getValue().seats());
          placedLater++;
        } else {
          rejected.merge(status, 1, Integer::sum);
        }
      }
      if (!waiting.isEmpty()) {
        // a round reads every waiting order once: a second between rounds keeps the reads' own cost small
        Thread.sleep(1000);
      }
    }
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put("accept", "async (202, Prefer: respond-async)");
    notes.put("accepted", awaited.size());
    notes.put("placedAfterAcceptance", placedLater);
    notes.put("rejectedAfterAcceptance", rejected);
    notes.put("stillPending", waiting.size());
    double settleSeconds = (System.nanoTime() - started) / 1e9;
    notes.put("secondsToSettleAfterThePhase", Math.round(settleSeconds * 100) / 100.0);
    notes.put("settleSeconds", settleSeconds);

    return notes;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // hot seat: everyone wants the same 4 seats at the same moment; exactly one may win. Then the reject path alone.

  public Boolean hotSeat(long rejectTarget) throws Exception {
    Platform.Showtime show = showtime("hotseat", 10, 10);
    Http.Resp map = platform.seatMap(Path.DIRECT, null, show.showtimeId());
    List<Long> four = Platform.seats(map.json()).stream().map(Platform.Seat::seatId).sorted().limit(4).toList();
    int n = buyers.size();
    CountDownLatch ready = new CountDownLatch(n);
    Probe race = new Probe("hot seat race: " + n + " buyers, same 4 seats (gateway)", "gateway");
    Load.closedLoop(race, n, 60, (w, i) -> {
      if (i > 0) {
        return null;
      }
      ready.countDown();
      ready.await();
      long t0 = System.nanoTime();
      Http.Resp r = platform.placeOrder(Path.GATEWAY, buyers.get(w), show.showtimeId(), four);
      long took = System.nanoTime() - t0;
      return (r.status() == 201 ? placed(r, show.showtimeId(), 4) : Load.Outcome.refused(r.label())).took(took);
    });
    PhaseResult result = race.result(Map.of("showtimeId", show.showtimeId(), "seats", four));
    phases.put("hotseat.race.gateway", result);
    boolean oneWinner = result.count("201") == 1;
    facts.put("hotSeatWinners", result.count("201"));

    // the lock-and-reject path alone, driven by wrk: the 4 seats are taken, every further attempt must be a 409 (a 201
    // would be an oversell: counted here, and the invariants read it from the order shards)
    long base = 6_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    List<Map<String, String>> synthetic = new ArrayList<>();
    for (int k = 0; k < 2048; k++) {
      Map<String, String> headers = new LinkedHashMap<>(platform.syntheticIdentity(base + k));
      headers.put("Content-Type", "application/json");
      synthetic.add(headers);
    }
    String body = Http.JSON.writeValueAsString(Map.of("showtimeId", show.showtimeId(), "seatIds", four));
    java.net.URI orders = platform.orderUrl(Path.DIRECT, "/api/orders");
    int workers = o.integer("reject-concurrency");
    PhaseResult rejected = Wrk.run(new Wrk.Spec("lock-and-reject: POST /api/orders on taken seats (order service, wrk)",
        "direct", orders, "POST", body, synthetic, "Idempotency-Key", o.integer("wrk-threads"), workers,
        o.decimal("reject-seconds"), 0, Set.of(409), rejectTarget));
    phases.put(Targets.REJECT, rejected);

    // the latency goal is for a given load, not for a saturated service: the same 409s offered at a fixed share of R
    PhaseResult ceiling = phases.get(Targets.R);
    double fraction = o.decimal("reject-rate-fraction");
    double offered = ceiling == null ? 800 : Math.max(1, ceiling.okPerSecond() * fraction);
    PhaseResult pacedResult = Wrk.run(new Wrk.Spec(String.format(java.util.Locale.ROOT,
        "lock-and-reject at %.0f/s offered (%.0f%% of R, order service, wrk)", offered, fraction * 100), "direct",
        orders, "POST", body, synthetic, "Idempotency-Key", o.integer("wrk-threads"), workers,
        o.decimal("reject-seconds"), offered, Set.of(409), rejectTarget));
    phases.put(Targets.REJECT_PACED, pacedResult);
    return oneWinner && rejected.count("201") == 0 && pacedResult.count("201") == 0;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // oversubscribed 10x: many more buyers than seats, one attempt each from a seat map refreshed every second

  public Boolean oversell() throws Exception {
    int seats = o.integer("oversell-seats");
    int cols = 50;
    int rows = Math.max(1, (seats + cols - 1) / cols);
    Platform.Showtime show = showtime("oversell", rows, cols);
    int buyersTotal = o.integer("oversell-buyers");
    AtomicReference<List<Long>> view = new AtomicReference<>(
        Platform.available(platform.seatMap(Path.DIRECT, null, show.showtimeId()).json()));
    Thread refresher = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(1000);
          view.set(Platform.available(platform.seatMap(Path.DIRECT, null, show.showtimeId()).json()));
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          // keep the previous view
        }
      }
    }, "seatmap-refresher");
    refresher.setDaemon(true);
    refresher.start();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    AtomicLong seatsWon = new AtomicLong();
    long base = 7_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    Probe probe = new Probe("oversubscribed: " + buyersTotal + " buyers for " + show.seats()
        + " seats (order service)", "direct");
    Load.closedLoop(probe, o.integer("oversell-concurrency"), 600, (w, i) -> {
      int b = next.getAndIncrement();
      if (b >= buyersTotal) {
        return null;
      }
      List<Long> free = view.get();
      if (free.isEmpty()) {
        skipped.addAndGet(buyersTotal - b);
        next.set(buyersTotal);
        return null;
      }
      int k = Math.min(1 + ThreadLocalRandom.current().nextInt(4), free.size());
      Set<Long> want = new HashSet<>();
      while (want.size() < k) {
        want.add(free.get(ThreadLocalRandom.current().nextInt(free.size())));
      }
      Http.Resp r = platform.placeOrder(Path.DIRECT, new Buyer(base + b, "synthetic", "", null), show.showtimeId(),
          new ArrayList<>(want));
      if (r.status() == 201) {
        seatsWon.addAndGet(k);
        return placed(r, show.showtimeId(), k);
      }
      return Load.Outcome.refused(r.label());
    });
    refresher.interrupt();
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put("showtimeId", show.showtimeId());
    notes.put("hallSeats", show.seats());
    notes.put("buyers", buyersTotal);
    notes.put("seatsWon", seatsWon.get());
    notes.put("buyersWhoFoundItSoldOut", skipped.get());
    phases.put("oversell.direct", probe.result(notes));
    facts.put("oversellSeatsWon", seatsWon.get());
    return seatsWon.get() <= show.seats();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // (2) steady mix through the gateway: search, program detail, seat map, and a trickle of 1-seat purchases

  public void mix() throws Exception {
    Platform.Showtime show = showtime("mix", o.integer("rows"), o.integer("cols"));
    List<Long> free = Collections.synchronizedList(new ArrayList<>(
        Platform.available(platform.seatMap(Path.DIRECT, null, show.showtimeId()).json())));
    Collections.shuffle(free);
    int workers = o.integer("mix-concurrency");
    Probe probe = new Probe("steady mix: 45% search, 25% detail, 25% seat map, 5% buy (gateway)", "gateway");
    Load.closedLoop(probe, workers, o.decimal("mix-seconds"), (w, i) -> {
      Buyer b = buyers.get((int) ((w + i * workers) % buyers.size()));
      int dice = ThreadLocalRandom.current().nextInt(100);
      if (dice < 45) {
        Http.Resp r = platform.get(Path.GATEWAY, b, "/api/programs?keyword=Bench&size=20");
        return new Load.Outcome("search:" + r.label(), r.status() == 200, 1, false);
      } else if (dice < 70) {
        Http.Resp r = platform.get(Path.GATEWAY, b, "/api/programs/" + show.programId());
        return new Load.Outcome("detail:" + r.label(), r.status() == 200, 1, false);
      } else if (dice < 95 || free.isEmpty()) {
        Http.Resp r = platform.seatMap(Path.GATEWAY, b, show.showtimeId());
        return new Load.Outcome("seatmap:" + r.label(), r.status() == 200, 1, false);
      }
      Long seat;
      synchronized (free) {
        seat = free.isEmpty() ? null : free.remove(free.size() - 1);
      }
      Http.Resp r = platform.placeOrder(Path.GATEWAY, b, show.showtimeId(), List.of(seat));
      if (r.status() == 201) {
        placed(r, show.showtimeId(), 1);
      }
      return new Load.Outcome("order:" + r.label(), r.status() == 201, 1, false);
    });
    phases.put("mix.gateway", probe.result(Map.of("showtimeId", show.showtimeId(), "concurrency", workers)));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // fixed offered rate: 1-seat orders through the gateway at a fraction of the measured on-sale maximum

  public void fixedRate() throws Exception {
    PhaseResult max = phases.get("onsale.gateway");
    double rate = max == null ? 20 : Math.max(1, max.okPerSecond() * o.decimal("rate-fraction"));
    Platform.Showtime show = showtime("rate", o.integer("rows"), o.integer("cols"));
    List<Long> free = Platform.available(platform.seatMap(Path.DIRECT, null, show.showtimeId()).json());
    double seconds = Math.min(o.decimal("rate-seconds"),
        Math.min(free.size(), buyers.size() * seatLimit) / rate);
    AtomicInteger next = new AtomicInteger();
    Probe probe = new Probe(String.format(java.util.Locale.ROOT, "fixed rate %.1f orders/s (%.0f%% of max, gateway)",
        rate, o.decimal("rate-fraction") * 100), "gateway");
    Load.openLoop(probe, rate, seconds, 512, () -> {
      int k = next.getAndIncrement();
      long seat = free.get(k);
      return platform.placeOrderAsync(Path.GATEWAY, buyers.get(k % buyers.size()), show.showtimeId(), List.of(seat))
          .thenApply(r -> r.status() == 201 ? placed(r, show.showtimeId(), 1) : Load.Outcome.refused(r.label()));
    });
    phases.put("rate.gateway", probe.result(Map.of("offeredPerSecond", rate, "showtimeId", show.showtimeId())));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // (3) payment storm: a signed success callback for every open order at once, each sent several times

  public void paymentStorm(OrderStatusReader statuses) throws Exception {
    CallbackSigner signer = new CallbackSigner(o.get("pay-secret"));
    int copies = Math.max(1, o.integer("storm-duplicates"));
    List<String> bodies = new ArrayList<>();
    for (Placed p : acknowledged.values()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("eventId", "evt_bench_" + p.orderNo());
      body.put("type", "payment.succeeded");
      body.put("paymentId", "pay_bench_" + p.orderNo());
      body.put("merchantOrderNo", Long.toString(p.orderNo()));
      body.put("amount", p.amount().toPlainString());
      body.put("currency", p.currency());
      body.put("status", "SUCCESS");
      body.put("paidAt", Instant.now().toString());
      body.put("occurredAt", Instant.now().toString());
      String json = Http.write(body);
      for (int c = 0; c < copies; c++) {
        bodies.add(json);
      }
    }
    Collections.shuffle(bodies);
    AtomicInteger next = new AtomicInteger();
    Probe probe = new Probe("payment storm: " + acknowledged.size() + " orders x " + copies
        + " signed callbacks (pay service)", "direct");
    long t0 = System.nanoTime();
    Load.closedLoop(probe, o.integer("storm-concurrency"), 600, (w, i) -> {
      int k = next.getAndIncrement();
      if (k >= bodies.size()) {
        return null;
      }
      String body = bodies.get(k);
      Http.Resp r = platform.http.send("POST", platform.payService + "/pay/callback",
          Map.of(CallbackSigner.HEADER, signer.signatureHeader(Instant.now().getEpochSecond(), body)), body);
      String label = r.status() == 200 ? "200:" + r.json().path("result").asText() : r.label();
      return new Load.Outcome(label, r.status() == 200, 1, false);
    });
    // every acknowledged order must end PAID once the payment events went through Kafka
    double settleLimit = o.decimal("settle-seconds");
    Map<String, Long> last = Map.of();
    while ((System.nanoTime() - t0) / 1e9 < probe.result(Map.of()).seconds() + settleLimit) {
      last = statuses.countByStatus(acknowledged.keySet());
      if (last.getOrDefault("PAID", 0L) >= acknowledged.size()) {
        break;
      }
      Thread.sleep(1000);
    }
    double settled = (System.nanoTime() - t0) / 1e9;
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put("orders", acknowledged.size());
    notes.put("copiesPerCallback", copies);
    notes.put("secondsUntilAllPaid", last.getOrDefault("PAID", 0L) >= acknowledged.size() ? settled : null);
    notes.put("orderStatusesAfter", last);
    phases.put("storm.direct", probe.result(notes));
    facts.put("stormOrderStatuses", last);
  }

  /** Order statuses by number, read from the order databases. */
  public interface OrderStatusReader {
    Map<String, Long> countByStatus(Set<Long> orderNos) throws Exception;
  }
}
