package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.program.support.IntegrationTestBase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The admin program list: read from MySQL, filtered by title, category and schedule status, each program with its
 * showtimes counted, paged by cursor. Every test makes its own programs under a title token of its own, so the
 * programs other ITs leave in the shared schema never match.
 */
class AdminProgramListIT extends IntegrationTestBase {

  private static final String PROGRAMS = "/api/admin/programs";

  /** Five programs, one per way a program can stand with its showtimes, created oldest first. */
  private record Board(String token, long none, long scheduled, long onSale, long cancelledOnly, long startedOnSale,
      Instant scheduledFirst, Instant onSaleNext) {

    List<Long> newestFirst() {
      return List.of(startedOnSale, cancelledOnly, onSale, scheduled, none);
    }
  }

  private Board board() {
    String token = "Board" + RUN.replace("-", "") + ThreadLocalRandom.current().nextInt(1_000_000);
    long hallId = createHall(createCinema("Boardtown"));
    Instant base = inDays(20 + ThreadLocalRandom.current().nextInt(200));

    long none = createProgram(token + " Nothing Yet", "COMEDY");

    // two showtimes, neither on sale
    long scheduled = createProgram(token + " Waiting", "DRAMA");
    Instant scheduledFirst = base.plus(Duration.ofHours(6));
    createShowtime(scheduled, hallId, base.plus(Duration.ofHours(12)));
    createShowtime(scheduled, hallId, scheduledFirst);

    // one on sale, one only scheduled (the next start), one cancelled before both
    long onSale = createProgram(token + " SELLING Now", "DRAMA");
    Instant onSaleNext = base.plus(Duration.ofDays(1)).plus(Duration.ofHours(3));
    long cancelled = createShowtime(onSale, hallId, base.plus(Duration.ofDays(1)));
    cancel(cancelled);
    createShowtime(onSale, hallId, onSaleNext);
    putOnSale(createShowtime(onSale, hallId, base.plus(Duration.ofDays(1)).plus(Duration.ofHours(6))));

    // a program whose only showtime was cancelled still has a showtime, none on sale
    long cancelledOnly = createProgram(token + " Called Off", "HORROR");
    cancel(createShowtime(cancelledOnly, hallId, base.plus(Duration.ofDays(2))));

    // ON_SALE in the table but already started (the finisher leaves it until it ends): nobody can order it
    long startedOnSale = createProgram(token + " Started", "ACTION");
    Instant started = clock.instant().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
    insertShowtime(startedOnSale, hallId, started, started.plus(Duration.ofMinutes(120)), "ON_SALE");

    return new Board(token, none, scheduled, onSale, cancelledOnly, startedOnSale, scheduledFirst, onSaleNext);
  }

  @Test
  void aNewProgramIsListedAtOnceNewestFirstWithItsShowtimesCounted() {
    Board board = board();
    JsonNode page = list(Map.of("q", board.token().toLowerCase()));
    assertThat(ids(page)).containsExactlyElementsOf(board.newestFirst());
    assertThat(page.get("nextCursor").isNull()).isTrue();

    JsonNode onSale = item(page, board.onSale());
    assertThat(onSale.get("programId").isString()).isTrue();
    assertThat(onSale.get("title").asText()).isEqualTo(board.token() + " SELLING Now");
    assertThat(onSale.get("category").asText()).isEqualTo("DRAMA");
    assertThat(onSale.get("durationMinutes").asInt()).isEqualTo(100);
    assertThat(onSale.get("rating").asText()).isEqualTo("PG-13");
    assertThat(onSale.get("posterUrl").asText()).isEqualTo("https://img.test/p.jpg");
    assertThat(onSale.get("showtimeCount").asLong()).isEqualTo(3);
    assertThat(onSale.get("onSaleCount").asLong()).isEqualTo(1);
    // the cancelled showtime starts earlier, but only a scheduled or on-sale one is next
    assertThat(Instant.parse(onSale.get("nextStart").asText())).isEqualTo(board.onSaleNext());

    JsonNode scheduled = item(page, board.scheduled());
    assertThat(scheduled.get("showtimeCount").asLong()).isEqualTo(2);
    assertThat(scheduled.get("onSaleCount").asLong()).isZero();
    assertThat(Instant.parse(scheduled.get("nextStart").asText())).isEqualTo(board.scheduledFirst());

    JsonNode cancelledOnly = item(page, board.cancelledOnly());
    assertThat(cancelledOnly.get("showtimeCount").asLong()).isEqualTo(1);
    assertThat(cancelledOnly.get("onSaleCount").asLong()).isZero();
    assertThat(cancelledOnly.get("nextStart").isNull()).isTrue();

    JsonNode started = item(page, board.startedOnSale());
    assertThat(started.get("showtimeCount").asLong()).isEqualTo(1);
    assertThat(started.get("onSaleCount").asLong()).isZero();
    assertThat(started.get("nextStart").isNull()).isTrue();

    JsonNode none = item(page, board.none());
    assertThat(none.get("showtimeCount").asLong()).isZero();
    assertThat(none.get("onSaleCount").asLong()).isZero();
    assertThat(none.get("nextStart").isNull()).isTrue();

    // a program created this moment is there on the next read: no index in between
    long fresh = createProgram(board.token() + " Fresh", "ANIMATION");
    assertThat(ids(list(Map.of("q", board.token()))).get(0)).isEqualTo(fresh);
  }

