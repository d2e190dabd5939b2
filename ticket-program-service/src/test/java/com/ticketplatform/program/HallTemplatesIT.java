package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.program.support.IntegrationTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Hall layout templates kept by the platform: shared by admins, checked as a hall's seat map is. */
class HallTemplatesIT extends IntegrationTestBase {

  private static final String TEMPLATES = "/api/admin/hall-templates";

  @Test
  void anAdminSavesListsAndDeletesATemplate() {
    ObjectNode template = smallHall(unique("Template"));
    template.set("seatOverrides", json.valueToTree(List.of(Map.of("row", 2, "col", 2, "type", "VIP", "tier", "A"),
        Map.of("row", 4, "col", 5, "type", "COMPANION"))));
    HttpHeaders headers = admin();
    headers.set(AuthHeaders.IDEMPOTENCY_KEY, "template-" + template.get("name").asText());
    ResponseEntity<JsonNode> created = call(HttpMethod.POST, TEMPLATES, template, headers);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    JsonNode body = created.getBody();
    String id = body.get("templateId").asText();
    assertThat(id).matches("^[0-9]{1,19}$");
    assertThat(body.get("templateId").isString()).isTrue();
    assertThat(body.get("name").asText()).isEqualTo(template.get("name").asText());
    assertThat(body.get("rows").asInt()).isEqualTo(4);
    assertThat(body.get("cols").asInt()).isEqualTo(5);
    assertThat(body.get("aisleColumns").get(0).asInt()).isEqualTo(3);
    assertThat(body.get("gaps").get(0).get("col").asInt()).isEqualTo(1);
    assertThat(body.get("rowSettings").get(0).get("type").asText()).isEqualTo("WHEELCHAIR");
    assertThat(body.get("seatOverrides").get(1).get("type").asText()).isEqualTo("COMPANION");
    assertThat(body.get("createdAt").asText()).isNotBlank();

    // a retry with the same key answers the first result and saves nothing more
    ResponseEntity<JsonNode> retry = call(HttpMethod.POST, TEMPLATES, template, headers);
    assertThat(retry.getStatusCode().value()).isEqualTo(201);
    assertThat(retry.getBody().get("templateId").asText()).isEqualTo(id);
    assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");

    JsonNode listed = listed(id);
    assertThat(listed).isNotNull();
    assertThat(listed.get("name").asText()).isEqualTo(template.get("name").asText());
    assertThat(listed.get("seatOverrides")).hasSize(2);

    assertThat(call(HttpMethod.DELETE, TEMPLATES + "/" + id, null, admin()).getStatusCode().value()).isEqualTo(204);
    assertThat(listed(id)).isNull();
    ResponseEntity<JsonNode> again = call(HttpMethod.DELETE, TEMPLATES + "/" + id, null, admin());
    assertThat(again.getStatusCode().value()).isEqualTo(404);
    assertThat(again.getBody().get("code").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void aNameIsTakenOncePerPlatform() {
    String name = unique("Same Name");
    assertThat(adminPost(TEMPLATES, smallHall(name)).getStatusCode().value()).isEqualTo(201);
    ResponseEntity<JsonNode> taken = adminPost(TEMPLATES, smallHall("  " + name + " "));
    assertThat(taken.getStatusCode().value()).isEqualTo(409);
    assertThat(taken.getBody().get("code").asText()).isEqualTo("TEMPLATE_NAME_TAKEN");
    assertThat(taken.getBody().get("detail").asText()).contains(name);
    assertThat(count("SELECT COUNT(*) FROM hall_template WHERE name = ?", name)).isEqualTo(1);
  }

  @Test
  void aLayoutNoHallCouldHaveIsRefusedAsForAHall() {
    String name = unique("Bad Layout");
    ObjectNode outside = smallHall(name);
    outside.put("rows", 61);
    ResponseEntity<JsonNode> refused = adminPost(TEMPLATES, outside);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("code").asText()).isEqualTo("INVALID_SEAT_MAP");
    assertThat(refused.getBody().get("detail").asText()).contains("rows must be between 1 and 60");

    ObjectNode lonelyCompanion = smallHall(name);
    lonelyCompanion.set("seatOverrides", json.valueToTree(List.of(Map.of("row", 1, "col", 2, "type", "COMPANION"))));
    ResponseEntity<JsonNode> companion = adminPost(TEMPLATES, lonelyCompanion);
    assertThat(companion.getStatusCode().value()).isEqualTo(400);
    assertThat(companion.getBody().get("code").asText()).isEqualTo("INVALID_SEAT_MAP");
    assertThat(companion.getBody().get("detail").asText()).contains("companion seat A2");

    ObjectNode blank = smallHall(" ");
    assertThat(adminPost(TEMPLATES, blank).getStatusCode().value()).isEqualTo(400);
    ObjectNode tooLong = smallHall("x".repeat(81));
    assertThat(adminPost(TEMPLATES, tooLong).getStatusCode().value()).isEqualTo(400);
    assertThat(count("SELECT COUNT(*) FROM hall_template WHERE name = ?", name)).isZero();
  }

  @Test
  void onlyAnAdminMayUseTemplates() {
    String name = unique("Customer Template");
    HttpHeaders customer = new HttpHeaders();
    customer.setContentType(MediaType.APPLICATION_JSON);
    customer.set(AuthHeaders.USER_ID, "9");
    customer.set(AuthHeaders.USER_ROLES, "CUSTOMER");
    ResponseEntity<JsonNode> forbidden = call(HttpMethod.POST, TEMPLATES, smallHall(name), customer);
    assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
    assertThat(forbidden.getBody().get("code").asText()).isEqualTo("FORBIDDEN");
    assertThat(call(HttpMethod.GET, TEMPLATES, null, customer).getStatusCode().value()).isEqualTo(403);
    assertThat(call(HttpMethod.DELETE, TEMPLATES + "/1", null, customer).getStatusCode().value()).isEqualTo(403);
    assertThat(count("SELECT COUNT(*) FROM hall_template WHERE name = ?", name)).isZero();
  }

  private JsonNode listed(String id) {
    ResponseEntity<JsonNode> list = call(HttpMethod.GET, TEMPLATES, null, admin());
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    for (JsonNode template : list.getBody()) {
      if (template.get("templateId").asText().equals(id)) {
        return template;
      }
    }
    return null;
  }
}
