package com.ticketplatform.bench.platform;

import tools.jackson.databind.JsonNode;
import com.ticketplatform.bench.BenchOptions;
import com.ticketplatform.common.security.InternalToken;
import com.ticketplatform.common.web.AuthHeaders;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The platform's public API as the bench uses it, through the gateway (JWT) or straight at a service with the
 * identity headers the gateway would set ({@link AuthHeaders}).
 */
public final class Platform {

  public enum Path { GATEWAY, DIRECT }

  public record Buyer(long userId, String loginName, String password, String token) {
    public Buyer withToken(String t) {
      return new Buyer(userId, loginName, password, t);
    }
  }

  public record Seat(long seatId, String status) {}

  public record Showtime(long showtimeId, long programId, int seats) {}

  public final Http http;
  public final String gateway;
  public final String userService;
  public final String programService;
  public final String orderService;
  public final String payService;
  private String adminToken;
  private final InternalToken internal;

  public Platform(BenchOptions o) {
    this.http = new Http(Duration.ofMillis(o.integer("timeout-ms")));
    this.gateway = o.get("gateway");
    this.userService = o.get("user-service");
    this.programService = o.get("program-service");
    this.orderService = o.get("order-service");
    this.payService = o.get("pay-service");
    this.internal = new InternalToken(o.get("internal-secret"), java.time.Clock.systemUTC());
  }

  /** Fails with the names of the pieces that do not answer healthy. */
  public void requireUp() throws InterruptedException {
    List<String> down = new ArrayList<>();
    Map<String, String> services = new LinkedHashMap<>();
    services.put("gateway", gateway);
    services.put("user service", userService);
    services.put("program service", programService);
    services.put("order service", orderService);
    services.put("pay service", payService);
    for (Map.Entry<String, String> s : services.entrySet()) {
      try {
        Http.Resp r = http.send("GET", s.getValue() + "/actuator/health", Map.of(), null);
        if (r.status() != 200 || !r.body().contains("\"UP\"")) {
          down.add(s.getKey() + " (" + s.getValue() + ": health " + r.status() + ")");
        }
      } catch (IOException e) {
        down.add(s.getKey() + " (" + s.getValue() + ": " + e.getClass().getSimpleName() + ")");
      }
    }
    if (!down.isEmpty()) {
      throw new IllegalStateException("the platform is not up: " + String.join(", ", down)
          + ". Start it with ./ticket up");
    }
  }

  // ---- users ----

  public Buyer register(String loginName, String password) throws IOException, InterruptedException {
    Http.Resp r = http.send("POST", userService + "/api/users/register",
        Map.of(AuthHeaders.IDEMPOTENCY_KEY, "register-" + loginName),
        Map.of("loginName", loginName, "password", password, "displayName", "Bench buyer"));
    if (r.status() == 201) {
      return new Buyer(r.json().path("id").asLong(), loginName, password, null);
    }
    if (r.status() == 409) {
      return new Buyer(0, loginName, password, null);
    }
    throw new IllegalStateException("register " + loginName + ": " + r.status() + " " + r.body());
  }

  /** Logs in at the user service (the gateway's anonymous per-address limit would pace a one-address generator). */
  public String login(String loginName, String password) throws IOException, InterruptedException {
    Http.Resp r = http.send("POST", userService + "/api/users/login", Map.of(),
        Map.of("loginName", loginName, "password", password));
    if (r.status() != 200) {
      throw new IllegalStateException("login " + loginName + ": " + r.status() + " " + r.body());
    }
    return r.json().path("accessToken").asText();
  }

  /** The user id is the token's subject. */
  public static long subjectOf(String jwt) {
    String[] parts = jwt.split("\\.");
    try {
      JsonNode claims = Http.JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
      return Long.parseLong(claims.path("sub").asText());
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot read the token's subject", e);
    }
  }

  // ---- catalogue (admin, through the gateway) ----

  private Map<String, String> admin() {
    return Map.of("Authorization", "Bearer " + adminToken);
  }

