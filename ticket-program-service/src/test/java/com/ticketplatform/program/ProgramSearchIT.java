package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import tools.jackson.databind.JsonNode;
import com.ticketplatform.common.web.PageRequest;
import com.ticketplatform.program.support.IntegrationTestBase;
import com.ticketplatform.program.support.SearchEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Program search on the real local Elasticsearch, fed through the outbox, Kafka and the indexer. */
class ProgramSearchIT extends IntegrationTestBase {

  @BeforeAll
  static void engineRunning() {
    SearchEngine.requireRunning();
  }

  /** Waits until the search answers from the engine with what the test expects (indexing is asynchronous). */
  private JsonNode awaitSearch(String query, Predicate<JsonNode> ready) {
    List<JsonNode> last = new ArrayList<>(1);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
      ResponseEntity<JsonNode> page = get("/api/programs?" + query);
      assertThat(page.getStatusCode().value()).as(String.valueOf(page.getBody())).isEqualTo(200);
      last.clear();
      last.add(page.getBody());
      return !page.getBody().get("degraded").asBoolean() && ready.test(page.getBody());
    });
    return last.get(0);
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("programId").asLong()));
    return ids;
  }

  private static long facet(JsonNode page, String facet, String value) {
    for (JsonNode bucket : page.get("facets").get(facet)) {
      if (bucket.get("value").asText().equals(value)) {
        return bucket.get("count").asLong();
      }
    }
    return 0;
  }

  @Test
  void keywordSearchPagesWithACursorUntilTheEndAndCountsFacets() {
    String marker = "Zorblax" + RUN;
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(createProgram(marker + " part " + i, i % 2 == 0 ? "COMEDY" : "DRAMA"));
    }
    JsonNode first = awaitSearch("keyword=" + marker + "&size=2",
        page -> facet(page, "category", "COMEDY") + facet(page, "category", "DRAMA") == 5);
    assertThat(facet(first, "category", "COMEDY")).isEqualTo(3);
    assertThat(facet(first, "category", "DRAMA")).isEqualTo(2);

    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      ResponseEntity<JsonNode> page = get("/api/programs?keyword=" + marker + "&size=2"
          + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.getStatusCode().value()).isEqualTo(200);
      assertThat(page.getBody().get("degraded").asBoolean()).isFalse();
      seen.addAll(ids(page.getBody()));
      cursor = page.getBody().get("nextCursor").isNull() ? null : page.getBody().get("nextCursor").asText();
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(pages).isEqualTo(3);
    // equally relevant, none showing: the newest first, every one exactly once
    List<Long> newestFirst = new ArrayList<>(created);
    Collections.reverse(newestFirst);
    assertThat(seen).containsExactlyElementsOf(newestFirst);

    JsonNode comedies = get("/api/programs?keyword=" + marker + "&category=COMEDY").getBody();
    assertThat(comedies.get("items")).hasSize(3);
    assertThat(facet(comedies, "category", "DRAMA")).isZero();
    ResponseEntity<JsonNode> unknown = get("/api/programs?keyword=" + marker + "&category=OPERETTA");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody().get("code").asText()).isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void cityFilterKeepsProgramsWithUpcomingShowtimesThereAndCountsCities() {
    String city = "Hangzhou" + RUN;
    long hallId = createHall(createCinema(city));
    String marker = "Cityfilm" + RUN;
    long shown = createProgram(marker + " shown", "ACTION");
    createProgram(marker + " not shown", "ACTION");
    createShowtime(shown, hallId, inDays(12));
    JsonNode page = awaitSearch("keyword=" + marker + "&city=" + city, p -> p.get("items").size() == 1);
    assertThat(ids(page)).containsExactly(shown);
    assertThat(page.get("items").get(0).get("cities").get(0).asText()).isEqualTo(city);
    assertThat(page.get("items").get(0).get("nextShowtime").asText()).isEqualTo(inDays(12).toString());

    JsonNode all = get("/api/programs?keyword=" + marker).getBody();
    assertThat(all.get("items")).hasSize(2);
    assertThat(facet(all, "city", city)).isEqualTo(1);

    JsonNode cinemas = get("/api/cinemas?city=" + city).getBody();
    assertThat(cinemas).hasSize(1);
    assertThat(cinemas.get(0).get("city").asText()).isEqualTo(city);
  }

  @Test
  void titleMatchesOutrankDescriptionMatchesSoonerShowtimesBreakTiesAndTyposStillFind() {
    String term = "quixel" + RUN;
    long hallId = createHall(createCinema("Ningbo" + RUN));
    long titleNoShowtime = createProgram(term + " alpha", "DRAMA");
    long descriptionSoonest = createProgram("Unrelated evening " + RUN, "DRAMA",
        "An evening with " + term + " and friends, longer words around it");
    long titleSoon = createProgram(term + " gamma", "DRAMA");
    long titleLater = createProgram(term + " delta", "DRAMA");
    createShowtime(descriptionSoonest, hallId, inDays(1));
    createShowtime(titleSoon, hallId, inDays(2));
    createShowtime(titleLater, hallId, inDays(10));

    JsonNode page = awaitSearch("keyword=" + term, p -> p.get("items").size() == 4
        && p.findValues("nextShowtime").stream().filter(JsonNode::isTextual).count() == 3);
    assertThat(ids(page)).containsExactly(titleSoon, titleLater, titleNoShowtime, descriptionSoonest);

    JsonNode titleHit = page.get("items").get(0);
    assertThat(titleHit.get("highlights").get("title").get(0).asText()).isEqualTo("<em>" + term + "</em> gamma");
    JsonNode descriptionHit = page.get("items").get(3);
    assertThat(descriptionHit.get("highlights").get("description").get(0).asText())
        .contains("<em>" + term + "</em>");

    // one letter swapped (not the first): still found, and still the title matches first
    String typo = "qua" + term.substring(3);
    JsonNode typoPage = get("/api/programs?keyword=" + typo).getBody();
    assertThat(typoPage.get("degraded").asBoolean()).isFalse();
    assertThat(ids(typoPage)).startsWith(titleSoon, titleLater, titleNoShowtime);
  }

  @Test
  void reindexSwapsInAFullNewIndexWhileSearchKeepsAnswering() throws Exception {
    String term = "rebuildable" + RUN;
    List<Long> created = List.of(createProgram(term + " one", "HORROR"), createProgram(term + " two", "HORROR"));
    awaitSearch("keyword=" + term, p -> p.get("items").size() == 2);

    HttpHeaders customer = admin();
    customer.set("X-User-Roles", "CUSTOMER");
    ResponseEntity<JsonNode> forbidden = call(HttpMethod.POST, "/api/admin/search/reindex", null, customer);
    assertThat(forbidden.getStatusCode().value()).isEqualTo(403);

    // searches running all through the rebuild must always see the full result, never an empty or half index
    AtomicBoolean rebuilding = new AtomicBoolean(true);
    List<Integer> seenDuring = new CopyOnWriteArrayList<>();
    Thread searcher = new Thread(() -> {
      while (rebuilding.get()) {
        JsonNode during = get("/api/programs?keyword=" + term).getBody();
        seenDuring.add(during.get("degraded").asBoolean() ? -1 : during.get("items").size());
      }
    });
    searcher.start();
    ResponseEntity<JsonNode> rebuilt = adminPost("/api/admin/search/reindex", null);
    rebuilding.set(false);
    searcher.join();

    assertThat(rebuilt.getStatusCode().value()).as(String.valueOf(rebuilt.getBody())).isEqualTo(200);
    long programs = count("SELECT COUNT(*) FROM program");
    assertThat(rebuilt.getBody().get("documents").asLong()).isEqualTo(programs);
    String newIndex = rebuilt.getBody().get("index").asText();
    assertThat(newIndex).startsWith("programs_test-");
    assertThat(seenDuring).isNotEmpty().containsOnly(2);

    JsonNode after = get("/api/programs?keyword=" + term).getBody();
    assertThat(after.get("degraded").asBoolean()).isFalse();
    assertThat(ids(after)).containsExactlyInAnyOrderElementsOf(created);
    // the old index is gone: the alias family holds just the new one
    JsonNode aliases = http.getRestTemplate().getForObject("http://127.0.0.1:" + SearchEngine.PORT
        + "/programs_test-*/_alias", JsonNode.class);
    assertThat(aliases.propertyNames()).containsExactly(newIndex);
  }

  @Test
  void aBadCursorOrAnOversizedPageIs400() {
    ResponseEntity<JsonNode> badCursor = get("/api/programs?cursor=garbage!!");
    assertThat(badCursor.getStatusCode().value()).isEqualTo(400);
    assertThat(badCursor.getBody().get("code").asText()).isEqualTo("BAD_CURSOR");
    ResponseEntity<JsonNode> forged = get("/api/programs?cursor=" + PageRequest.encode("es:soon:1.0:x"));
    assertThat(forged.getStatusCode().value()).isEqualTo(400);
    assertThat(forged.getBody().get("code").asText()).isEqualTo("BAD_CURSOR");
    ResponseEntity<JsonNode> tooBig = get("/api/programs?size=101");
    assertThat(tooBig.getStatusCode().value()).isEqualTo(400);
    assertThat(tooBig.getBody().get("code").asText()).isEqualTo("VALIDATION_FAILED");
    ResponseEntity<JsonNode> max = get("/api/programs?size=100");
    assertThat(max.getStatusCode().value()).isEqualTo(200);
    assertThat(max.getBody().get("degraded").asBoolean()).isFalse();
  }
}
