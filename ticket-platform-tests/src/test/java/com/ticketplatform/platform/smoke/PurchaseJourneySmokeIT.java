package com.ticketplatform.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String PASSWORD = "Journey2026pw";

  private static Customer alice;
  private static Customer bob;

  record Customer(long userId, String token) {}

  record Seat(long seatId, BigDecimal price, String status) {}

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
    HttpResponse<String> payment = send(alice, "POST", "/api/orders/" + orderNo + "/payment", "", UUID.randomUUID().toString());
    assertThat(payment.statusCode()).as(payment.body()).isEqualTo(200);
    String paymentId = LocalPlatform.JSON.readTree(payment.body()).path("paymentId").asText();
    assertThat(paymentId).isNotBlank();
    HttpResponse<String> completed = HTTP.send(HttpRequest.newBuilder(
            URI.create(sandboxUrl() + "/sandbox/pay/" + paymentId + "/complete"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"SUCCESS\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(completed.statusCode()).as(completed.body()).isBetween(200, 202);

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
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(LocalPlatform.gatewayUrl() + "/api/orders"))
        .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
        .header("X-User-Id", "1")
        .POST(HttpRequest.BodyPublishers.ofString("{\"showtimeId\":1,\"seatIds\":[1]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(LocalPlatform.JSON.readTree(response.body()).path("code").asText()).isEqualTo("UNAUTHENTICATED");
  }

  // ------------------------------------------------------------------------------------------------------------

  private static Customer customer(String name) throws Exception {
    String login = name + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    String body = "{\"loginName\":\"" + login + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + name + "\"}";
    HttpResponse<String> registered = anonymousPost("/api/users/register", body);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    HttpResponse<String> login2 = anonymousPost("/api/users/login",
        "{\"loginName\":\"" + login + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(login2.statusCode()).as(login2.body()).isEqualTo(200);
    JsonNode tokens = LocalPlatform.JSON.readTree(login2.body());
    assertThat(tokens.path("tokenType").asText()).isEqualTo("Bearer");
    String token = tokens.path("accessToken").asText();
    HttpResponse<String> me = send(new Customer(0, token), "GET", "/api/users/me", null, null);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    return new Customer(LocalPlatform.JSON.readTree(me.body()).path("id").asLong(), token);
  }

  private static long upcomingOnSaleShowtime() throws Exception {
    HttpResponse<String> list = LocalPlatform.get(LocalPlatform.gatewayUrl() + "/api/programs?size=20");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    Instant soon = Instant.now().plus(Duration.ofHours(1));
    for (JsonNode program : LocalPlatform.JSON.readTree(list.body()).path("items")) {
      HttpResponse<String> detail = LocalPlatform.get(
          LocalPlatform.gatewayUrl() + "/api/programs/" + program.path("programId").asText());
      assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
      for (JsonNode showtime : LocalPlatform.JSON.readTree(detail.body()).path("showtimes")) {
        if (showtime.path("status").asText().equals("ON_SALE")
            && Instant.parse(showtime.path("startsAt").asText()).isAfter(soon)) {
          return showtime.path("showtimeId").asLong();
        }
      }
    }
    throw new AssertionError("the demo catalogue has no upcoming showtime on sale");
  }

  private static List<Seat> seats(long showtimeId) throws Exception {
    HttpResponse<String> response = LocalPlatform.get(LocalPlatform.gatewayUrl() + "/api/showtimes/" + showtimeId + "/seats");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<Seat> seats = new ArrayList<>();
    for (JsonNode row : LocalPlatform.JSON.readTree(response.body()).path("rows")) {
      for (JsonNode seat : row.path("seats")) {
        seats.add(new Seat(seat.path("seatId").asLong(), seat.path("price").decimalValue(), seat.path("status").asText()));
      }
    }
    return seats;
  }

  private static List<String> statusOf(long showtimeId, List<Long> seatIds) throws Exception {
    return seats(showtimeId).stream().filter(s -> seatIds.contains(s.seatId())).map(Seat::status).toList();
  }

  private static String awaitOrderStatus(Customer who, String orderNo, String wanted, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    String status;
    do {
      HttpResponse<String> response = send(who, "GET", "/api/orders/" + orderNo, null, null);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      status = LocalPlatform.JSON.readTree(response.body()).path("status").asText();
      if (status.equals(wanted)) {
        return status;
      }
      Thread.sleep(500);
    } while (Instant.now().isBefore(deadline));
    return status;
  }

  private static String order(long showtimeId, List<Long> seatIds) {
    return "{\"showtimeId\":" + showtimeId + ",\"seatIds\":" + seatIds + "}";
  }

  private static String sandboxUrl() {
    return LocalPlatform.setting("ticket.sandbox.url", "TICKET_SANDBOX_URL", "http://127.0.0.1:8090");
  }

  private static HttpResponse<String> anonymousPost(String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(LocalPlatform.gatewayUrl() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(Customer who, String method, String path, String body, String key)
      throws Exception {
    return send(who, method, path, body, key, Map.of());
  }

  private static HttpResponse<String> send(Customer who, String method, String path, String body, String key,
      Map<String, String> extraHeaders) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LocalPlatform.gatewayUrl() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + who.token())
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    extraHeaders.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
