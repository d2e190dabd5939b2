package com.ticketplatform.platform.smoke;

import static com.ticketplatform.platform.smoke.PurchaseSteps.HTTP;
import static com.ticketplatform.platform.smoke.PurchaseSteps.awaitOrderStatus;
import static com.ticketplatform.platform.smoke.PurchaseSteps.customer;
import static com.ticketplatform.platform.smoke.PurchaseSteps.order;
import static com.ticketplatform.platform.smoke.PurchaseSteps.payAtProvider;
import static com.ticketplatform.platform.smoke.PurchaseSteps.seats;
import static com.ticketplatform.platform.smoke.PurchaseSteps.send;
import static com.ticketplatform.platform.smoke.PurchaseSteps.statusOf;
import static com.ticketplatform.platform.smoke.PurchaseSteps.upcomingOnSaleShowtime;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.platform.smoke.PurchaseSteps.Customer;
import com.ticketplatform.platform.smoke.PurchaseSteps.Seat;

import tools.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer's whole purchase, as a client sees it through the gateway: sign up, browse, pick seats, order, pay at
 * the provider sandbox (which sends the signed callback), and find the order PAID and the seats SOLD.
 */
class PurchaseJourneySmokeIT {

  private static Customer alice;
  private static Customer bob;

  @BeforeAll
  static void signUp() throws Exception {
    alice = customer("alice");
    bob = customer("bob");
  }

  @Test
  void aCustomerBuysSeatsAndPaysAndNoOneElseCanHaveThem() throws Exception {
    long showtimeId = upcomingOnSaleShowtime();
    List<Seat> free = seats(showtimeId).stream().filter(s -> s.status().equals("AVAILABLE")).toList();
    assertThat(free).as("available seats in showtime %s", showtimeId).hasSizeGreaterThanOrEqualTo(2);
    List<Seat> wanted = free.subList(free.size() - 2, free.size());
    List<Long> wantedIds = wanted.stream().map(Seat::seatId).toList();
    BigDecimal expectedAmount = wanted.stream().map(Seat::price).reduce(BigDecimal.ZERO, BigDecimal::add);

    String key = UUID.randomUUID().toString();
    HttpResponse<String> placed = send(alice, "POST", "/api/orders", order(showtimeId, wantedIds), key);
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    JsonNode order = LocalPlatform.JSON.readTree(placed.body());
    String orderNo = order.path("orderNo").asText();
    assertThat(order.path("status").asText()).isEqualTo("PENDING_PAYMENT");
    assertThat(order.path("amount").decimalValue()).isEqualByComparingTo(expectedAmount);

    // a retry with the same key is the same order, not a second one
    HttpResponse<String> retried = send(alice, "POST", "/api/orders", order(showtimeId, wantedIds), key);
    assertThat(retried.statusCode()).as(retried.body()).isBetween(200, 201);
    assertThat(LocalPlatform.JSON.readTree(retried.body()).path("orderNo").asText()).isEqualTo(orderNo);

    // the seats are held for alice: bob gets a 409 naming them
    HttpResponse<String> clash = send(bob, "POST", "/api/orders", order(showtimeId, wantedIds), UUID.randomUUID().toString());
    assertThat(clash.statusCode()).as(clash.body()).isEqualTo(409);
    JsonNode problem = LocalPlatform.JSON.readTree(clash.body());
    assertThat(problem.path("code").asText()).isEqualTo("SEATS_TAKEN");
    assertThat(clash.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    assertThat(statusOf(showtimeId, wantedIds)).containsOnly("LOCKED");

    // another customer's order is invisible, even with a forged identity header
    HttpResponse<String> peek = send(bob, "GET", "/api/orders/" + orderNo, null, null,
        Map.of("X-User-Id", Long.toString(alice.userId()), "X-User-Roles", "ADMIN"));
    assertThat(peek.statusCode()).isEqualTo(404);

    // pay at the provider: its hosted page completes, and it calls /pay/callback with a signed body
    payAtProvider(alice, orderNo);

    String status = awaitOrderStatus(alice, orderNo, "PAID", Duration.ofSeconds(45));
    assertThat(status).isEqualTo("PAID");
    assertThat(statusOf(showtimeId, wantedIds)).containsOnly("SOLD");
  }

  @Test
  void cancellingAnUnpaidOrderGivesTheSeatsBack() throws Exception {
    long showtimeId = upcomingOnSaleShowtime();
    List<Seat> free = seats(showtimeId).stream().filter(s -> s.status().equals("AVAILABLE")).toList();
    List<Long> wanted = List.of(free.get(0).seatId());

    HttpResponse<String> placed = send(bob, "POST", "/api/orders", order(showtimeId, wanted), UUID.randomUUID().toString());
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    String orderNo = LocalPlatform.JSON.readTree(placed.body()).path("orderNo").asText();
    assertThat(statusOf(showtimeId, wanted)).containsOnly("LOCKED");

    HttpResponse<String> cancelled = send(bob, "POST", "/api/orders/" + orderNo + "/cancel", "", UUID.randomUUID().toString());
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(LocalPlatform.JSON.readTree(cancelled.body()).path("status").asText()).isEqualTo("CANCELLED");
    assertThat(statusOf(showtimeId, wanted)).containsOnly("AVAILABLE");
  }

  @Test
  void buyersRacingForTheSameSeatsThroughTheGatewayGetThemOnceOnly() throws Exception {
    long showtimeId = upcomingOnSaleShowtime();
    List<Seat> free = seats(showtimeId).stream().filter(s -> s.status().equals("AVAILABLE")).toList();
    List<Long> contested = List.of(free.get(1).seatId(), free.get(2).seatId());
    List<Customer> racers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      racers.add(customer("racer" + i));
    }

    ExecutorService pool = Executors.newFixedThreadPool(racers.size());
    try {
      List<Callable<Integer>> attempts = racers.stream().<Callable<Integer>>map(racer -> () ->
          send(racer, "POST", "/api/orders", order(showtimeId, contested), UUID.randomUUID().toString()).statusCode())
          .toList();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(attempts)) {
        statuses.add(f.get());
      }
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
      assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
    } finally {
      pool.shutdownNow();
    }
    assertThat(statusOf(showtimeId, contested)).containsOnly("LOCKED");
  }

  @Test
  void orderingWithoutATokenIsA401Problem() throws Exception {
    String body = "{\"showtimeId\":\"1\",\"seatIds\":[\"1\"]}";
    HttpResponse<String> response = Contract.send(HttpRequest.newBuilder(
            URI.create(LocalPlatform.gatewayUrl() + "/api/orders"))
        .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
        .header("X-User-Id", "1")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), body);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(LocalPlatform.JSON.readTree(response.body()).path("code").asText()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void theRulesABuyerOrdersUnderArePublicAndAreTheOnesEnforced() throws Exception {
    HttpResponse<String> response = Contract.send(HttpRequest.newBuilder(
        URI.create(LocalPlatform.gatewayUrl() + "/api/orders/rules")).GET().build(), null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode rules = LocalPlatform.JSON.readTree(response.body());
    // the local platform runs the defaults (ticket.order.*): six seats, fifteen minutes, half an hour, three days
    assertThat(rules.path("seatLimit").asInt()).isEqualTo(6);
    assertThat(rules.path("paymentWindowSeconds").asLong()).isEqualTo(15 * 60);
    assertThat(rules.path("refundClosesBeforeStartSeconds").asLong()).isEqualTo(30 * 60);
    assertThat(rules.path("refundAfterMoveSeconds").asLong()).isEqualTo(3 * 24 * 3600);
  }
}
