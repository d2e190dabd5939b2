package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import com.ticketplatform.common.seat.SeatInventoryKeys;
import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.program.support.IntegrationTestBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class AdminFlowIT extends IntegrationTestBase {

  @Autowired StringRedisTemplate redis;

  @Test
  void adminBuildsACatalogueAndTheSeatMapShowsLiveStatusFromRedis() {
    long cinemaId = createCinema("Shanghai");
    long hallId = createHall(cinemaId);
    JsonNode hall = get("/api/admin/halls/" + hallId).getBody();
    // hall via the admin GET needs the admin headers: plain GET is refused
    assertThat(hall.get("status").asInt()).isEqualTo(401);
    hall = call(HttpMethod.GET, "/api/admin/halls/" + hallId, null, admin()).getBody();
    assertThat(hall.get("seatCount").asInt()).isEqualTo(4 * 5 - 4 - 1);

    long programId = createProgram(unique("Seat Map Film"), "DRAMA");
    long showtimeId = createShowtime(programId, hallId, inDays(3));

    // not on sale yet: no seat is offered
    JsonNode scheduled = get("/api/showtimes/" + showtimeId + "/seats").getBody();
    assertThat(scheduled.get("status").asText()).isEqualTo("SCHEDULED");
    assertThat(scheduled.findValuesAsString("status")).contains("UNAVAILABLE").doesNotContain("AVAILABLE");
    // its availability alone, on the same grid: gap A1 and aisle column 3 are no seat
    assertThat(availabilityGrid(showtimeId)).containsExactly(".U.UU", "UU.UU", "UU.UU", "UU.UU");

    putOnSale(showtimeId);
    assertThat(redis.opsForHash().size(SeatInventoryKeys.seats(showtimeId))).isEqualTo(15L);

    ResponseEntity<JsonNode> seatMap = get("/api/showtimes/" + showtimeId + "/seats");
    assertThat(seatMap.getStatusCode().value()).isEqualTo(200);
    List<JsonNode> seats = seatsOf(seatMap.getBody());
    assertThat(seats).hasSize(15);
    assertThat(seats).allMatch(s -> s.get("status").asText().equals("AVAILABLE"));
    assertThat(seatMap.getBody().get("rows")).hasSize(4);
    // gap A1 and aisle column 3 are absent
    assertThat(seats).noneMatch(s -> s.get("label").asText().equals("A1"));
    assertThat(seats).noneMatch(s -> s.get("col").asInt() == 3);
    JsonNode vip = seats.stream().filter(s -> s.get("label").asText().equals("B2")).findFirst().orElseThrow();
    assertThat(vip.get("type").asText()).isEqualTo("VIP");
    assertThat(vip.get("tier").asText()).isEqualTo("A");
    assertThat(vip.get("price").decimalValue()).isEqualByComparingTo("88.00");
    JsonNode wheelchair = seats.stream().filter(s -> s.get("label").asText().equals("D4")).findFirst().orElseThrow();
    assertThat(wheelchair.get("type").asText()).isEqualTo("WHEELCHAIR");
    assertThat(wheelchair.get("price").decimalValue()).isEqualByComparingTo("48.00");

    // the order service locks and sells in the same hash (and on the seat board): the seat map follows
    long lockedSeat = vip.get("seatId").asLong();
    long soldSeat = wheelchair.get("seatId").asLong();
    orderServiceSets(redis, showtimeId, lockedSeat, SeatInventoryKeys.locked(123456789L, 42L));
    orderServiceSets(redis, showtimeId, soldSeat, SeatInventoryKeys.sold(987654321L, 43L));
    Map<Long, String> statuses = new HashMap<>();
    seatsOf(get("/api/showtimes/" + showtimeId + "/seats").getBody())
        .forEach(s -> statuses.put(s.get("seatId").asLong(), s.get("status").asText()));
    assertThat(statuses.get(lockedSeat)).isEqualTo("LOCKED");
    assertThat(statuses.get(soldSeat)).isEqualTo("SOLD");
    assertThat(statuses.values().stream().filter("AVAILABLE"::equals).count()).isEqualTo(13);
    // a buyer who has the map re-reads only the availability: B2 locked, D4 sold, the rest free
    ResponseEntity<JsonNode> availability = get("/api/showtimes/" + showtimeId + "/availability");
    assertThat(availability.getBody().get("showtimeId").asText()).isEqualTo(Long.toString(showtimeId));
    assertThat(availability.getBody().get("status").asText()).isEqualTo("ON_SALE");
    assertThat(availability.getBody().get("rowCount").asInt()).isEqualTo(4);
    assertThat(availability.getBody().get("colCount").asInt()).isEqualTo(5);
    assertThat(availabilityGrid(showtimeId)).containsExactly(".A.AA", "AL.AA", "AA.AA", "AA.SA");

    // putting it on sale again never frees a taken seat (HSETNX)
    putOnSale(showtimeId);
    assertThat(redis.opsForHash().get(SeatInventoryKeys.seats(showtimeId), Long.toString(lockedSeat)))
        .isEqualTo(SeatInventoryKeys.locked(123456789L, 42L));

    // the same map under its program (docs/ARCHITECTURE.md §2), and 404 under another program
    assertThat(get("/api/programs/" + programId + "/showtimes/" + showtimeId + "/seats").getStatusCode().value())
        .isEqualTo(200);
    assertThat(get("/api/programs/" + (programId + 1) + "/showtimes/" + showtimeId + "/seats")
        .getStatusCode().value()).isEqualTo(404);

    // once on sale it cannot be edited, only cancelled
    ResponseEntity<JsonNode> edit = call(HttpMethod.PUT, "/api/admin/showtimes/" + showtimeId,
        showtimeBody(programId, hallId, inDays(3).plusSeconds(3600)), admin());
    assertThat(edit.getStatusCode().value()).isEqualTo(409);
    assertThat(edit.getBody().get("code").asText()).isEqualTo("SHOWTIME_NOT_EDITABLE");

    // a hall whose showtime has locked/sold seats cannot be deleted, and nothing is removed
    ResponseEntity<JsonNode> delete = call(HttpMethod.DELETE, "/api/admin/halls/" + hallId, null, admin());
    assertThat(delete.getStatusCode().value()).isEqualTo(409);
    assertThat(delete.getBody().get("code").asText()).isEqualTo("HALL_HAS_SALES");
    assertThat(count("SELECT COUNT(*) FROM seat WHERE hall_id = ?", hallId)).isEqualTo(15);
    assertThat(redis.opsForHash().size(SeatInventoryKeys.seats(showtimeId))).isEqualTo(15L);

    ResponseEntity<JsonNode> cancelled = adminPost("/api/admin/showtimes/" + showtimeId + "/cancel", null);
    assertThat(cancelled.getBody().get("status").asText()).isEqualTo("CANCELLED");
    assertThat(adminPost("/api/admin/showtimes/" + showtimeId + "/cancel", null).getStatusCode().value())
        .isEqualTo(200);
  }

  @Test
  void anOnSaleShowtimeIsMovedWithItsSeatsKeptWhereTheHallHasRoomAndTheEventCarriesTheNewStart() {
    long hallId = createHall(createCinema("Hangzhou"));
    long programId = createProgram(unique("Moved Film"), "DRAMA");
    Instant start = inDays(6);
    long showtimeId = createShowtime(programId, hallId, start);
    long blocking = createShowtime(programId, hallId, start.plusSeconds(5 * 3600));
    putOnSale(showtimeId);
    orderServiceSets(redis, showtimeId, 1, SeatInventoryKeys.sold(555L, 66L));

    // into the next showtime's slot: refused, nothing changes
    ResponseEntity<JsonNode> overlap = adminPost("/api/admin/showtimes/" + showtimeId + "/reschedule",
        Map.of("startsAt", start.plusSeconds(4 * 3600).toString()));
    assertThat(overlap.getStatusCode().value()).isEqualTo(409);
    assertThat(overlap.getBody().get("code").asText()).isEqualTo("SHOWTIME_OVERLAP");
    assertThat(overlap.getBody().get("conflictingShowtimeId").asText()).isEqualTo(Long.toString(blocking));
    // the slot it holds, as instants a client can show in the cinema's time: from its start, to after its film
    Instant busyFrom = Instant.parse(overlap.getBody().get("busyFrom").asText());
    assertThat(busyFrom).isEqualTo(jdbc.queryForObject("SELECT starts_at FROM showtime WHERE id = ?",
        java.sql.Timestamp.class, blocking).toInstant());
    assertThat(Instant.parse(overlap.getBody().get("busyUntil").asText())).isAfter(busyFrom.plusSeconds(3600));
    ResponseEntity<JsonNode> past = adminPost("/api/admin/showtimes/" + showtimeId + "/reschedule",
        Map.of("startsAt", Instant.now().minusSeconds(60).toString()));
    assertThat(past.getStatusCode().value()).isEqualTo(422);
    ResponseEntity<JsonNode> missing = adminPost("/api/admin/showtimes/" + showtimeId + "/reschedule", Map.of());
    assertThat(missing.getStatusCode().value()).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT starts_at FROM showtime WHERE id = ?", java.sql.Timestamp.class,
        showtimeId).toInstant()).isEqualTo(start);

    // a day later: moved, still on sale, the sold seat still sold, the event says where it went
    Instant later = start.plusSeconds(24 * 3600);
    ResponseEntity<JsonNode> moved = adminPost("/api/admin/showtimes/" + showtimeId + "/reschedule",
        Map.of("startsAt", later.toString()));
    assertThat(moved.getStatusCode().value()).as(String.valueOf(moved.getBody())).isEqualTo(200);
    assertThat(Instant.parse(moved.getBody().get("startsAt").asText())).isEqualTo(later);
    assertThat(Instant.parse(moved.getBody().get("endsAt").asText())).isEqualTo(later.plusSeconds(120 * 60));
    assertThat(moved.getBody().get("status").asText()).isEqualTo("ON_SALE");
    assertThat(redis.opsForHash().get(SeatInventoryKeys.seats(showtimeId), "1"))
        .isEqualTo(SeatInventoryKeys.sold(555L, 66L));
    assertThat(count("SELECT COUNT(*) FROM t_outbox WHERE event_type = 'ShowtimeChanged' AND payload LIKE ?"
        + " AND payload LIKE ?", "%\"showtimeId\":\"" + showtimeId + "\"%", "%" + later.toString().replace("Z", "")
        + "%")).isEqualTo(1);
    // the same move again answers the showtime as it is and announces nothing new
    assertThat(adminPost("/api/admin/showtimes/" + showtimeId + "/reschedule", Map.of("startsAt",
        later.toString())).getStatusCode().value()).isEqualTo(200);
    assertThat(count("SELECT COUNT(*) FROM t_outbox WHERE event_type = 'ShowtimeChanged' AND payload LIKE ?",
        "%\"showtimeId\":\"" + showtimeId + "\"%")).isEqualTo(3);

    // a cancelled showtime stays where it was
    adminPost("/api/admin/showtimes/" + showtimeId + "/cancel", null);
    ResponseEntity<JsonNode> cancelled = adminPost("/api/admin/showtimes/" + showtimeId + "/reschedule",
        Map.of("startsAt", later.plusSeconds(3600).toString()));
    assertThat(cancelled.getStatusCode().value()).isEqualTo(409);
    assertThat(cancelled.getBody().get("code").asText()).isEqualTo("SHOWTIME_NOT_EDITABLE");
  }

  @Test
  void anOverlappingShowtimeIsRefusedWithoutAddingARow() {
    long hallId = createHall(createCinema("Beijing"));
    long programId = createProgram(unique("Overlap Film"), "ACTION");
    Instant start = inDays(4);
    createShowtime(programId, hallId, start);
    int before = count("SELECT COUNT(*) FROM showtime WHERE hall_id = ?", hallId);

    // 100 min + 20 min cleaning: one starting 119 minutes later still collides
    ResponseEntity<JsonNode> overlap = adminPost("/api/admin/showtimes",
        showtimeBody(programId, hallId, start.plusSeconds(119 * 60)));
    assertThat(overlap.getStatusCode().value()).isEqualTo(409);
    assertThat(overlap.getBody().get("code").asText()).isEqualTo("SHOWTIME_OVERLAP");
    assertThat(count("SELECT COUNT(*) FROM showtime WHERE hall_id = ?", hallId)).isEqualTo(before);

    // back to back is fine
    createShowtime(programId, hallId, start.plusSeconds(120 * 60));
    assertThat(count("SELECT COUNT(*) FROM showtime WHERE hall_id = ?", hallId)).isEqualTo(before + 1);
  }

  @Test
  void concurrentOverlappingCreatesLetExactlyOneThrough() throws Exception {
    long hallId = createHall(createCinema("Shanghai"));
    long programId = createProgram(unique("Race Film"), "COMEDY");
    Instant start = inDays(5);
    List<Thread> threads = new ArrayList<>();
    List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 6; i++) {
      Instant at = start.plusSeconds(i * 60L);
      Thread thread = new Thread(() -> statuses.add(
          adminPost("/api/admin/showtimes", showtimeBody(programId, hallId, at)).getStatusCode().value()));
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(statuses).containsOnly(201, 409);
    assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM showtime WHERE hall_id = ?", hallId)).isEqualTo(1);
  }

  @Test
  void invalidPricesAreRejectedWithoutAnyChange() {
    long hallId = createHall(createCinema("Shanghai"));
    long programId = createProgram(unique("Price Film"), "SCIFI");
    Map<String, Object> body = new HashMap<>(showtimeBody(programId, hallId, inDays(6)));
    body.put("prices", Map.of("A", "-5.00", "B", "68.00", "C", "48.00"));
    ResponseEntity<JsonNode> negative = adminPost("/api/admin/showtimes", body);
    assertThat(negative.getStatusCode().value()).isEqualTo(400);
    assertThat(negative.getBody().get("code").asText()).isEqualTo("INVALID_PRICE");
    body.put("prices", Map.of("A", "0", "B", "68.00", "C", "48.00"));
    assertThat(adminPost("/api/admin/showtimes", body).getStatusCode().value()).isEqualTo(400);
    body.put("prices", Map.of("A", "88.00", "B", "68.00"));
    assertThat(adminPost("/api/admin/showtimes", body).getStatusCode().value()).isEqualTo(400);
    assertThat(count("SELECT COUNT(*) FROM showtime WHERE hall_id = ?", hallId)).isZero();
  }

  @Test
  void aSeatMapWithEmptyEntriesIsA400AndNoHall() {
    long cinemaId = createCinema("Hangzhou");
    for (String list : new String[] {"gaps", "aisleColumns", "rowSettings", "seatOverrides"}) {
      ObjectNode hall = smallHall(unique("Null Hall"));
      hall.putArray(list).addNull();
      ResponseEntity<JsonNode> response = adminPost("/api/admin/cinemas/" + cinemaId + "/halls", hall);
      assertThat(response.getStatusCode().value()).as(list).isEqualTo(400);
      assertThat(response.getBody().get("code").asText()).isEqualTo("VALIDATION_FAILED");
    }
    assertThat(count("SELECT COUNT(*) FROM hall WHERE cinema_id = ?", cinemaId)).isZero();
  }

  @Test
  void unknownIdsAre404() {
    long programId = createProgram(unique("Lost Film"), "DRAMA");
    ResponseEntity<JsonNode> noHall = adminPost("/api/admin/showtimes", showtimeBody(programId, 1L, inDays(2)));
    assertThat(noHall.getStatusCode().value()).isEqualTo(404);
    assertThat(noHall.getBody().get("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(adminPost("/api/admin/showtimes/1/on-sale", null).getStatusCode().value()).isEqualTo(404);
    assertThat(adminPost("/api/admin/cinemas/1/halls", smallHall("x")).getStatusCode().value()).isEqualTo(404);
    assertThat(get("/api/showtimes/1/seats").getStatusCode().value()).isEqualTo(404);
    assertThat(get("/api/showtimes/1/availability").getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void aShowtimeIdThatIsNoNumberIsAProblemNotAnError() {
    for (String path : List.of("/api/showtimes/tonight/seats", "/api/showtimes/tonight/availability")) {
      ResponseEntity<JsonNode> answer = get(path);
      assertThat(answer.getStatusCode().value()).as(path).isEqualTo(400);
      assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
      assertThat(answer.getBody().get("code").asText()).isEqualTo("VALIDATION_FAILED");
      assertThat(answer.getBody().get("detail").asText()).isEqualTo("parameter 'showtimeId' has an invalid value");
    }
  }

  @Test
  void adminEndpointsNeedAnIdentityAndRoleAdmin() {
    Map<String, String> cinema = Map.of("name", unique("Forbidden"), "city", "Shanghai", "address", "x");
    HttpHeaders customer = new HttpHeaders();
    customer.setContentType(MediaType.APPLICATION_JSON);
    customer.set(AuthHeaders.USER_ID, "9");
    customer.set(AuthHeaders.USER_ROLES, "CUSTOMER");
    ResponseEntity<JsonNode> forbidden = call(HttpMethod.POST, "/api/admin/cinemas", cinema, customer);
    assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
    assertThat(forbidden.getBody().get("code").asText()).isEqualTo("FORBIDDEN");

    HttpHeaders anonymous = new HttpHeaders();
    anonymous.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> unauthenticated = call(HttpMethod.POST, "/api/admin/cinemas", cinema, anonymous);
    assertThat(unauthenticated.getStatusCode().value()).isEqualTo(401);
    assertThat(count("SELECT COUNT(*) FROM cinema WHERE name = ?", cinema.get("name"))).isZero();
  }

  @Test
  void anIdempotencyKeyMakesARetriedCreateAnswerTheFirstResult() {
    String name = unique("Idempotent Cinema");
    Map<String, String> cinema = Map.of("name", name, "city", "Beijing", "address", "2 Retry Street");
    HttpHeaders headers = admin();
    headers.set(AuthHeaders.IDEMPOTENCY_KEY, "key-" + name);
    ResponseEntity<JsonNode> first = call(HttpMethod.POST, "/api/admin/cinemas", cinema, headers);
    ResponseEntity<JsonNode> retry = call(HttpMethod.POST, "/api/admin/cinemas", cinema, headers);
    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(retry.getStatusCode().value()).isEqualTo(201);
    assertThat(retry.getBody().get("cinemaId")).isEqualTo(first.getBody().get("cinemaId"));
    assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(count("SELECT COUNT(*) FROM cinema WHERE name = ?", name)).isEqualTo(1);

    ResponseEntity<JsonNode> reused = call(HttpMethod.POST, "/api/admin/cinemas",
        Map.of("name", name + " other", "city", "Beijing", "address", "x"), headers);
    assertThat(reused.getStatusCode().value()).isEqualTo(422);
    assertThat(reused.getBody().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void aHallWithoutSalesCanBeRemappedAndDeleted() {
    long cinemaId = createCinema("Shanghai");
    long hallId = createHall(cinemaId);
    long programId = createProgram(unique("Remap Film"), "ANIMATION");
    long showtimeId = createShowtime(programId, hallId, inDays(8));
    putOnSale(showtimeId);
    // seat map frozen while on sale
    var bigger = smallHall("Hall 1");
    bigger.put("rows", 5);
    assertThat(call(HttpMethod.PUT, "/api/admin/halls/" + hallId, bigger, admin()).getStatusCode().value())
        .isEqualTo(409);
    // renaming is fine
    assertThat(call(HttpMethod.PUT, "/api/admin/halls/" + hallId, smallHall("Renamed"), admin()).getBody()
        .get("name").asText()).isEqualTo("Renamed");

    assertThat(call(HttpMethod.DELETE, "/api/admin/halls/" + hallId, null, admin()).getStatusCode().value())
        .isEqualTo(204);
    assertThat(count("SELECT COUNT(*) FROM hall WHERE id = ?", hallId)).isZero();
    assertThat(count("SELECT COUNT(*) FROM seat WHERE hall_id = ?", hallId)).isZero();
    assertThat(count("SELECT COUNT(*) FROM showtime WHERE hall_id = ?", hallId)).isZero();
    assertThat(redis.hasKey(SeatInventoryKeys.seats(showtimeId))).isFalse();
  }

  static List<JsonNode> seatsOf(JsonNode seatMap) {
    List<JsonNode> seats = new ArrayList<>();
    seatMap.get("rows").forEach(row -> row.get("seats").forEach(seats::add));
    return seats;
  }
}