  @Test
  void theTitleMatchesInAnyCaseAndCategoryNarrowsIt() {
    Board board = board();
    assertThat(ids(list(Map.of("q", board.token().toUpperCase() + " selling"))))
        .containsExactly(board.onSale());
    assertThat(ids(list(Map.of("q", "  " + board.token() + " sElLiNg now ")))).containsExactly(board.onSale());
    assertThat(ids(list(Map.of("q", board.token(), "category", "DRAMA"))))
        .containsExactly(board.onSale(), board.scheduled());
    assertThat(ids(list(Map.of("q", board.token(), "category", "SCIFI")))).isEmpty();
    // wildcards in q are plain characters
    assertThat(ids(list(Map.of("q", board.token() + "%")))).isEmpty();
    assertThat(ids(list(Map.of("q", board.token().substring(0, 5) + "_" + board.token().substring(6))))).isEmpty();
  }

  @Test
  void theStatusBucketsSplitThePrograms() {
    Board board = board();
    assertThat(ids(list(Map.of("q", board.token(), "status", "ON_SALE")))).containsExactly(board.onSale());
    assertThat(ids(list(Map.of("q", board.token(), "status", "SCHEDULED"))))
        .containsExactly(board.startedOnSale(), board.cancelledOnly(), board.scheduled());
    assertThat(ids(list(Map.of("q", board.token(), "status", "NOT_SCHEDULED")))).containsExactly(board.none());
    assertThat(ids(list(Map.of("q", board.token(), "status", "NOT_SCHEDULED", "category", "DRAMA")))).isEmpty();

    // the bucket follows the showtimes: putting a scheduled one on sale moves its program
    long showtime = jdbc.queryForObject("SELECT MIN(id) FROM showtime WHERE program_id = ?", Long.class,
        board.scheduled());
    putOnSale(showtime);
    assertThat(ids(list(Map.of("q", board.token(), "status", "ON_SALE"))))
        .containsExactly(board.onSale(), board.scheduled());
    assertThat(item(list(Map.of("q", board.token(), "status", "ON_SALE")), board.scheduled())
        .get("onSaleCount").asLong()).isEqualTo(1);
  }

  @Test
  void pagesFollowTheCursorWithoutRepeatsOrGaps() {
    Board board = board();
    List<Long> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, String> params = cursor == null ? Map.of("q", board.token(), "size", "2")
          : Map.of("q", board.token(), "size", "2", "cursor", cursor);
      JsonNode page = list(params);
      sizes.add(page.get("items").size());
      seen.addAll(ids(page));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null && sizes.size() < 10);
    assertThat(sizes).containsExactly(2, 2, 1);
    assertThat(seen).containsExactlyElementsOf(board.newestFirst());

