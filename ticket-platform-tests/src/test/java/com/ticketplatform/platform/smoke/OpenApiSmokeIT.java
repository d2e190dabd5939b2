package com.ticketplatform.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The one Swagger UI at the gateway: it lists every service, and each service's document, fetched through the
 * gateway, describes that service's API including the ProblemDetail error responses.
 */
class OpenApiSmokeIT {

  /** Each service and one path its document must contain. */
  static final Map<String, String> SERVICES = Map.of(
      "ticket-user-service", "/api/users/login",
      "ticket-program-service", "/api/programs/{programId}",
      "ticket-order-service", "/api/orders",
      "ticket-pay-service", "/pay/callback",
      "ticket-advert-service", "/api/adverts",
      "ticket-comment-service", "/api/programs/{programId}/comments",
      "ticket-notify-service", "/api/notifications");

  static JsonNode document(String service) throws Exception {
    HttpResponse<String> response = LocalPlatform.get(LocalPlatform.gatewayUrl() + "/v3/api-docs/" + service);
    assertThat(response.statusCode()).as("%s document: %s", service, response.body()).isEqualTo(200);
    return LocalPlatform.json(response);
  }

  @Test
  void theGatewaysSwaggerUiListsEveryService() throws Exception {
    HttpResponse<String> ui = LocalPlatform.get(LocalPlatform.gatewayUrl() + "/swagger-ui.html");
    assertThat(ui.statusCode()).as("swagger-ui.html").isBetween(200, 302);
    HttpResponse<String> config = LocalPlatform.get(LocalPlatform.gatewayUrl() + "/v3/api-docs/swagger-config");
    assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
    List<String> listed = new ArrayList<>();
    for (JsonNode url : LocalPlatform.json(config).path("urls")) {
      listed.add(url.path("name").asText());
      assertThat(url.path("url").asText()).isEqualTo("/v3/api-docs/" + url.path("name").asText());
    }
    java.util.List<String> expected = new java.util.ArrayList<>(SERVICES.keySet());
    expected.add("public"); // every public operation in one document (/v3/api-docs/public)
    assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void eachServicesDocumentComesThroughTheGatewayWithItsPathsAndErrorResponses() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (Map.Entry<String, String> service : SERVICES.entrySet()) {
      JsonNode doc = document(service.getKey());
      soft.assertThat(doc.path("openapi").asText()).as("%s openapi version", service.getKey()).startsWith("3.");
      soft.assertThat(doc.path("servers").path(0).path("url").asText())
          .as("%s server: the origin the document came from, so try-it-out goes through the gateway",
              service.getKey()).isEqualTo("/");
      soft.assertThat(doc.path("paths").has(service.getValue())).as("%s documents %s", service.getKey(),
          service.getValue()).isTrue();
      soft.assertThat(doc.path("components").path("schemas").path("ProblemDetail").path("properties").has("code"))
          .as("%s ProblemDetail schema with code", service.getKey()).isTrue();
      JsonNode anyOperation = doc.path("paths").path(service.getValue()).values().iterator().next();
      soft.assertThat(anyOperation.path("responses").path("4XX").path("content").has("application/problem+json"))
          .as("%s %s documents 4XX as a problem", service.getKey(), service.getValue()).isTrue();
    }
    soft.assertAll();
  }
}
