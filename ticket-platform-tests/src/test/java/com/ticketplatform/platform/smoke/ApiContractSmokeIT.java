package com.ticketplatform.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The public API document against what the wire really carries (docs/ARCHITECTURE.md §6), and the gateway's own
 * refusals, which no service document can describe for it: each must be a problem with a stable code.
 */
class ApiContractSmokeIT {

  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
  private static JsonNode document;

  @BeforeAll
  static void fetchDocument() {
    document = LocalPlatform.JSON.readTree(Contract.publicDocument());
  }

  @Test
  void theDocumentDescribesOnlyWhatAClientSendsAndReceives() {
    SoftAssertions soft = new SoftAssertions();
    assertThat(document.path("openapi").asText()).startsWith("3.0");
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      soft.assertThat(path.getKey()).as("no internal operation").doesNotStartWith("/internal");
      for (String method : METHODS) {
        JsonNode operation = path.getValue().path(method);
        if (operation.isMissingNode()) {
          continue;
        }
        for (JsonNode parameter : operation.path("parameters")) {
          String name = parameter.path("name").asText();
          soft.assertThat(name).as("%s %s: no parameter the gateway sets", method, path.getKey())
              .isNotIn("X-User-Id", "X-User-Roles", "X-Ticket-Internal", "X-Forwarded-For", "caller");
          if (name.equals("id") || name.endsWith("Id") || name.equals("orderNo")) {
            soft.assertThat(parameter.path("schema").path("type").asText()).as("%s %s %s", method, path.getKey(), name)
                .isEqualTo("string");
          }
        }
        soft.assertThat(operation.has("security")).as("%s %s states its security", method, path.getKey()).isTrue();
      }
    }
    for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
      for (Map.Entry<String, JsonNode> property : schema.getValue().path("properties").properties()) {
        String name = property.getKey();
        if (name.equals("id") || name.endsWith("Id") || name.equals("orderNo")) {
          soft.assertThat(property.getValue().path("type").asText()).as("%s.%s is a string", schema.getKey(), name)
              .isEqualTo("string");
          if (!name.equals("paymentId")) { // the provider's id, not one of ours
            soft.assertThat(property.getValue().path("pattern").asText()).as("%s.%s", schema.getKey(), name)
                .isEqualTo("^[0-9]{1,19}$");
          }
        }
      }
    }
    soft.assertThat(security("/api/orders", "post")).as("ordering needs a token").isNotEmpty();
    soft.assertThat(security("/api/programs", "get")).as("the catalogue is open").isEmpty();
    soft.assertThat(document.path("paths").path("/api/orders").path("post").path("responses").has("201")).isTrue();
    soft.assertThat(document.path("components").path("securitySchemes").path("bearer").path("bearerFormat").asText())
        .isEqualTo("JWT");
    soft.assertAll();
  }

  @Test
  void theLiveDocumentIsTheSnapshotTheTypedClientIsBuiltFrom() throws IOException {
    Path snapshot = LocalPlatform.repoRoot().resolve("ticket-web/openapi/public.json");
    assertThat(snapshot).exists();
    JsonNode committed = LocalPlatform.JSON.readTree(Files.readString(snapshot));
    assertThat(committed)
        .as("the public API changed: if that is deliberate, run `npm run snapshot:api` in ticket-web, then"
            + " `npm run check` tells which clients it breaks")
        .isEqualTo(document);
  }

  @Test
  void everyRefusalOfTheGatewayIsAProblemWithACode() throws Exception {
    String longValue = "k".repeat(10_000);
    List<Raw> refusals = new ArrayList<>();
    refusals.add(raw("GET /api/no-such-thing HTTP/1.1\r\n", 401));
    refusals.add(raw("GET /api/programs?q=%zz HTTP/1.1\r\n", 400));
    refusals.add(raw("GET /api/programs?q=" + "a".repeat(9_000) + " HTTP/1.1\r\n", 414));
    refusals.add(raw("POST /api/users/login HTTP/1.1\r\nIdempotency-Key: " + longValue + "\r\n"
        + "Content-Type: application/json\r\nContent-Length: 2\r\n", 431, "{}"));
    refusals.add(raw("POST /api/users/login HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
        + (2 * 1024 * 1024) + "\r\n", 413));
    refusals.add(raw("POST /api/users/login HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n", 415,
        "{}"));
    String token = PurchaseSteps.login(PurchaseSteps.DEMO_CUSTOMER, PurchaseSteps.DEMO_CUSTOMER_PASSWORD).token();
    refusals.add(raw("DELETE /api/users/me HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n", 405));
    refusals.add(raw("GET /api/no-such-thing HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n", 404));
    SoftAssertions soft = new SoftAssertions();
    for (Raw refusal : refusals) {
      String answer = refusal.send();
      String head = answer.contains("\r\n\r\n") ? answer.substring(0, answer.indexOf("\r\n\r\n")) : answer;
      String body = answer.contains("\r\n\r\n") ? answer.substring(answer.indexOf("\r\n\r\n") + 4) : "";
      String what = refusal.requestLine();
      soft.assertThat(head).as("%s: status", what).startsWith("HTTP/1.1 " + refusal.status());
      soft.assertThat(head.toLowerCase()).as("%s: content type", what)
          .contains("content-type: application/problem+json");
      soft.assertThat(body).as("%s: a stable code", what).contains("\"code\":\"");
    }
    soft.assertAll();
  }

  private static JsonNode security(String path, String method) {
    return document.path("paths").path(path).path(method).path("security");
  }

  private static Raw raw(String headLines, int status) {
    return raw(headLines, status, "");
  }

  private static Raw raw(String headLines, int status, String body) {
    return new Raw(headLines, status, body);
  }

  /** A request written by hand: these are requests a well-behaved client library refuses to send. */
  private record Raw(String headLines, int status, String body) {

    String requestLine() {
      String line = headLines.substring(0, headLines.indexOf("\r\n"));
      return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    String send() throws IOException {
      URI gateway = URI.create(LocalPlatform.gatewayUrl());
      try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write((headLines + "Host: " + gateway.getHost() + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n"
            + body).getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
