package com.ticketplatform.advert;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.common.test.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.advert.interest.InterestMapper;
import com.ticketplatform.advert.interest.ProgramCategoryLookup;
import com.ticketplatform.common.event.EventEnvelope;
import com.ticketplatform.common.event.OrderEvents;
import com.ticketplatform.common.event.Topics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ticket.mysql.schema-suffix=_test",
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "ticket.advert.max-served=1000",
    "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN", "logging.level.state.change.logger=WARN"})
@EmbeddedKafka(partitions = 1, topics = Topics.ORDER_EVENTS)
class AdvertApiIT {

  @TestConfiguration
  static class Fakes {
    static final Map<Long, String> CATEGORIES = new ConcurrentHashMap<>();

    @Bean
    MutableClock clock() {
      return new MutableClock();
    }

    /** Stands in for the program service's GET /api/programs/{id}. */
    @Bean
    @Primary
    ProgramCategoryLookup fakeProgramCategories() {
      return programId -> Optional.ofNullable(CATEGORIES.get(programId));
    }
  }

  @LocalServerPort
  int port;
  @Autowired
  MutableClock clock;
  @Autowired
  KafkaTemplate<String, String> kafka;
  @Autowired
  ObjectMapper json;
  @Autowired
  InterestMapper interests;

  RestClient http;
  final List<Long> created = new ArrayList<>();

