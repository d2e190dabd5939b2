package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import tools.jackson.databind.JsonNode;
import com.ticketplatform.common.web.PageRequest;
import com.ticketplatform.program.support.IntegrationTestBase;
import com.ticketplatform.program.support.SearchEngine;
import com.ticketplatform.program.support.TcpProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The engine goes away (its port refuses connections and open connections are cut) and comes back: search answers
 * from MySQL meanwhile, marked degraded, and the events that could not be indexed are indexed once it is back.
 * Its own schema: the other ITs' cached context polls its outbox too and would publish these events to its own broker.
 */
@TestPropertySource(properties = {
    "ticket.mysql.schema-suffix=_test_search_degraded",
    "ticket.search.index=programs_degraded_test",
    "ticket.search.breaker-open-for=PT1S",
    "ticket.search.retry-max=PT1S"})
class SearchDegradedIT extends IntegrationTestBase {

  private static final TcpProxy ENGINE = startProxy();

  private static TcpProxy startProxy() {
    SearchEngine.requireRunning();
    try {
      TcpProxy proxy = new TcpProxy(SearchEngine.PORT);
      proxy.up();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void engineBehindProxy(DynamicPropertyRegistry registry) {
    registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + ENGINE.port());
  }

  @AfterAll
  static void closeProxy() {
    ENGINE.close();
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("programId").asLong()));
    return ids;
  }

  @Test
  void answersFromMySqlWhileTheEngineIsDownAndCatchesUpWhenItReturns() throws IOException {
    String marker = "Outage" + RUN;
    long before = createProgram(marker + " before", "COMEDY");
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      JsonNode page = get("/api/programs?keyword=" + marker).getBody();
      return !page.get("degraded").asBoolean() && ids(page).contains(before);
    });

    ENGINE.down();
    try {
      long during = createProgram(marker + " during", "DRAMA");
      long started = System.nanoTime();
      ResponseEntity<JsonNode> degraded = get("/api/programs?keyword=" + marker);
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(degraded.getStatusCode().value()).isEqualTo(200);
      assertThat(degraded.getBody().get("degraded").asBoolean()).isTrue();
      // the MySQL query: both programs, newest first, no facets
      assertThat(ids(degraded.getBody())).containsExactly(during, before);
      assertThat(degraded.getBody().get("facets").get("category")).isEmpty();
      assertThat(tookMillis).isLessThan(3000);

      JsonNode filtered = get("/api/programs?keyword=" + marker + "&category=DRAMA").getBody();
      assertThat(filtered.get("degraded").asBoolean()).isTrue();
      assertThat(ids(filtered)).containsExactly(during);

      // a page of the engine's list cannot be continued from MySQL: the client is told to start again
      ResponseEntity<JsonNode> engineCursor = get("/api/programs?keyword=" + marker + "&cursor="
          + PageRequest.encode("es:" + System.currentTimeMillis() + ":1.5:" + before));
      assertThat(engineCursor.getStatusCode().value()).isEqualTo(503);
      assertThat(engineCursor.getBody().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");

      ENGINE.up();
      // the event of the program created during the outage was retried until the engine took it
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
        JsonNode page = get("/api/programs?keyword=" + marker).getBody();
        return !page.get("degraded").asBoolean() && ids(page).contains(during);
      });
      JsonNode recovered = get("/api/programs?keyword=" + marker).getBody();
      assertThat(ids(recovered)).containsExactlyInAnyOrder(before, during);
      assertThat(recovered.get("facets").get("category")).hasSize(2);
    } finally {
      ENGINE.up();
    }
  }
}
