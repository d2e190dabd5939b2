package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.program.config.ProgramProperties;
import com.ticketplatform.program.support.IntegrationTestBase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * A hall's timetable: every showtime of every program in the hall whose slot meets the window, with the slot and the
 * buffer exactly as the overlap check ({@code SHOWTIME_OVERLAP}) sees them.
 */
class HallTimetableIT extends IntegrationTestBase {

  @Autowired ProgramProperties properties;

  private long cinemaId;

  private long hall(String name) {
    if (cinemaId == 0) {
      ResponseEntity<JsonNode> cinema = adminPost("/api/admin/cinemas", Map.of("name", unique("Timetable Cinema"),
          "city", "Timetable-" + RUN, "address", "1 Leicester Square", "timeZone", "Europe/London"));
      assertThat(cinema.getStatusCode().value()).isEqualTo(201);
      cinemaId = cinema.getBody().get("cinemaId").asLong();
    }
    ResponseEntity<JsonNode> created = adminPost("/api/admin/cinemas/" + cinemaId + "/halls", smallHall(name));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    return created.getBody().get("hallId").asLong();
  }

  private long program(String title, int minutes) {
    ResponseEntity<JsonNode> created = adminPost("/api/admin/programs", Map.of("title", title, "category", "DRAMA",
        "durationMinutes", minutes, "rating", "PG"));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    return created.getBody().get("programId").asLong();
  }

  @Test
  void everyProgramsShowtimesInTheHallWithTheOverlapChecksSlots() {
    String hallName = unique("Screen");
    long hallId = hall(hallName);
    long otherHall = hall(unique("Other Screen"));
    String longTitle = unique("Long Film");
    long longFilm = program(longTitle, 100);
    long shortFilm = program(unique("Short Film"), 90);
    Instant t0 = inDays(10 + ThreadLocalRandom.current().nextInt(300));
    Duration buffer = properties.cleaningBuffer();

    long first = createShowtime(longFilm, hallId, t0);
    // the slot ends at start + running time + buffer: a minute earlier is refused, exactly then is accepted
    Instant firstFreed = t0.plus(Duration.ofMinutes(100)).plus(buffer);
    ResponseEntity<JsonNode> tooEarly = adminPost("/api/admin/showtimes",
        showtimeBody(shortFilm, hallId, firstFreed.minus(Duration.ofMinutes(1))));
    assertThat(tooEarly.getStatusCode().value()).isEqualTo(409);
    assertThat(tooEarly.getBody().get("code").asText()).isEqualTo("SHOWTIME_OVERLAP");
    long second = createShowtime(shortFilm, hallId, firstFreed);
    putOnSale(second);
    long cancelled = createShowtime(longFilm, hallId, t0.plus(Duration.ofHours(6)));
    assertThat(adminPost("/api/admin/showtimes/" + cancelled + "/cancel", null).getStatusCode().value())
        .isEqualTo(200);
    // the cancelled showtime no longer holds the hall: one over its slot is accepted
    long overCancelled = createShowtime(shortFilm, hallId, t0.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(30)));
    createShowtime(longFilm, otherHall, t0);
    createShowtime(longFilm, hallId, t0.plus(Duration.ofDays(3)));

    JsonNode timetable = timetable(hallId, t0.minus(Duration.ofHours(1)), t0.plus(Duration.ofDays(1)));
    assertThat(timetable.get("hallId").isString()).isTrue();
    assertThat(timetable.get("hallId").asText()).isEqualTo(Long.toString(hallId));
    assertThat(timetable.get("hallName").asText()).isEqualTo(hallName);
    assertThat(timetable.get("timeZone").asText()).isEqualTo("Europe/London");
    assertThat(timetable.get("cleaningBufferSeconds").asLong()).isEqualTo(buffer.toSeconds()).isEqualTo(1200);
    assertThat(showtimeIds(timetable)).containsExactly(first, second, cancelled, overCancelled);

