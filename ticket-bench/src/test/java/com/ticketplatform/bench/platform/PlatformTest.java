package com.ticketplatform.bench.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A buyer reads the whole seat map once, then only the availability grid, placed by the map's positions. */
class PlatformTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void anAvailabilityGridIsReadByTheSeatMapsPositions() {
    JsonNode map = json.readTree("""
        {"rowCount": 2, "colCount": 3, "rows": [
          {"row": 1, "seats": [{"seatId": "11", "row": 1, "col": 1, "status": "AVAILABLE"},
                               {"seatId": "13", "row": 1, "col": 3, "status": "AVAILABLE"}]},
          {"row": 2, "seats": [{"seatId": "21", "row": 2, "col": 1, "status": "LOCKED"},
                               {"seatId": "22", "row": 2, "col": 2, "status": "AVAILABLE"},
                               {"seatId": "23", "row": 2, "col": 3, "status": "AVAILABLE"}]}]}
        """);
    long[][] positions = Platform.positions(map);
    assertThat(Platform.available(map)).containsExactly(11L, 13L, 22L, 23L);

    JsonNode later = json.readTree("""
        {"status": "ON_SALE", "rowCount": 2, "colCount": 3, "grid": ["A.L", "SAA"]}
        """);
    assertThat(Platform.available(positions, later)).containsExactly(11L, 22L, 23L);
    // a short or missing grid offers nothing it does not show
    assertThat(Platform.available(positions, json.readTree("{\"grid\": [\"A\"]}"))).containsExactly(11L);
  }
}
