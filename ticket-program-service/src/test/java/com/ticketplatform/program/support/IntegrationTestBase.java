package com.ticketplatform.program.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.common.seat.SeatInventoryKeys;
import com.ticketplatform.common.web.AuthHeaders;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for every IT (same configuration, so it is cached): real MariaDB schema
 * {@code ticket_program_test}, real Redis with a per-run key prefix, an in-JVM KRaft Kafka broker.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ticket.mysql.schema-suffix=_test",
    "ticket.demo.enabled=false",
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "ticket.program.cache.lock-wait=PT30S",
    // long enough that a busy machine never lets a near copy expire inside a test that watches it (CatalogueCacheIT)
    "ticket.program.cache.near-ttl=PT3S",
    "ticket.outbox.poll-interval=PT1S",
    "ticket.search.check-interval=PT5S",
    "spring.datasource.hikari.maximum-pool-size=30",
    "ticket.program.cache.bloom-expected-insertions=20000"})
@EmbeddedKafka(partitions = 1, topics = Topics.PROGRAM_EVENTS)
@Import(IntegrationTestBase.Counting.class)
public abstract class IntegrationTestBase {

  protected static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @DynamicPropertySource
  static void perRun(DynamicPropertyRegistry registry) {
    registry.add("ticket.program.cache.key-prefix", () -> "test:program:" + RUN + ":");
  }

  @TestConfiguration
  public static class Counting {
    @Bean
    public QueryCounter queryCounter() {
      return new QueryCounter();
    }
  }

  @Autowired protected TestRestTemplate http;
  @Autowired protected ObjectMapper json;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected QueryCounter queries;
  @Autowired protected Clock clock;

  protected static final long ADMIN_ID = 7;

  /** java.net.http instead of HttpURLConnection, which cannot read a 401 answer to a streamed POST. */
  /** Redis db 0 is shared: this run's Bloom filters go away by themselves. */
  @BeforeEach
  void expireThisRunsBloomFilters(@Autowired StringRedisTemplate redis) {
    for (String kind : List.of("program", "showtime")) {
      redis.expire("test:program:" + RUN + ":bloom:" + kind, Duration.ofHours(1));
      redis.expire("{test:program:" + RUN + ":bloom:" + kind + "}:config", Duration.ofHours(1));
    }
    redis.expire("test:program:" + RUN + ":bloom:complete", Duration.ofHours(1));
  }

  @BeforeEach
  void useJdkHttpClient() {
    http.getRestTemplate().setRequestFactory(new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()));
  }

  protected HttpHeaders admin() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(AuthHeaders.USER_ID, Long.toString(ADMIN_ID));
    headers.set(AuthHeaders.USER_ROLES, "CUSTOMER,ADMIN");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  protected ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body, HttpHeaders headers) {
    return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  protected ResponseEntity<JsonNode> get(String path) {
    return http.exchange(path, HttpMethod.GET, HttpEntity.EMPTY, JsonNode.class);
  }

  protected ResponseEntity<JsonNode> adminPost(String path, Object body) {
    return call(HttpMethod.POST, path, body, admin());
  }

  protected static String unique(String name) {
    return name + " " + RUN + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
  }

  protected long createCinema(String city) {
    ResponseEntity<JsonNode> created = adminPost("/api/admin/cinemas",
        Map.of("name", unique("Cinema"), "city", city, "address", "1 Test Road"));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    return created.getBody().get("cinemaId").asLong();
  }

  /** A 4 x 5 hall: aisle at column 3, gap at A1, row D wheelchair tier C, seat B2 VIP tier A. */
  protected ObjectNode smallHall(String name) {
    ObjectNode hall = json.createObjectNode();
    hall.put("name", name);
    hall.put("rows", 4);
    hall.put("cols", 5);
    hall.set("gaps", json.valueToTree(List.of(Map.of("row", 1, "col", 1))));
    hall.set("aisleColumns", json.valueToTree(List.of(3)));
    hall.set("rowSettings", json.valueToTree(List.of(Map.of("row", 4, "type", "WHEELCHAIR", "tier", "C"))));
    hall.set("seatOverrides", json.valueToTree(List.of(Map.of("row", 2, "col", 2, "type", "VIP", "tier", "A"))));
    return hall;
  }

  protected long createHall(long cinemaId) {
    ResponseEntity<JsonNode> created = adminPost("/api/admin/cinemas/" + cinemaId + "/halls", smallHall("Hall 1"));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    return created.getBody().get("hallId").asLong();
  }

  protected long createProgram(String title, String category) {
    return createProgram(title, category, "a test film");
  }

  protected long createProgram(String title, String category, String description) {
    ResponseEntity<JsonNode> created = adminPost("/api/admin/programs", Map.of("title", title, "category", category,
        "durationMinutes", 100, "rating", "PG-13", "posterUrl", "https://img.test/p.jpg",
        "description", description, "cast", List.of("Ann Actor", "Bob Actor")));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    return created.getBody().get("programId").asLong();
  }

  protected Map<String, Object> showtimeBody(long programId, long hallId, Instant startsAt) {
    return Map.of("programId", programId, "hallId", hallId, "startsAt", startsAt.toString(),
        "prices", Map.of("A", "88.00", "B", "68.00", "C", "48.00"), "currency", "CNY");
  }

  protected long createShowtime(long programId, long hallId, Instant startsAt) {
    ResponseEntity<JsonNode> created = adminPost("/api/admin/showtimes", showtimeBody(programId, hallId, startsAt));
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    return created.getBody().get("showtimeId").asLong();
  }

  protected void putOnSale(long showtimeId) {
    ResponseEntity<JsonNode> onSale = adminPost("/api/admin/showtimes/" + showtimeId + "/on-sale", null);
    assertThat(onSale.getStatusCode().value()).isEqualTo(200);
    assertThat(onSale.getBody().get("status").asText()).isEqualTo("ON_SALE");
  }

  /** A start time days ahead (whole minutes) that no other test uses for its hall. */
  protected Instant inDays(int days) {
    return clock.instant().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
  }

  /** A showtime's availability grid (200), one string per row. */
  protected List<String> availabilityGrid(long showtimeId) {
    ResponseEntity<JsonNode> availability = get("/api/showtimes/" + showtimeId + "/availability");
    assertThat(availability.getStatusCode().value()).isEqualTo(200);
    List<String> rows = new ArrayList<>();
    availability.getBody().get("grid").forEach(r -> rows.add(r.asText()));
    return rows;
  }

  /**
   * Sets a seat as the order service's seat scripts do (its {@code lua/seat-board.lua}): in the seats hash, and on the
   * seat board where the board has the seat (a seat it lacks deletes the board).
   */
  protected static void orderServiceSets(StringRedisTemplate redis, long showtimeId, long seatId, String value) {
    redis.opsForHash().put(SeatInventoryKeys.seats(showtimeId), Long.toString(seatId), value);
    String board = SeatInventoryKeys.board(showtimeId);
    if (Boolean.TRUE.equals(redis.hasKey(board))) {
      Object index = redis.opsForHash().get(SeatInventoryKeys.grid(showtimeId), Long.toString(seatId));
      if (index == null) {
        redis.delete(board);
      } else {
        String status = SeatInventoryKeys.statusOf(value);
        redis.opsForValue().set(board, status.substring(0, 1),
            SeatInventoryKeys.BOARD_HEADER + Long.parseLong(index.toString()));
      }
    }
  }

  protected int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }
}
