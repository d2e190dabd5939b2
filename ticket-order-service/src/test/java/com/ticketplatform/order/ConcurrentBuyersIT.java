package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.order.support.OrderServiceITBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 200 buyers, real HTTP, racing for the same 10 seats: each seat goes to exactly one order. A buyer refused with 503
 * ORDERING_BUSY (admission control, likely on a loaded machine) does what the app does: waits the Retry-After and
 * sends the same request with the same Idempotency-Key again.
 */
class ConcurrentBuyersIT extends OrderServiceITBase {

  private static final int MAX_TRIES = 30;

  record Attempt(long user, long seat, Response response, List<Response> busy) {}

  @Test
  void twoHundredBuyersTenSeatsNoDoubleSale() throws Exception {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    int buyers = 200;
    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Attempt>> futures = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      long user = randomUser();
      long seatId = i % 10 + 1;
      futures.add(pool.submit(() -> {
        start.await();
        return buy(user, UUID.randomUUID().toString(), show.showtimeId(), seatId);
      }));
    }
    start.countDown();
    List<Attempt> attempts = new ArrayList<>();
    for (Future<Attempt> f : futures) {
      attempts.add(f.get(5, TimeUnit.MINUTES));
    }
    pool.shutdown();

    List<Response> busy = attempts.stream().flatMap(a -> a.busy().stream()).toList();
    assertThat(busy).allSatisfy(r -> {
      assertThat(r.body().path("code").asText()).isEqualTo("ORDERING_BUSY");
      assertThat(r.body().path("retryAfterSeconds").asInt()).isPositive();
    });
    List<Attempt> won = attempts.stream().filter(a -> a.response().status() == 201).toList();
    List<Attempt> lost = attempts.stream().filter(a -> a.response().status() == 409).toList();
    Map<Integer, Long> byStatus = attempts.stream()
        .collect(Collectors.groupingBy(a -> a.response().status(), Collectors.counting()));
    assertThat(won).as("outcomes by status: %s", byStatus).hasSize(10);
    assertThat(lost).as("outcomes by status: %s", byStatus).hasSize(190);
    assertThat(lost).allSatisfy(a -> assertThat(a.response().body().path("code").asText()).isEqualTo("SEATS_TAKEN"));

    Map<Long, Long> seatToOrder = new HashMap<>();
    Set<Long> orders = new HashSet<>();
    for (Attempt a : won) {
      long orderNo = Long.parseLong(a.response().body().path("orderNo").asText());
      assertThat(orders.add(orderNo)).isTrue();
      assertThat(seatToOrder.put(a.seat(), orderNo)).as("seat %d sold twice", a.seat()).isNull();
      assertThat(seat(show.showtimeId(), a.seat())).isEqualTo("L:" + orderNo + ":" + a.user());
      Response stored = call("GET", "/api/orders/" + orderNo, a.user(), null, null);
      assertThat(stored.body().path("status").asText()).isEqualTo("PENDING_PAYMENT");
    }
    assertThat(seatToOrder.keySet()).hasSize(10);
    // no half-made orders for the losers
    for (Attempt a : lost.subList(0, 20)) {
      assertThat(call("GET", "/api/orders", a.user(), null, null).body().path("items")).isEmpty();
    }
  }

  private Attempt buy(long user, String key, long showtimeId, long seatId) throws InterruptedException {
    List<Response> busy = new ArrayList<>();
    for (int i = 0; i < MAX_TRIES; i++) {
      Response r = placeOrder(user, key, showtimeId, seatId);
      if (r.status() != 503) {
        return new Attempt(user, seatId, r, busy);
      }
      busy.add(r);
      Thread.sleep(TimeUnit.SECONDS.toMillis(Math.max(1, r.body().path("retryAfterSeconds").asLong())));
    }
    throw new AssertionError("user " + user + " still refused after " + MAX_TRIES + " tries: " + busy);
  }
}