  private JsonNode adminCall(String method, String path, Object body, int expected)
      throws IOException, InterruptedException {
    Http.Resp r = http.send(method, gateway + path, admin(), body);
    if (r.status() != expected) {
      throw new IllegalStateException(method + " " + path + ": " + r.status() + " " + r.body());
    }
    return r.json();
  }

  public void loginAdmin(String login, String password) throws IOException, InterruptedException {
    Http.Resp r = http.send("POST", gateway + "/api/users/login", Map.of(),
        Map.of("loginName", login, "password", password));
    if (r.status() != 200) {
      throw new IllegalStateException("admin login through the gateway: " + r.status() + " " + r.body());
    }
    adminToken = r.json().path("accessToken").asText();
  }

  /** A new cinema, a rows x cols hall without gaps, a program and a showtime, put on sale. */
  public Showtime createShowtime(String label, int rows, int cols) throws IOException, InterruptedException {
    String tag = label + " " + UUID.randomUUID().toString().substring(0, 8);
    long cinemaId = adminCall("POST", "/api/admin/cinemas",
        Map.of("name", "Bench Cinema " + tag, "city", "Benchville", "address", "1 Load Street"), 201)
        .path("cinemaId").asLong();
    Map<String, Object> hall = new HashMap<>();
    hall.put("name", "Hall " + tag);
    hall.put("rows", rows);
    hall.put("cols", cols);
    long hallId = adminCall("POST", "/api/admin/cinemas/" + cinemaId + "/halls", hall, 201).path("hallId").asLong();
    long programId = adminCall("POST", "/api/admin/programs", Map.of("title", "Bench Premiere " + tag,
        "category", "DRAMA", "durationMinutes", 100, "rating", "PG-13", "posterUrl", "https://img.test/bench.jpg",
        "description", "load benchmark showtime", "cast", List.of("Bench Actor")), 201).path("programId").asLong();
    Instant startsAt = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MINUTES);
    long showtimeId = adminCall("POST", "/api/admin/showtimes", Map.of("programId", programId, "hallId", hallId,
        "startsAt", startsAt.toString(), "prices", Map.of("A", "88.00", "B", "68.00", "C", "48.00"),
        "currency", "CNY"), 201).path("showtimeId").asLong();
    adminCall("POST", "/api/admin/showtimes/" + showtimeId + "/on-sale", null, 200);
    return new Showtime(showtimeId, programId, rows * cols);
  }

  // ---- buying ----

  /**
   * Through the gateway the buyer's JWT; straight at a service the identity headers the gateway would set, vouched
   * for by the internal credential as the gateway does (the local platform's secret: docs/ARCHITECTURE.md §9).
   */
  public Map<String, String> identity(Path path, Buyer buyer) {
    if (path == Path.GATEWAY) {
      return Map.of("Authorization", "Bearer " + buyer.token());
    }
    String user = Long.toString(buyer.userId());
    return Map.of(AuthHeaders.USER_ID, user, AuthHeaders.USER_ROLES, AuthHeaders.ROLE_CUSTOMER,
        InternalToken.HEADER, internal.sign("ticket-gateway", user, AuthHeaders.ROLE_CUSTOMER, null));
  }

  private String base(Path path, String direct) {
    return path == Path.GATEWAY ? gateway : direct;
  }

  public Http.Resp seatMap(Path path, Buyer buyer, long showtimeId) throws IOException, InterruptedException {
    return http.send("GET", base(path, programService) + "/api/showtimes/" + showtimeId + "/seats",
        buyer == null || path == Path.DIRECT ? Map.of() : identity(path, buyer), null);
  }

  /** Only the seats' live statuses, on the seat map's grid (what a buyer who has the map re-reads). */
  public Http.Resp availability(Path path, Buyer buyer, long showtimeId) throws IOException, InterruptedException {
    return http.send("GET", base(path, programService) + "/api/showtimes/" + showtimeId + "/availability",
        buyer == null || path == Path.DIRECT ? Map.of() : identity(path, buyer), null);
  }

  /** The seat id at each position of a seat map's grid ([row - 1][col - 1]; 0 where there is no seat). */
  public static long[][] positions(JsonNode seatMap) {
    long[][] ids = new long[seatMap.path("rowCount").asInt()][seatMap.path("colCount").asInt()];
    seatMap.path("rows").forEach(row -> row.path("seats").forEach(s -> {
      int r = s.path("row").asInt();
      int c = s.path("col").asInt();
      if (r >= 1 && r <= ids.length && c >= 1 && c <= ids[r - 1].length) {
        ids[r - 1][c - 1] = s.path("seatId").asLong();
      }
    }));
    return ids;
  }

  /** The available seats of an availability read ('A' in its grid), by the positions of the seat map read first. */
  public static List<Long> available(long[][] positions, JsonNode availability) {
    List<Long> free = new ArrayList<>();
    JsonNode grid = availability.path("grid");
    for (int r = 0; r < positions.length && r < grid.size(); r++) {
      String row = grid.get(r).asText();
      for (int c = 0; c < positions[r].length && c < row.length(); c++) {
        if (row.charAt(c) == 'A' && positions[r][c] != 0) {
          free.add(positions[r][c]);
        }
      }
    }
    return free;
  }

  public static List<Seat> seats(JsonNode seatMap) {
    List<Seat> seats = new ArrayList<>();
    seatMap.path("rows").forEach(row -> row.path("seats").forEach(
        s -> seats.add(new Seat(s.path("seatId").asLong(), s.path("status").asText()))));
    return seats;
  }

  public static List<Long> available(JsonNode seatMap) {
    return seats(seatMap).stream().filter(s -> "AVAILABLE".equals(s.status())).map(Seat::seatId).toList();
  }

  private Map<String, String> orderHeaders(Path path, Buyer buyer) {
    Map<String, String> h = new HashMap<>(identity(path, buyer));
    h.put(AuthHeaders.IDEMPOTENCY_KEY, UUID.randomUUID().toString());
    return h;
  }

  public Http.Resp placeOrder(Path path, Buyer buyer, long showtimeId, List<Long> seatIds)
      throws IOException, InterruptedException {
    return http.send("POST", base(path, orderService) + "/api/orders", orderHeaders(path, buyer),
        Map.of("showtimeId", showtimeId, "seatIds", seatIds));
  }

  /** The same, asking to be answered once the order is accepted (202) instead of placed. */
  public Http.Resp acceptOrder(Path path, Buyer buyer, long showtimeId, List<Long> seatIds)
      throws IOException, InterruptedException {
    Map<String, String> headers = orderHeaders(path, buyer);
    headers.put("Prefer", "respond-async");
    return http.send("POST", base(path, orderService) + "/api/orders", headers,
        Map.of("showtimeId", showtimeId, "seatIds", seatIds));
  }

  /** An order as its buyer reads it, straight at the order service. */
  public Http.Resp order(Buyer buyer, long orderNo) throws IOException, InterruptedException {
    return http.send("GET", base(Path.DIRECT, orderService) + "/api/orders/" + orderNo, identity(Path.DIRECT, buyer),
        null);
  }

  public CompletableFuture<Http.Resp> placeOrderAsync(Path path, Buyer buyer, long showtimeId, List<Long> seatIds) {
    return http.sendAsync("POST", base(path, orderService) + "/api/orders", orderHeaders(path, buyer),
        Map.of("showtimeId", showtimeId, "seatIds", seatIds));
  }

  /** The order service's {@code pathAndQuery}, through the gateway or straight at the service. */
  public java.net.URI orderUrl(Path path, String pathAndQuery) {
    return java.net.URI.create(base(path, orderService) + pathAndQuery);
  }

  /** What a synthetic buyer (an id no account has) sends straight at a service: the gateway's identity headers. */
  public Map<String, String> syntheticIdentity(long userId) {
    return identity(Path.DIRECT, new Buyer(userId, "synthetic", "", null));
  }

  public Http.Resp noop(Path path, Buyer buyer) throws IOException, InterruptedException {
    return http.send("GET", base(path, orderService) + "/api/orders/ping", identity(path, buyer), null);
  }

  public Http.Resp get(Path path, Buyer buyer, String pathAndQuery) throws IOException, InterruptedException {
    return http.send("GET", base(path, programService) + pathAndQuery, identity(path, buyer), null);
  }
}