    // a filtered list pages the same way
    JsonNode first = list(Map.of("q", board.token(), "status", "SCHEDULED", "size", "2"));
    assertThat(ids(first)).containsExactly(board.startedOnSale(), board.cancelledOnly());
    JsonNode second = list(Map.of("q", board.token(), "status", "SCHEDULED", "size", "2",
        "cursor", first.get("nextCursor").asText()));
    assertThat(ids(second)).containsExactly(board.scheduled());
    assertThat(second.get("nextCursor").isNull()).isTrue();

    // exactly one page's worth: no cursor to an empty page
    assertThat(list(Map.of("q", board.token(), "size", "5")).get("nextCursor").isNull()).isTrue();
  }

  @Test
  void aPageIsTwoStatementsHoweverManyProgramsItHolds() {
    Board board = board();
    queries.reset();
    JsonNode page = list(Map.of("q", board.token(), "size", "5"));
    assertThat(page.get("items")).hasSize(5);
    assertThat(queries.count("ShowtimeMapper.programPage")).isEqualTo(1);
    assertThat(queries.count("ShowtimeMapper.countsOfPrograms")).isEqualTo(1);
  }

  @Test
  void badParametersAreProblems() {
    assertProblem(raw(Map.of("size", "0")), 400, "VALIDATION_FAILED");
    assertProblem(raw(Map.of("size", "101")), 400, "VALIDATION_FAILED");
    assertProblem(raw(Map.of("size", "many")), 400, "VALIDATION_FAILED");
    assertProblem(raw(Map.of("status", "SOLD_OUT")), 400, "VALIDATION_FAILED");
    assertProblem(raw(Map.of("status", "on_sale")), 400, "VALIDATION_FAILED");
    assertProblem(raw(Map.of("category", "OPERA")), 400, "VALIDATION_FAILED");
    assertProblem(raw(Map.of("cursor", "not-a-cursor")), 400, "BAD_CURSOR");
    assertThat(raw(Map.of("size", "100")).getStatusCode().value()).isEqualTo(200);
    assertThat(raw(Map.of("size", "1")).getBody().get("items")).hasSize(1);
  }

  @Test
  void onlyAnAdminMayList() {
    HttpHeaders customer = new HttpHeaders();
    customer.set(AuthHeaders.USER_ID, "9");
    customer.set(AuthHeaders.USER_ROLES, "CUSTOMER");
    ResponseEntity<JsonNode> forbidden = call(HttpMethod.GET, PROGRAMS, null, customer);
    assertProblem(forbidden, 403, "FORBIDDEN");
  }

  private void cancel(long showtimeId) {
    ResponseEntity<JsonNode> cancelled = adminPost("/api/admin/showtimes/" + showtimeId + "/cancel", null);
    assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
    assertThat(cancelled.getBody().get("status").asText()).isEqualTo("CANCELLED");
  }

  private void insertShowtime(long programId, long hallId, Instant startsAt, Instant endsAt, String status) {
    long cinemaId = jdbc.queryForObject("SELECT cinema_id FROM hall WHERE id = ?", Long.class, hallId);
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update("INSERT INTO showtime (id, program_id, cinema_id, hall_id, starts_at, ends_at, status, price_a,"
            + " price_b, price_c, currency, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 88.00,"
            + " 68.00, 48.00, 'CNY', 0, ?, ?)",
        ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE), programId, cinemaId, hallId,
        Timestamp.from(startsAt), Timestamp.from(endsAt), status, now, now);
  }

  private ResponseEntity<JsonNode> raw(Map<String, String> params) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PROGRAMS);
    params.forEach(uri::queryParam);
    // not encoded here: the template handler encodes once (a % stays one character)
    return call(HttpMethod.GET, uri.build().toUriString(), null, admin());
  }

  private JsonNode list(Map<String, String> params) {
    ResponseEntity<JsonNode> answer = raw(params);
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody();
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(Long.parseLong(item.get("programId").asText())));
    return ids;
  }

  private static JsonNode item(JsonNode page, long id) {
    for (JsonNode item : page.get("items")) {
      if (item.get("programId").asText().equals(Long.toString(id))) {
        return item;
      }
    }
    throw new AssertionError("program " + id + " is not in " + page);
  }

  private static void assertProblem(ResponseEntity<JsonNode> answer, int status, String code) {
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).isNotNull();
    assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(answer.getBody().get("code").asText()).isEqualTo(code);
  }
}
