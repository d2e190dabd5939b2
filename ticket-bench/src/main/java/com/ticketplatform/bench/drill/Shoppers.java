package com.ticketplatform.bench.drill;

import com.ticketplatform.bench.load.Load;
import com.ticketplatform.bench.platform.Http;
import com.ticketplatform.bench.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Customers buying through the gateway as a storefront would: read the seat map, order one or two free seats, then
 * most pay at the provider sandbox (which sends the signed callback), some cancel, some leave the order unpaid.
 * Failed calls are retried a little, as a customer would, and counted by outcome. When a hall is nearly sold out the
 * next one is put on sale, so the load can run for as long as asked.
 */
final class Shoppers {

  /** Orders acknowledged with a 201, by showtime, and payments completed at the provider. */
  final Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
  final Set<Long> charged = ConcurrentHashMap.newKeySet();
  final Set<Long> showtimes = ConcurrentHashMap.newKeySet();
  final Map<Long, Integer> capacity = new ConcurrentHashMap<>();
  /** Purchases being worked on right now (from the order request to the completed payment). */
  final AtomicInteger inFlight = new AtomicInteger();

  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final Platform platform;
  private final AtomicReferenceArray<Platform.Buyer> buyers;
  private final String sandbox;
  private final int rows;
  private final int cols;
  private final String adminLogin;
  private final String adminPassword;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong nextSlot = new AtomicLong();
  private final List<Thread> threads = new ArrayList<>();
  private volatile Platform.Showtime current;
  private volatile long intervalNanos;

  Shoppers(Platform platform, List<Platform.Buyer> buyers, String sandbox, int rows, int cols, String adminLogin,
      String adminPassword) {
    this.platform = platform;
    this.buyers = new AtomicReferenceArray<>(buyers.toArray(Platform.Buyer[]::new));
    this.sandbox = sandbox;
    this.rows = rows;
    this.cols = cols;
    this.adminLogin = adminLogin;
    this.adminPassword = adminPassword;
  }

  /** Puts a new showtime on sale and sends every shopper to it. */
  synchronized Platform.Showtime newShowtime(String label) throws Exception {
    Exception last = null;
    for (int attempt = 1; attempt <= 5; attempt++) {
      try {
        platform.loginAdmin(adminLogin, adminPassword);
        Platform.Showtime s = platform.createShowtime(label, rows, cols);
        showtimes.add(s.showtimeId());
        capacity.put(s.showtimeId(), s.seats());
        current = s;
        return s;
      } catch (Exception e) {
        last = e;
        Thread.sleep(2000L * attempt);
      }
    }
    throw last;
  }

  /** The hall is nearly sold out: the first shopper to notice puts the next one on sale, the others follow. */
  private synchronized void nextShowtimeAfter(Platform.Showtime soldOut) throws Exception {
    if (current == soldOut) {
      newShowtime("drill");
    }
  }

  /** Starts {@code workers} shoppers; {@code purchasesPerSecond} > 0 paces them all together to that rate. */
  void start(int workers, double purchasesPerSecond) {
    intervalNanos = purchasesPerSecond > 0 ? (long) (1e9 / purchasesPerSecond) : 0;
    nextSlot.set(System.nanoTime());
    running.set(true);
    for (int w = 0; w < workers; w++) {
      Thread t = new Thread(this::shop, "shopper-" + w);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  void stop() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(60_000);
    }
    threads.clear();
  }

  Map<String, Long> outcomes() {
    Map<String, Long> out = new TreeMap<>();
    outcomes.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  void resetOutcomes() {
    outcomes.clear();
  }

  private void count(String outcome) {
    outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
  }

  private void shop() {
    while (running.get()) {
      if (intervalNanos > 0) {
        long due = nextSlot.getAndAdd(intervalNanos);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        } else if (wait < -2_000_000_000L) {
          nextSlot.set(System.nanoTime()); // fell behind (a fault): do not make up for the lost time in a burst
        }
      }
      inFlight.incrementAndGet();
      try {
        purchase();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        count("error:" + Load.errorLabel(e));
        pause(300);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  private void purchase() throws Exception {
    Platform.Showtime show = current;
    int index = ThreadLocalRandom.current().nextInt(buyers.length());
    Platform.Buyer buyer = buyers.get(index);
    Http.Resp map = platform.seatMap(Platform.Path.GATEWAY, buyer, show.showtimeId());
    if (map.status() == 401) {
      relogin(index, buyer);
      return;
    }
    if (map.status() != 200) {
      count("seat map " + map.label());
      pause(300);
      return;
    }
    List<Long> free = new ArrayList<>(Platform.available(map.json()));
    if (free.size() < 10) {
      nextShowtimeAfter(show);
      return;
    }
    int n = 1 + ThreadLocalRandom.current().nextInt(2);
    List<Long> seats = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      seats.add(free.remove(ThreadLocalRandom.current().nextInt(free.size())));
    }
    Http.Resp placed = platform.placeOrder(Platform.Path.GATEWAY, buyer, show.showtimeId(), seats);
    count("order " + placed.label());
    if (placed.status() == 401) {
      relogin(index, buyer);
      return;
    }
    if (placed.status() != 201) {
      if (placed.status() >= 500 || placed.status() == 429) {
        pause(300);
      }
      return;
    }
    long orderNo = Long.parseLong(placed.json().path("orderNo").asText());
    acknowledged.put(orderNo, show.showtimeId());
    double choice = ThreadLocalRandom.current().nextDouble();
    if (choice < 0.75) {
      pay(buyer, orderNo);
    } else if (choice < 0.85) {
      Http.Resp cancelled = platform.http.send("POST", platform.gateway + "/api/orders/" + orderNo + "/cancel",
          platform.identity(Platform.Path.GATEWAY, buyer), null);
      count("cancel " + cancelled.label());
    }
  }

  /** Opens the pay flow (retried like an impatient customer) and pays at the provider's hosted page. */
  private void pay(Platform.Buyer buyer, long orderNo) throws Exception {
    for (int attempt = 1; attempt <= 3 && running.get(); attempt++) {
      Http.Resp started = platform.http.send("POST", platform.gateway + "/api/orders/" + orderNo + "/payment",
          platform.identity(Platform.Path.GATEWAY, buyer), null);
      count("pay start " + started.label());
      if (started.status() == 200) {
        String paymentId = started.json().path("paymentId").asText();
        Http.Resp done = platform.http.send("POST", sandbox + "/sandbox/pay/" + paymentId + "/complete", Map.of(),
            Map.of("outcome", "SUCCESS"));
        count("provider complete " + done.label());
        if (done.status() == 200) {
          charged.add(orderNo);
        }
        return;
      }
      if (started.status() < 500 && started.status() != 429) {
        return;
      }
      pause(1000L * attempt);
    }
  }

  private void relogin(int index, Platform.Buyer buyer) throws Exception {
    String token = platform.login(buyer.loginName(), buyer.password());
    buyers.compareAndSet(index, buyer, buyer.withToken(token));
    count("relogin");
  }

  private static void pause(long millis) {
    LockSupport.parkNanos(millis * 1_000_000L);
  }
}
