package com.ticketplatform.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.gateway.openapi.PublicApiDocument.ServiceDocument;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PublicApiDocumentTest {

  final JsonMapper json = JsonMapper.builder().build();

  static final String PROGRAM = """
      {"openapi":"3.0.1","paths":{
        "/api/programs/{programId}":{"get":{"operationId":"get","responses":{"200":{"content":{"application/json":{"schema":
          {"$ref":"#/components/schemas/SeatView"}}}}}}},
        "/api/admin/programs":{"post":{"operationId":"create","responses":{"201":{"content":{"application/json":{"schema":
          {"$ref":"#/components/schemas/ProblemDetail"}}}}}}}},
       "components":{"schemas":{
        "SeatView":{"type":"object","properties":{"row":{"type":"integer"}}},
        "ProblemDetail":{"type":"object","properties":{"code":{"type":"string"}}}}}}
      """;

  static final String ORDER = """
      {"openapi":"3.0.1","paths":{
        "/api/orders/{orderNo}":{"get":{"operationId":"get","responses":{"200":{"content":{"application/json":{"schema":
          {"$ref":"#/components/schemas/SeatView"}}}}}}}},
       "components":{"schemas":{
        "SeatView":{"type":"object","properties":{"price":{"type":"number"}}},
        "ProblemDetail":{"type":"object","properties":{"code":{"type":"string"}}}}}}
      """;

  @Test
  void mergesEveryServiceAndKeepsDifferentShapesApart() {
    JsonNode merged = PublicApiDocument.merge(json, List.of(new ServiceDocument("ticket-program-service", PROGRAM),
        new ServiceDocument("ticket-order-service", ORDER)));

    assertThat(merged.path("paths").propertyNames())
        .containsExactlyInAnyOrder("/api/programs/{programId}", "/api/admin/programs", "/api/orders/{orderNo}");
    assertThat(merged.path("components").path("schemas").propertyNames())
        .containsExactlyInAnyOrder("ProgramSeatView", "OrderSeatView", "ProblemDetail");
    assertThat(ref(merged, "/api/programs/{programId}", "get", "200")).isEqualTo("#/components/schemas/ProgramSeatView");
    assertThat(ref(merged, "/api/orders/{orderNo}", "get", "200")).isEqualTo("#/components/schemas/OrderSeatView");
    assertThat(ref(merged, "/api/admin/programs", "post", "201")).isEqualTo("#/components/schemas/ProblemDetail");
    assertThat(merged.path("paths").path("/api/orders/{orderNo}").path("get").path("tags").get(0).asString())
        .isEqualTo("ticket-order-service");
    // operation ids are unique in the merged document: a clash takes its service's name, the rest stay
    assertThat(merged.path("paths").path("/api/orders/{orderNo}").path("get").path("operationId").asString())
        .isEqualTo("orderGet");
    assertThat(merged.path("paths").path("/api/programs/{programId}").path("get").path("operationId").asString())
        .isEqualTo("programGet");
    assertThat(merged.path("paths").path("/api/admin/programs").path("post").path("operationId").asString())
        .isEqualTo("create");
  }

  @Test
  void operationsCarryTheSecurityTheGatewayApplies() {
    JsonNode merged = PublicApiDocument.merge(json, List.of(new ServiceDocument("ticket-program-service", PROGRAM),
        new ServiceDocument("ticket-order-service", ORDER)));
    assertThat(merged.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
        .isEqualTo("bearer");
    assertThat(security(merged, "/api/programs/{programId}", "get")).as("the catalogue is public").isEmpty();
    assertThat(security(merged, "/api/admin/programs", "post").get(0).has("bearer")).isTrue();
    assertThat(security(merged, "/api/orders/{orderNo}", "get").get(0).has("bearer")).isTrue();
  }

  @Test
  void aPathTwoServicesClaimIsRefused() {
    assertThatThrownBy(() -> PublicApiDocument.merge(json, List.of(new ServiceDocument("a", ORDER),
        new ServiceDocument("b", ORDER)))).hasMessageContaining("/api/orders/{orderNo}");
  }

  private static String ref(JsonNode doc, String path, String method, String status) {
    return doc.path("paths").path(path).path(method).path("responses").path(status).path("content")
        .path("application/json").path("schema").path("$ref").asString();
  }

  private static JsonNode security(JsonNode doc, String path, String method) {
    return doc.path("paths").path(path).path(method).path("security");
  }
}
