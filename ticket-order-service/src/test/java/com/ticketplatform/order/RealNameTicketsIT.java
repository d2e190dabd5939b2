package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.event.PaymentEvents;
import com.ticketplatform.common.seat.SeatInventoryKeys;
import com.ticketplatform.order.eticket.TicketCodec;
import com.ticketplatform.order.support.FakeHolderClient;
import com.ticketplatform.order.support.OrderServiceITBase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Real-name showtimes (docs/ARCHITECTURE.md §12): every ticket names one of the buyer's holders, and one ID number
 * holds at most the showtime's cap of tickets across all accounts, whatever the concurrency.
 */
class RealNameTicketsIT extends OrderServiceITBase {

  @Autowired
  FakeHolderClient holders;

  ShowtimeSaleInfo realNamed(int seats, int cap) {
    ShowtimeSaleInfo show = programs.onSaleRealNamed(seats, cap);
    initInventory(show.showtimeId(), seats);
    return show;
  }

  Response order(long user, ShowtimeSaleInfo show, List<Long> seats, List<Long> holderIds) {
    Map<String, Object> body = new HashMap<>();
    body.put("showtimeId", show.showtimeId());
    body.put("seatIds", seats);
    if (holderIds != null) {
      body.put("holderIds", holderIds);
    }
    return call("POST", "/api/orders", user, UUID.randomUUID().toString(), body);
  }

  static String idNumber() {
    long n = java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L);
    return "11" + n + "7";
  }

  @Test
  void oneIdNumberGetsOneTicketWhenManyAccountsRaceForIt() throws Exception {
    ShowtimeSaleInfo show = realNamed(30, 1);
    String person = idNumber();
    int buyers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < buyers; i++) {
        long user = randomUser();
        long holder = holders.add(user, "Li Wei", person);
        long seatId = i + 1;
        answers.add(pool.submit((Callable<Response>) () -> {
          start.await();
          return order(user, show, List.of(seatId), List.of(holder));
        }));
      }
      start.countDown();
      int placed = 0;
      for (Future<Response> answer : answers) {
        Response r = answer.get();
        if (r.status() == 201) {
          placed++;
        } else {
          assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(409);
          assertThat(r.body().path("code").asText()).isEqualTo("HOLDER_CAP_REACHED");
          assertThat(r.body().path("limit").asInt()).isEqualTo(1);
        }
      }
      assertThat(placed).as("orders naming the same person").isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    // the refused orders gave their seats back at once
    long free = 0;
    for (long seat = 1; seat <= buyers; seat++) {
      free += SeatInventoryKeys.AVAILABLE.equals(seat(show.showtimeId(), seat)) ? 1 : 0;
    }
    assertThat(free).isEqualTo(buyers - 1);
  }

  @Test
  void aCancelledOrderFreesItsPeopleForAnotherPurchase() {
    ShowtimeSaleInfo show = realNamed(10, 1);
    String person = idNumber();
    long first = randomUser();
    Response placed = order(first, show, List.of(1L), List.of(holders.add(first, "Wang Fang", person)));
    assertThat(placed.status()).as(String.valueOf(placed.body())).isEqualTo(201);
    long second = randomUser();
    long theirHolder = holders.add(second, "Wang Fang", person);
    assertThat(order(second, show, List.of(2L), List.of(theirHolder)).status()).isEqualTo(409);

    String orderNo = placed.body().path("orderNo").asText();
    assertThat(call("POST", "/api/orders/" + orderNo + "/cancel", first, null, null).status()).isEqualTo(200);
    Response again = order(second, show, List.of(2L), List.of(theirHolder));
    assertThat(again.status()).as(String.valueOf(again.body())).isEqualTo(201);
  }

  @Test
  void aCapAboveOneLetsOnePersonHoldThatManyTicketsAndNoMore() {
    ShowtimeSaleInfo show = realNamed(10, 2);
    String person = idNumber();
    long user = randomUser();
    long holder = holders.add(user, "Zhang San", person);
    assertThat(order(user, show, List.of(1L, 2L, 3L), List.of(holder, holder, holder)).status())
        .as("three tickets for one person in one order").isEqualTo(409);
    assertThat(order(user, show, List.of(1L, 2L), List.of(holder, holder)).status()).isEqualTo(201);
    long other = randomUser();
    Response third = order(other, show, List.of(5L), List.of(holders.add(other, "Zhang San", person)));
    assertThat(third.status()).isEqualTo(409);
    assertThat(third.body().path("seatIds").get(0).asText()).isEqualTo("5");
  }

  @Test
  void holdersMustBeTheBuyersOwnAndOnlyWhereTheShowtimeNamesThem() {
    ShowtimeSaleInfo show = realNamed(10, 1);
    long user = randomUser();
    Response missing = order(user, show, List.of(1L), null);
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.body().path("code").asText()).isEqualTo("HOLDERS_REQUIRED");

    long stranger = randomUser();
    long theirs = holders.add(stranger, "Chen Jie", idNumber());
    Response foreign = order(user, show, List.of(1L), List.of(theirs));
    assertThat(foreign.status()).isEqualTo(422);
    assertThat(foreign.body().path("code").asText()).isEqualTo("UNKNOWN_HOLDERS");

    Response mismatched = order(user, show, List.of(1L, 2L), List.of(holders.add(user, "Chen Jie", idNumber())));
    assertThat(mismatched.status()).isEqualTo(400);

    ShowtimeSaleInfo unnamed = onSaleWithInventory(10);
    Response named = order(user, unnamed, List.of(1L), List.of(holders.add(user, "Chen Jie", idNumber())));
    assertThat(named.status()).isEqualTo(422);
    assertThat(named.body().path("code").asText()).isEqualTo("UNKNOWN_HOLDERS");
    // nothing of it was kept
    assertThat(seat(show.showtimeId(), 1)).isEqualTo(SeatInventoryKeys.AVAILABLE);
    assertThat(seat(unnamed.showtimeId(), 1)).isEqualTo(SeatInventoryKeys.AVAILABLE);
  }

  @Test
  void theTicketAndItsCodeNameTheHolderMasked() throws Exception {
    ShowtimeSaleInfo show = realNamed(10, 1);
    long user = randomUser();
    String person = idNumber();
    long holder = holders.add(user, "Zhao Lei", person);
    Response placed = order(user, show, List.of(4L), List.of(holder));
    assertThat(placed.status()).as(String.valueOf(placed.body())).isEqualTo(201);
    String shown = "Zhao Lei " + person.substring(0, 3) + "*".repeat(person.length() - 7)
        + person.substring(person.length() - 4);
    assertThat(placed.body().path("seats").get(0).path("holder").asText()).isEqualTo(shown);
    assertThat(placed.body().toString()).doesNotContain(person);

    long orderNo = Long.parseLong(placed.body().path("orderNo").asText());
    publishPayment(new PaymentEvents.PaymentSucceeded(orderNo, "pay-" + orderNo, new BigDecimal("50.00"), "CNY",
        Instant.now()), orderNo);
    await("order paid", () -> "PAID".equals(status(user, orderNo)));
    JsonNode ticket = call("GET", "/api/orders/" + orderNo + "/tickets", user, null, null).body().get(0);
    assertThat(ticket.path("holder").asText()).isEqualTo(shown);
    assertThat(TicketCodec.parse(ticket.path("code").asText()))
        .map(parsed -> parsed.code().holder()).contains(shown);
  }
}
