package com.ticketplatform.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
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

/**
 * What a client does through the gateway, step by step: sign up or log in, find a showtime on sale, read its seats,
 * order, pay at the provider sandbox, wait for the order's status. Shared by the smoke tests that need a purchase.
 */
final class PurchaseSteps {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String PASSWORD = "Journey2026pw";

  /** The demo customer the user service seeds (the user service's demo data). */
  static final String DEMO_CUSTOMER = "demo@ticket.local";
  static final String DEMO_CUSTOMER_PASSWORD = LocalPlatform.setting("ticket.demo.customer.password",
      "TICKET_DEMO_CUSTOMER_PASSWORD", "Demo#2026");

  record Customer(long userId, String token) {}

  record Seat(long seatId, BigDecimal price, String status) {}

  /** A paid order: its number, showtime and seats. */
  record Purchase(String orderNo, long showtimeId, List<Long> seatIds) {}

  private PurchaseSteps() {}

  /** A new customer, signed up and logged in. */
  static Customer customer(String name) throws Exception {
    String login = name + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    String body = "{\"loginName\":\"" + login + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + name + "\"}";
    HttpResponse<String> registered = anonymousPost("/api/users/register", body);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return login(login, PASSWORD);
  }

  static Customer login(String login, String password) throws Exception {
    HttpResponse<String> loggedIn = anonymousPost("/api/users/login",
        "{\"loginName\":\"" + login + "\",\"password\":\"" + password + "\"}");
    assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(200);
    JsonNode tokens = LocalPlatform.JSON.readTree(loggedIn.body());
    assertThat(tokens.path("tokenType").asText()).isEqualTo("Bearer");
    String token = tokens.path("accessToken").asText();
    HttpResponse<String> me = send(new Customer(0, token), "GET", "/api/users/me", null, null);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    return new Customer(LocalPlatform.JSON.readTree(me.body()).path("id").asLong(), token);
  }

  static long upcomingOnSaleShowtime() throws Exception {
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

  static List<Seat> seats(long showtimeId) throws Exception {
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

  static List<Seat> availableSeats(long showtimeId) throws Exception {
    return seats(showtimeId).stream().filter(s -> s.status().equals("AVAILABLE")).toList();
  }

  static List<String> statusOf(long showtimeId, List<Long> seatIds) throws Exception {
    return seats(showtimeId).stream().filter(s -> seatIds.contains(s.seatId())).map(Seat::status).toList();
  }

  static String awaitOrderStatus(Customer who, String orderNo, String wanted, Duration timeout) throws Exception {
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

  /** An order body as a client writes it: ids as strings. */
  static String order(long showtimeId, List<Long> seatIds) {
    return "{\"showtimeId\":\"" + showtimeId + "\",\"seatIds\":["
        + seatIds.stream().map(id -> "\"" + id + "\"").collect(java.util.stream.Collectors.joining(",")) + "]}";
  }

  /** Places an order for the given seats; asserts 201 and returns the order number. */
  static String placeOrder(Customer who, long showtimeId, List<Long> seatIds, Map<String, String> extraHeaders)
      throws Exception {
    HttpResponse<String> placed = send(who, "POST", "/api/orders", order(showtimeId, seatIds),
        UUID.randomUUID().toString(), extraHeaders);
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    return LocalPlatform.JSON.readTree(placed.body()).path("orderNo").asText();
  }

  /** Starts the payment and lets the provider sandbox complete it (it sends the signed callback). */
  static void payAtProvider(Customer who, String orderNo) throws Exception {
    HttpResponse<String> payment = send(who, "POST", "/api/orders/" + orderNo + "/payment", "",
        UUID.randomUUID().toString());
    assertThat(payment.statusCode()).as(payment.body()).isEqualTo(200);
    String paymentId = LocalPlatform.JSON.readTree(payment.body()).path("paymentId").asText();
    assertThat(paymentId).isNotBlank();
    HttpResponse<String> completed = HTTP.send(HttpRequest.newBuilder(
            URI.create(sandboxUrl() + "/sandbox/pay/" + paymentId + "/complete"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"SUCCESS\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(completed.statusCode()).as(completed.body()).isBetween(200, 202);
  }

  /** A whole purchase of {@code count} seats by a new customer, ending with the order PAID. */
  static Purchase buyAndPay(int count) throws Exception {
    Customer buyer = customer("buyer");
    long showtimeId = upcomingOnSaleShowtime();
    List<Seat> free = availableSeats(showtimeId);
    assertThat(free).as("available seats in showtime %s", showtimeId).hasSizeGreaterThanOrEqualTo(count);
    List<Long> seatIds = free.subList(free.size() - count, free.size()).stream().map(Seat::seatId).toList();
    String orderNo = placeOrder(buyer, showtimeId, seatIds, Map.of());
    payAtProvider(buyer, orderNo);
    assertThat(awaitOrderStatus(buyer, orderNo, "PAID", Duration.ofSeconds(45))).isEqualTo("PAID");
    return new Purchase(orderNo, showtimeId, seatIds);
  }

  static String sandboxUrl() {
    return LocalPlatform.setting("ticket.sandbox.url", "TICKET_SANDBOX_URL", "http://127.0.0.1:8090");
  }

  static HttpResponse<String> anonymousPost(String path, String body) throws Exception {
    return Contract.send(HttpRequest.newBuilder(URI.create(LocalPlatform.gatewayUrl() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), body);
  }

  static HttpResponse<String> send(Customer who, String method, String path, String body, String key)
      throws Exception {
    return send(who, method, path, body, key, Map.of());
  }

  /** A request through the gateway, checked against the public API document; {@code who} null sends no token. */
  static HttpResponse<String> send(Customer who, String method, String path, String body, String key,
      Map<String, String> extraHeaders) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LocalPlatform.gatewayUrl() + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (who != null) {
      request.header("Authorization", "Bearer " + who.token());
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    extraHeaders.forEach(request::header);
    return Contract.send(request.build(), body);
  }
}
