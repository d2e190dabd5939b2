package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.program.support.IntegrationTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Every cinema has its IANA time zone, and whatever shows a showtime's cinema carries it (docs/ARCHITECTURE.md §6). */
class CinemaTimeZoneIT extends IntegrationTestBase {

  /** This run's own city, so the listing (at most 500 cinemas) holds this run's cinemas whatever earlier runs left. */
  private static final String CITY = "London-" + RUN;

  private Map<String, Object> cinema(String name, String timeZone) {
    Map<String, Object> body = new HashMap<>(Map.of("name", name, "city", CITY, "address", "1 Leicester Square"));
    if (timeZone != null) {
      body.put("timeZone", timeZone);
    }
    return body;
  }

  private JsonNode listedCinema(long cinemaId) {
    JsonNode list = get("/api/cinemas?city=" + CITY).getBody();
    return StreamSupport.stream(list.spliterator(), false)
        .filter(c -> c.get("cinemaId").asText().equals(Long.toString(cinemaId))).findFirst().orElseThrow();
  }

  private JsonNode programShowtime(long programId, long showtimeId) {
    JsonNode detail = get("/api/programs/" + programId).getBody();
    return StreamSupport.stream(detail.get("showtimes").spliterator(), false)
        .filter(s -> s.get("showtimeId").asText().equals(Long.toString(showtimeId))).findFirst().orElseThrow();
  }

  @Test
  void aCinemaInLondonShowsItsZoneOnTheCinemaTheProgramPageAndTheSeatMap() {
    ResponseEntity<JsonNode> created = adminPost("/api/admin/cinemas", cinema(unique("Odeon"), "Europe/London"));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getBody().get("timeZone").asText()).isEqualTo("Europe/London");
    long cinemaId = created.getBody().get("cinemaId").asLong();
    assertThat(jdbc.queryForObject("SELECT time_zone FROM cinema WHERE id = ?", String.class, cinemaId))
        .isEqualTo("Europe/London");
    assertThat(call(HttpMethod.GET, "/api/admin/cinemas/" + cinemaId, null, admin()).getBody().get("timeZone")
        .asText()).isEqualTo("Europe/London");
    assertThat(listedCinema(cinemaId).get("timeZone").asText()).isEqualTo("Europe/London");

    long hallId = createHall(cinemaId);
    long programId = createProgram(unique("Zone Film"), "DRAMA");
    long showtimeId = createShowtime(programId, hallId, inDays(4));
    putOnSale(showtimeId);

    assertThat(programShowtime(programId, showtimeId).get("timeZone").asText()).isEqualTo("Europe/London");
    JsonNode seatMap = get("/api/showtimes/" + showtimeId + "/seats").getBody();
    assertThat(seatMap.get("timeZone").asText()).isEqualTo("Europe/London");
    assertThat(seatMap.get("cinemaId").asText()).isEqualTo(Long.toString(cinemaId));

    // both are cached now: moving the cinema to another zone reaches them, and leaving the zone out keeps it
    ResponseEntity<JsonNode> moved = call(HttpMethod.PUT, "/api/admin/cinemas/" + cinemaId,
        cinema(unique("Odeon"), "Asia/Hong_Kong"), admin());
    assertThat(moved.getStatusCode().value()).isEqualTo(200);
    assertThat(moved.getBody().get("timeZone").asText()).isEqualTo("Asia/Hong_Kong");
    assertThat(programShowtime(programId, showtimeId).get("timeZone").asText()).isEqualTo("Asia/Hong_Kong");
    assertThat(get("/api/showtimes/" + showtimeId + "/seats").getBody().get("timeZone").asText())
        .isEqualTo("Asia/Hong_Kong");
    ResponseEntity<JsonNode> renamed = call(HttpMethod.PUT, "/api/admin/cinemas/" + cinemaId,
        cinema(unique("Odeon Renamed"), null), admin());
    assertThat(renamed.getBody().get("timeZone").asText()).isEqualTo("Asia/Hong_Kong");
  }

  /** ticket-web's typed client is generated from openapi/public.json, which must describe the zone as served. */
  @Test
  void theDocumentDescribesTheZoneAsTheStorefrontsSnapshotDoes() throws Exception {
    JsonNode served = json.readTree(http.getForObject("/v3/api-docs", String.class)).path("components")
        .path("schemas");
    JsonNode published = json.readTree(Files.readString(Path.of("..", "ticket-web", "openapi", "public.json")))
        .path("components").path("schemas");
    for (String schema : List.of("CinemaRequest", "CinemaView", "ShowtimeSummary", "SeatMapView")) {
      JsonNode zone = served.path(schema).path("properties").path("timeZone");
      assertThat(zone.path("type").asText()).as(schema).isEqualTo("string");
      assertThat(zone).as(schema).isEqualTo(published.path(schema).path("properties").path("timeZone"));
      assertThat(served.path(schema).path("properties").propertyNames()).as(schema)
          .containsExactlyElementsOf(published.path(schema).path("properties").propertyNames());
    }
    assertThat(served.path("CinemaRequest").path("required").toString()).doesNotContain("timeZone");
  }

  @Test
  void aCinemaWithoutAZoneIsInShanghai() {
    ResponseEntity<JsonNode> created = adminPost("/api/admin/cinemas", cinema(unique("Plain"), null));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getBody().get("timeZone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(listedCinema(created.getBody().get("cinemaId").asLong()).get("timeZone").asText())
        .isEqualTo("Asia/Shanghai");
  }

  @Test
  void anUnknownZoneIsA400ProblemAndCreatesOrChangesNothing() {
    for (String zone : List.of("Mars/Olympus_Mons", "+08:00", "asia/shanghai")) {
      String name = unique("Nowhere");
      ResponseEntity<JsonNode> refused = adminPost("/api/admin/cinemas", cinema(name, zone));
      assertThat(refused.getStatusCode().value()).as(zone).isEqualTo(400);
      assertThat(String.valueOf(refused.getHeaders().getContentType())).as(zone)
          .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      assertThat(refused.getBody().get("code").asText()).isEqualTo("VALIDATION_FAILED");
      assertThat(refused.getBody().get("detail").asText()).contains("timeZone").contains(zone);
      assertThat(count("SELECT COUNT(*) FROM cinema WHERE name = ?", name)).as(zone).isZero();
    }

    long cinemaId = createCinema("Shanghai");
    ResponseEntity<JsonNode> refused = call(HttpMethod.PUT, "/api/admin/cinemas/" + cinemaId,
        cinema(unique("Renamed"), "Europe/Atlantis"), admin());
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(String.valueOf(refused.getHeaders().getContentType()))
        .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(jdbc.queryForObject("SELECT time_zone FROM cinema WHERE id = ?", String.class, cinemaId))
        .isEqualTo("Asia/Shanghai");
    assertThat(jdbc.queryForObject("SELECT city FROM cinema WHERE id = ?", String.class, cinemaId))
        .isEqualTo("Shanghai");
  }
}