    JsonNode a = timetable.get("items").get(0);
    assertThat(a.get("showtimeId").isString()).isTrue();
    assertThat(a.get("programId").asText()).isEqualTo(Long.toString(longFilm));
    assertThat(a.get("programTitle").asText()).isEqualTo(longTitle);
    assertThat(instant(a, "startsAt")).isEqualTo(t0);
    assertThat(instant(a, "endsAt")).isEqualTo(t0.plus(Duration.ofMinutes(100)));
    assertThat(instant(a, "occupiedUntil")).isEqualTo(firstFreed);
    assertThat(Duration.between(instant(a, "endsAt"), instant(a, "occupiedUntil")).toSeconds())
        .isEqualTo(timetable.get("cleaningBufferSeconds").asLong());
    assertThat(a.get("status").asText()).isEqualTo("SCHEDULED");
    assertThat(a.get("occupiesHall").asBoolean()).isTrue();

    JsonNode b = timetable.get("items").get(1);
    assertThat(b.get("programId").asText()).isEqualTo(Long.toString(shortFilm));
    assertThat(instant(b, "startsAt")).isEqualTo(instant(a, "occupiedUntil"));
    assertThat(instant(b, "endsAt")).isEqualTo(firstFreed.plus(Duration.ofMinutes(90)));
    assertThat(instant(b, "occupiedUntil")).isEqualTo(firstFreed.plus(Duration.ofMinutes(90)).plus(buffer));
    assertThat(b.get("status").asText()).isEqualTo("ON_SALE");
    assertThat(b.get("occupiesHall").asBoolean()).isTrue();

    JsonNode c = timetable.get("items").get(2);
    assertThat(c.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(c.get("occupiesHall").asBoolean()).isFalse();
    JsonNode d = timetable.get("items").get(3);
    assertThat(instant(d, "startsAt")).isBefore(instant(c, "occupiedUntil"));
    assertThat(d.get("occupiesHall").asBoolean()).isTrue();
  }

  @Test
  void theWindowTakesEveryShowtimeWhoseSlotMeetsItHalfOpen() {
    long hallId = hall(unique("Window Screen"));
    long film = program(unique("Window Film"), 100);
    Instant t0 = inDays(10 + ThreadLocalRandom.current().nextInt(300));
    Instant freed = t0.plus(Duration.ofMinutes(120));
    long first = createShowtime(film, hallId, t0);
    long second = createShowtime(film, hallId, freed);

    // the film has ended but the hall is still being cleaned: the slot is still there
    assertThat(showtimeIds(timetable(hallId, t0.plus(Duration.ofMinutes(110)), t0.plus(Duration.ofMinutes(115)))))
        .containsExactly(first);
    assertThat(showtimeIds(timetable(hallId, freed.minusSeconds(60), freed.plusSeconds(60))))
        .containsExactly(first, second);
    // [from, to): a slot ending at from, or starting at to, is outside
    assertThat(showtimeIds(timetable(hallId, freed, freed.plus(Duration.ofHours(1))))).containsExactly(second);
    assertThat(showtimeIds(timetable(hallId, t0.minus(Duration.ofHours(2)), t0))).isEmpty();
    assertThat(showtimeIds(timetable(hallId, t0.minus(Duration.ofHours(2)), t0.plusMillis(1))))
        .containsExactly(first);
    assertThat(showtimeIds(timetable(hallId, freed.plus(Duration.ofMinutes(120)), freed.plus(Duration.ofDays(62)))))
        .isEmpty();
  }

  @Test
  void withoutBoundsTheWindowIsTheClocksNowAndTheWeekAfter() {
    long hallId = hall(unique("Default Screen"));
    long film = program(unique("Default Film"), 100);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    long ended = insertShowtime(film, hallId, now.minus(Duration.ofMinutes(150)), now.minus(Duration.ofMinutes(30)),
        "FINISHED");
    long running = insertShowtime(film, hallId, now.minus(Duration.ofMinutes(60)), now.plus(Duration.ofMinutes(60)),
        "ON_SALE");
    // two hours per slot: one ends an hour before the week is over, the other starts an hour after it
    long withinWeek = createShowtime(film, hallId, inDays(7).minus(Duration.ofHours(3)));
    long afterWeek = createShowtime(film, hallId, inDays(7).plus(Duration.ofHours(1)));
    assertThat(ended).isNotZero();

    assertThat(showtimeIds(timetable(hallId, null, null))).containsExactly(running, withinWeek);
    // only an end: from now; only a start: the week after it
    assertThat(showtimeIds(timetable(hallId, null, now.plus(Duration.ofHours(2))))).containsExactly(running);
    assertThat(showtimeIds(timetable(hallId, now.plus(Duration.ofDays(1)), null)))
        .containsExactly(withinWeek, afterWeek);
  }