  @BeforeEach
  void setUp() {
    // the JDK client: Apache HttpClient 5 (also on the classpath) would silently retry a 429 after its Retry-After
    http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).requestFactory(new JdkClientHttpRequestFactory())
        .defaultStatusHandler(status -> true, (request, response) -> { })
        .build();
  }

  @AfterEach
  void removeOwnAdverts() {
    created.forEach(id -> adminCall(HttpMethod.DELETE, "/api/admin/adverts/" + id, null, "ADMIN"));
  }

  @Autowired
  com.ticketplatform.starter.retention.RetentionSchedule retention;
  @Autowired
  javax.sql.DataSource dataSource;

  /**
   * Consumed event ids stay bounded (docs/ARCHITECTURE.md §9) through the definition every service shares
   * (ticket-platform.yml), with a fixed clock: ids older than 14 days go, younger ones stay.
   */
  @Test
  void processedEventIdsOlderThanTwoWeeksArePurged() {
    org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    String old = java.util.UUID.randomUUID().toString();
    String recent = java.util.UUID.randomUUID().toString();
    jdbc.update("INSERT INTO t_processed_event (event_id, processed_at) VALUES (?, ?)", old,
        java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(15))));
    jdbc.update("INSERT INTO t_processed_event (event_id, processed_at) VALUES (?, ?)", recent,
        java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(13))));

    long purged = retention.of("t_processed_event").orElseThrow()
        .withClock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).purge();

    assertThat(purged).isGreaterThanOrEqualTo(1);
    String count = "SELECT COUNT(*) FROM t_processed_event WHERE event_id = ?";
    assertThat(jdbc.queryForObject(count, Long.class, old)).isZero();
    assertThat(jdbc.queryForObject(count, Long.class, recent)).isEqualTo(1);
  }

  @Test
  void aBuyerOfAnActionFilmSeesActionAdvertsFirstAndAnonymousSeesPriorityOrder() throws Exception {
    long action = createAdvert("CHECKOUT", 1, 10, List.of("ACTION"), null, null);
    long comedy = createAdvert("CHECKOUT", 50, 10, List.of("COMEDY"), null, null);
    long generic = createAdvert("CHECKOUT", 100, 10, List.of(), null, null);

    assertThat(served("CHECKOUT", null, List.of(action, comedy, generic))).containsExactly(generic, comedy, action);

    long user = randomId();
    long actionFilm = randomId();
    Fakes.CATEGORIES.put(actionFilm, "ACTION");
    paid(user, actionFilm, randomId(), randomId());
    awaitInterest(user, "CATEGORY:ACTION");
    assertThat(served("CHECKOUT", user, List.of(action, comedy, generic))).containsExactly(action, generic, comedy);
  }

  @Test
  void anAdvertShownItsDailyCapTimesTodayDropsOut() {
    long capped = createAdvert("PROGRAM_DETAIL", 10, 10, List.of(), null, 2);
    long user = randomId();
    assertThat(served("PROGRAM_DETAIL", user, List.of(capped))).containsExactly(capped);
    assertThat(served("PROGRAM_DETAIL", user, List.of(capped))).containsExactly(capped);
    assertThat(served("PROGRAM_DETAIL", user, List.of(capped))).isEmpty();
    assertThat(served("PROGRAM_DETAIL", randomId(), List.of(capped))).as("another user").containsExactly(capped);
    assertThat(served("PROGRAM_DETAIL", null, List.of(capped))).as("anonymous is not capped").containsExactly(capped);
  }

  @Test
  void theWindowIsRespected() {
    Instant now = clock.instant();
    long later = createAdvert("HOME_BANNER", 10, 10, List.of(), new Instant[] {now.plus(Duration.ofHours(1)),
        now.plus(Duration.ofHours(2))}, null);
    assertThat(served("HOME_BANNER", null, List.of(later))).as("not started").isEmpty();
    clock.advance(Duration.ofMinutes(90));
    assertThat(served("HOME_BANNER", null, List.of(later))).as("inside the window").containsExactly(later);
    clock.advance(Duration.ofMinutes(31));
    assertThat(served("HOME_BANNER", null, List.of(later))).as("ended").isEmpty();
  }

  @Test
  void invalidAdminRequestsAre400AndChangeNothing() {
    long id = createAdvert("HOME_BANNER", 5, 5, List.of("ACTION"), null, null);
    JsonNode before = adminCall(HttpMethod.GET, "/api/admin/adverts/" + id, null, "ADMIN").getBody();
    Instant start = Instant.now().plus(Duration.ofDays(1));
    List<Map<String, Object>> broken = List.of(
        body("HOME_BANNER", start, start.minusSeconds(1), 5, "https://img.example/a.png", "https://x.example"),
        body("HOME_BANNER", start, start.plusSeconds(60), 0, "https://img.example/a.png", "https://x.example"),
        body("HOME_BANNER", start, start.plusSeconds(60), 101, "https://img.example/a.png", "https://x.example"),
        body("SIDEBAR", start, start.plusSeconds(60), 5, "https://img.example/a.png", "https://x.example"),
        body("HOME_BANNER", start, start.plusSeconds(60), 5, "ftp://img.example/a.png", "https://x.example"),
        body("HOME_BANNER", start, start.plusSeconds(60), 5, "https://img.example/a.png", "javascript:alert(1)"));
    for (Map<String, Object> request : broken) {
      ResponseEntity<JsonNode> create = adminCall(HttpMethod.POST, "/api/admin/adverts", request, "ADMIN");
      assertThat(create.getStatusCode().value()).as("create %s", request).isEqualTo(400);
      assertThat(create.getBody().path("code").asText()).isEqualTo("VALIDATION_FAILED");
      ResponseEntity<JsonNode> update = adminCall(HttpMethod.PUT, "/api/admin/adverts/" + id, request, "ADMIN");
      assertThat(update.getStatusCode().value()).as("update %s", request).isEqualTo(400);
    }
    assertThat(adminCall(HttpMethod.GET, "/api/admin/adverts/" + id, null, "ADMIN").getBody()).isEqualTo(before);
    JsonNode audit = adminCall(HttpMethod.GET, "/api/admin/adverts/" + id + "/audit", null, "ADMIN").getBody();
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).path("action").asText()).isEqualTo("CREATE");
  }

  @Test
  void updatesAreAuditedWithWhoAndBeforeAfter() {
    long id = createAdvert("HOME_BANNER", 5, 5, List.of("ACTION"), null, null);
    Instant start = Instant.now().minus(Duration.ofDays(1));
    Map<String, Object> change = body("HOME_BANNER", start, start.plus(Duration.ofDays(30)), 77,
        "https://img.example/b.png", "https://x.example/b");
    ResponseEntity<JsonNode> updated = adminCall(HttpMethod.PUT, "/api/admin/adverts/" + id, change, "ADMIN");
    assertThat(updated.getStatusCode().value()).isEqualTo(200);
    assertThat(updated.getBody().path("weight").asInt()).isEqualTo(77);
    JsonNode audit = adminCall(HttpMethod.GET, "/api/admin/adverts/" + id + "/audit", null, "ADMIN").getBody();
    assertThat(audit).hasSize(2);
    JsonNode entry = audit.get(1);
    assertThat(entry.path("action").asText()).isEqualTo("UPDATE");
    assertThat(entry.path("actorId").asLong()).isEqualTo(ADMIN_ID);
    assertThat(entry.path("before").path("weight").asInt()).isEqualTo(5);
    assertThat(entry.path("after").path("weight").asInt()).isEqualTo(77);
    assertThat(entry.path("at").asText()).isNotEmpty();
  }

  @Test
  void everyAdminRouteIsForbiddenToNonAdmins() {
    long id = createAdvert("HOME_BANNER", 5, 5, List.of(), null, null);
    Instant start = Instant.now();
    Map<String, Object> advert = body("HOME_BANNER", start, start.plusSeconds(60), 5, "https://i.example/a.png",
        "https://x.example");
    Map<String, Object> announcement = Map.of("title", "t", "body", "b", "audience", "ALL");
    for (String roles : new String[] {"CUSTOMER", null}) {
      assertThat(status(HttpMethod.POST, "/api/admin/adverts", advert, roles)).isEqualTo(403);
      assertThat(status(HttpMethod.POST, "/api/admin/adverts", Map.of("weight", 0), roles))
          .as("an invalid body does not get a 400 past the role check").isEqualTo(403);
      assertThat(status(HttpMethod.GET, "/api/admin/adverts", null, roles)).isEqualTo(403);
      assertThat(status(HttpMethod.GET, "/api/admin/adverts/" + id, null, roles)).isEqualTo(403);
      assertThat(status(HttpMethod.PUT, "/api/admin/adverts/" + id, advert, roles)).isEqualTo(403);
      assertThat(status(HttpMethod.DELETE, "/api/admin/adverts/" + id, null, roles)).isEqualTo(403);
      assertThat(status(HttpMethod.GET, "/api/admin/adverts/" + id + "/audit", null, roles)).isEqualTo(403);
      assertThat(status(HttpMethod.POST, "/api/admin/announcements", announcement, roles)).isEqualTo(403);
    }
    assertThat(adminCall(HttpMethod.GET, "/api/admin/adverts/" + id, null, "ADMIN").getStatusCode().value())
        .as("still there").isEqualTo(200);
  }

  @Test
  void anAnnouncementToShowtimeBuyersLandsOnlyInTheirInboxes() throws Exception {
    long showtime = randomId();
    long buyer1 = randomId();
    long buyer2 = randomId();
    long otherShowtimeBuyer = randomId();
    long refunded = randomId();
    long program = randomId();
    paid(buyer1, program, showtime, randomId());
    paid(buyer2, program, showtime, randomId());
    paid(buyer2, program, showtime, randomId()); // two orders, still one inbox row
    paid(otherShowtimeBuyer, program, randomId(), randomId());
    long refundedOrder = randomId();
    paid(refunded, program, showtime, refundedOrder);
    send("OrderRefunded", refundedOrder, new OrderEvents.OrderRefunded(refundedOrder, refunded, program, showtime,
        List.of(1L), BigDecimal.TEN, "CNY"));
    // events of one partition are applied in order: once a later marker event is in, all of the above are too
    long markerShowtime = randomId();
    long marker = randomId();
    paid(marker, program, markerShowtime, randomId());
    awaitBuyers(markerShowtime, List.of(marker));
    assertThat(interests.buyersOf(showtime)).containsExactlyInAnyOrder(buyer1, buyer2);

    ResponseEntity<JsonNode> published = adminCall(HttpMethod.POST, "/api/admin/announcements",
        Map.of("title", "Projector fixed", "body", "Your 20:00 show starts on time", "audience", "SHOWTIME_BUYERS",
            "showtimeId", showtime), "ADMIN");
    assertThat(published.getStatusCode().value()).isEqualTo(201);
    assertThat(published.getBody().path("recipients").asInt()).isEqualTo(2);
    long announcementId = published.getBody().path("id").asLong();

    JsonNode inbox1 = inbox(buyer1);
    assertThat(inbox1.path("items")).hasSize(1);
    assertThat(inbox1.path("items").get(0).path("announcementId").asLong()).isEqualTo(announcementId);
    assertThat(inbox1.path("items").get(0).path("read").asBoolean()).isFalse();
    assertThat(inbox(buyer2).path("items")).hasSize(1);
    assertThat(inbox(otherShowtimeBuyer).path("items")).isEmpty();
    assertThat(inbox(refunded).path("items")).isEmpty();

    long itemId = inbox1.path("items").get(0).path("id").asLong();
    ResponseEntity<JsonNode> stranger = http.post().uri("/api/announcements/inbox/{id}/read", itemId)
        .header("X-User-Id", Long.toString(buyer2)).retrieve().toEntity(JsonNode.class);
    assertThat(stranger.getStatusCode().value()).isEqualTo(404);
    JsonNode read = http.post().uri("/api/announcements/inbox/{id}/read", itemId)
        .header("X-User-Id", Long.toString(buyer1)).retrieve().body(JsonNode.class);
    assertThat(read.path("read").asBoolean()).isTrue();
    assertThat(inbox(buyer1).path("items").get(0).path("read").asBoolean()).isTrue();
    assertThat(http.get().uri("/api/announcements/inbox").retrieve().toEntity(JsonNode.class)
        .getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void anAnnouncementToAllIsReadableByEveryoneWithoutFanOut() {
    String title = "Holiday hours " + randomId();
    ResponseEntity<JsonNode> published = adminCall(HttpMethod.POST, "/api/admin/announcements",
        Map.of("title", title, "body", "Open until 2am", "audience", "ALL"), "ADMIN");
    assertThat(published.getStatusCode().value()).isEqualTo(201);
    assertThat(published.getBody().path("recipients").asInt()).isZero();
    JsonNode all = http.get().uri("/api/announcements?size=100").retrieve().body(JsonNode.class);
    assertThat(StreamSupport.stream(all.path("items").spliterator(), false).map(n -> n.path("title").asText()))
        .contains(title);
    assertThat(adminCall(HttpMethod.POST, "/api/admin/announcements",
        Map.of("title", "x", "body", "y", "audience", "SHOWTIME_BUYERS"), "ADMIN").getStatusCode().value())
        .as("showtime required").isEqualTo(400);
  }

  // ---- helpers ----

  static final long ADMIN_ID = 4242;

  private long createAdvert(String placement, int priority, int weight, List<String> categories, Instant[] window,
      Integer dailyCap) {
    Instant now = clock.instant();
    Instant from = window == null ? now.minus(Duration.ofDays(1)) : window[0];
    Instant to = window == null ? now.plus(Duration.ofDays(30)) : window[1];
    Map<String, Object> request = new HashMap<>(body(placement, from, to, weight, "https://img.example/a.png",
        "https://x.example/landing"));
    request.put("priority", priority);
    request.put("categories", categories);
    if (dailyCap != null) {
      request.put("dailyCap", dailyCap);
    }
    ResponseEntity<JsonNode> response = adminCall(HttpMethod.POST, "/api/admin/adverts", request, "ADMIN");
    assertThat(response.getStatusCode().value()).as("create advert: %s", response.getBody()).isEqualTo(201);
    long id = response.getBody().path("id").asLong();
    created.add(id);
    return id;
  }

  private static Map<String, Object> body(String placement, Instant from, Instant to, int weight, String image,
      String link) {
    return Map.of("title", "Advert", "imageUrl", image, "linkUrl", link, "placement", placement,
        "startsAt", from.toString(), "endsAt", to.toString(), "priority", 5, "weight", weight);
  }

  /** The served adverts among {@code mine}, in the served order (other tests' adverts share the placement). */
  private List<Long> served(String placement, Long user, List<Long> mine) {
    RestClient.RequestHeadersSpec<?> request = http.get().uri("/api/adverts?placement=" + placement);
    if (user != null) {
      request.header("X-User-Id", Long.toString(user));
    }
    JsonNode body = request.retrieve().body(JsonNode.class);
    List<Long> ids = new ArrayList<>();
    body.forEach(a -> {
      if (mine.contains(a.path("id").asLong())) {
        ids.add(a.path("id").asLong());
      }
    });
    return ids;
  }

  private ResponseEntity<JsonNode> adminCall(HttpMethod method, String path, Object body, String roles) {
    RestClient.RequestBodySpec request = http.method(method).uri(path).header("X-User-Id", Long.toString(ADMIN_ID));
    if (roles != null) {
      request.header("X-User-Roles", roles);
    }
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.retrieve().toEntity(JsonNode.class);
  }

  private int status(HttpMethod method, String path, Object body, String roles) {
    return adminCall(method, path, body, roles).getStatusCode().value();
  }

  private JsonNode inbox(long user) {
    return http.get().uri("/api/announcements/inbox").header("X-User-Id", Long.toString(user))
        .retrieve().body(JsonNode.class);
  }

  private void paid(long user, long program, long showtime, long orderNo) throws Exception {
    send("OrderPaid", orderNo, new OrderEvents.OrderPaid(orderNo, user, program, showtime, 9, List.of(1L),
        new BigDecimal("40.00"), "CNY", Instant.now()));
  }

  private void send(String type, long orderNo, Object payload) throws Exception {
    EventEnvelope<Object> envelope = EventEnvelope.of(type, Instant.now(), Long.toString(orderNo), payload);
    kafka.send(Topics.ORDER_EVENTS, envelope.aggregateId(), json.writeValueAsString(envelope)).get();
  }

  private void awaitInterest(long user, String signal) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      if (interests.interestsOf(user).stream().anyMatch(i -> i.signalKey.equals(signal))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("interest " + signal + " of user " + user + " never arrived");
  }

  private void awaitBuyers(long showtime, List<Long> expected) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      if (interests.buyersOf(showtime).stream().sorted().toList().equals(expected.stream().sorted().toList())) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(interests.buyersOf(showtime)).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static long randomId() {
    return ThreadLocalRandom.current().nextLong(1_000_000L, 1L << 50);
  }
}
