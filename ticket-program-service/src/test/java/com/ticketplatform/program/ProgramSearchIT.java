package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketplatform.program.support.IntegrationTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class ProgramSearchIT extends IntegrationTestBase {

  @Test
  void keywordSearchPagesWithACursorUntilTheEnd() {
    String marker = "Zorblax" + RUN;
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(createProgram(marker + " part " + i, i % 2 == 0 ? "COMEDY" : "DRAMA"));
    }
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      ResponseEntity<JsonNode> page = get("/api/programs?keyword=" + marker + "&size=2"
          + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.getStatusCode().value()).isEqualTo(200);
      page.getBody().get("items").forEach(item -> seen.add(item.get("programId").asLong()));
      cursor = page.getBody().get("nextCursor").isNull() ? null : page.getBody().get("nextCursor").asText();
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(pages).isEqualTo(3);
    // newest first, every one exactly once
    List<Long> newestFirst = new ArrayList<>(created);
    java.util.Collections.reverse(newestFirst);
    assertThat(seen).containsExactlyElementsOf(newestFirst);

    JsonNode comedies = get("/api/programs?keyword=" + marker + "&category=COMEDY").getBody();
    assertThat(comedies.get("items")).hasSize(3);
    assertThat(get("/api/programs?keyword=" + marker + "&category=OPERETTA").getStatusCode().value())
        .isEqualTo(400);
  }

  @Test
  void cityFilterKeepsProgramsWithUpcomingShowtimesThere() {
    String city = "Hangzhou" + RUN;
    long hallId = createHall(createCinema(city));
    String marker = "Cityfilm" + RUN;
    long shown = createProgram(marker + " shown", "ACTION");
    createProgram(marker + " not shown", "ACTION");
    createShowtime(shown, hallId, inDays(12));
    JsonNode page = get("/api/programs?keyword=" + marker + "&city=" + city).getBody();
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("items").get(0).get("programId").asLong()).isEqualTo(shown);

    JsonNode cinemas = get("/api/cinemas?city=" + city).getBody();
    assertThat(cinemas).hasSize(1);
    assertThat(cinemas.get(0).get("city").asText()).isEqualTo(city);
  }

  @Test
  void aBadCursorOrAnOversizedPageIs400() {
    ResponseEntity<JsonNode> badCursor = get("/api/programs?cursor=garbage!!");
    assertThat(badCursor.getStatusCode().value()).isEqualTo(400);
    assertThat(badCursor.getBody().get("code").asText()).isEqualTo("BAD_CURSOR");
    ResponseEntity<JsonNode> tooBig = get("/api/programs?size=101");
    assertThat(tooBig.getStatusCode().value()).isEqualTo(400);
    assertThat(tooBig.getBody().get("code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(get("/api/programs?size=100").getStatusCode().value()).isEqualTo(200);
  }
}
