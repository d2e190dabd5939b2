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
import org.junit.jupiter.api.Test;

/** 200 buyers, real HTTP, racing for the same 10 seats: each seat goes to exactly one order. */
class ConcurrentBuyersIT extends OrderServiceITBase {

  record Attempt(long user, long seat, Response response) {}

  @Test
  void twoHundredBuyersTenSeatsNoDoubleSale() throws Exception {
    ShowtimeSaleInfo show = programs.onSale(10);
    initInventory(show.showtimeId(), 10);
    int buyers = 200;
    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Attempt>> futures = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      long user = randomUser();
      long seatId = i % 10 + 1;
      futures.add(pool.submit(() -> {
        start.await();
        return new Attempt(user, seatId, placeOrder(user, UUID.randomUUID().toString(), show.showtimeId(), seatId));
      }));
    }
    start.countDown();
    List<Attempt> attempts = new ArrayList<>();
    for (Future<Attempt> f : futures) {
      attempts.add(f.get(5, TimeUnit.MINUTES));
    }
    pool.shutdown();

    List<Attempt> won = attempts.stream().filter(a -> a.response().status() == 201).toList();
    List<Attempt> lost = attempts.stream().filter(a -> a.response().status() == 409).toList();
    assertThat(won).hasSize(10);
    assertThat(lost).hasSize(190);
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
}