  @Test
  void anUnknownHallIsNotFound() {
    assertProblem(call(HttpMethod.GET, "/api/admin/halls/" + Long.MAX_VALUE + "/showtimes", null, admin()), 404,
        "NOT_FOUND");
  }

  @Test
  void aWindowLongerThanSixtyTwoDaysEmptyOrReversedIsRefused() {
    long hallId = hall(unique("Refusing Screen"));
    Instant from = inDays(1);
    assertProblem(raw(hallId, from, from.plus(Duration.ofDays(62)).plusSeconds(1)), 400, "VALIDATION_FAILED");
    assertThat(raw(hallId, from, from.plus(Duration.ofDays(62))).getStatusCode().value()).isEqualTo(200);
    assertProblem(raw(hallId, from, from), 400, "VALIDATION_FAILED");
    assertProblem(raw(hallId, from, from.minus(Duration.ofHours(1))), 400, "VALIDATION_FAILED");
    assertProblem(call(HttpMethod.GET, "/api/admin/halls/" + hallId + "/showtimes?from=tomorrow", null, admin()),
        400, "VALIDATION_FAILED");
  }

  @Test
  void onlyAnAdminMayReadATimetable() {
    long hallId = hall(unique("Private Screen"));
    HttpHeaders customer = new HttpHeaders();
    customer.set(AuthHeaders.USER_ID, "9");
    customer.set(AuthHeaders.USER_ROLES, "CUSTOMER");
    assertProblem(call(HttpMethod.GET, "/api/admin/halls/" + hallId + "/showtimes", null, customer), 403,
        "FORBIDDEN");
  }

  private long insertShowtime(long programId, long hallId, Instant startsAt, Instant endsAt, String status) {
    long id = ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE);
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update("INSERT INTO showtime (id, program_id, cinema_id, hall_id, starts_at, ends_at, status, price_a,"
            + " price_b, price_c, currency, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 88.00,"
            + " 68.00, 48.00, 'CNY', 0, ?, ?)",
        id, programId, cinemaId, hallId, Timestamp.from(startsAt), Timestamp.from(endsAt), status, now, now);
    return id;
  }

  private ResponseEntity<JsonNode> raw(long hallId, Instant from, Instant to) {
    Map<String, String> params = new HashMap<>();
    if (from != null) {
      params.put("from", from.toString());
    }
    if (to != null) {
      params.put("to", to.toString());
    }
    StringBuilder uri = new StringBuilder("/api/admin/halls/" + hallId + "/showtimes");
    String sep = "?";
    for (Map.Entry<String, String> param : params.entrySet()) {
      uri.append(sep).append(param.getKey()).append('=').append(param.getValue());
      sep = "&";
    }
    return call(HttpMethod.GET, uri.toString(), null, admin());
  }

  private JsonNode timetable(long hallId, Instant from, Instant to) {
    ResponseEntity<JsonNode> answer = raw(hallId, from, to);
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody();
  }

  private static List<Long> showtimeIds(JsonNode timetable) {
    List<Long> ids = new ArrayList<>();
    timetable.get("items").forEach(item -> ids.add(Long.parseLong(item.get("showtimeId").asText())));
    return ids;
  }

  private static Instant instant(JsonNode node, String field) {
    return Instant.parse(node.get(field).asText());
  }

  private static void assertProblem(ResponseEntity<JsonNode> answer, int status, String code) {
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).isNotNull();
    assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(answer.getBody().get("code").asText()).isEqualTo(code);
  }
}
