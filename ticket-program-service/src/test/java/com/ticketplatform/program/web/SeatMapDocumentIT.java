package com.ticketplatform.program.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.program.support.IntegrationTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The seat map's seats are documented with their price and live status, apart from the hall's seats (which have
 * neither), exactly as the typed client of ticket-web was generated from (openapi/public.json).
 */
class SeatMapDocumentIT extends IntegrationTestBase {

  @Test
  void seatMapSeatsCarryPriceAndStatusInTheDocument() throws Exception {
    JsonNode schemas = json.readTree(http.getForObject("/v3/api-docs", String.class)).path("components").path("schemas");

    JsonNode seat = schemas.path("SeatMapSeat");
    List<String> properties = new ArrayList<>();
    seat.path("properties").propertyNames().forEach(properties::add);
    assertThat(properties).containsExactly("seatId", "row", "col", "label", "type", "tier", "price", "status");
    assertThat(seat.path("properties").path("price").path("type").asText()).isEqualTo("number");
    assertThat(seat.path("properties").path("seatId").path("type").asText()).isEqualTo("string");
    assertThat(schemas.path("SeatRow").path("properties").path("seats").path("items").path("$ref").asText())
        .isEqualTo("#/components/schemas/SeatMapSeat");
    // the hall's own seat keeps its shape and its name
    assertThat(schemas.path("SeatView").path("properties").has("price")).isFalse();

    Path snapshot = Path.of("..", "ticket-web", "openapi", "public.json");
    JsonNode published = json.readTree(Files.readString(snapshot)).path("components").path("schemas");
    assertThat(seat).isEqualTo(published.path("SeatMapSeat"));
  }
}
