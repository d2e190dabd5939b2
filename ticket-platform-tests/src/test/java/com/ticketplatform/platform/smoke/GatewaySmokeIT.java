package com.ticketplatform.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import com.ticketplatform.platform.smoke.LocalPlatform.App;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What a client sees at the gateway: errors are ProblemDetails, and a dead service is an honest, quick 503. */
class GatewaySmokeIT {

  private static final App ADVERT = LocalPlatform.APPS.stream()
      .filter(app -> app.name().equals("ticket-advert-service")).findFirst().orElseThrow();

  /** Anonymous callers learn nothing about which paths exist: 401. A signed-in caller gets an honest 404. */
  @Test
  void unknownRouteIsA401ForAnonymousAndA404ProblemDetailWhenSignedIn() throws Exception {
    String unknown = LocalPlatform.gatewayUrl() + "/api/no-such-route-" + Instant.now().toEpochMilli();

    HttpResponse<String> anonymous = LocalPlatform.get(unknown);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(LocalPlatform.json(anonymous).path("code").asText()).isEqualTo("UNAUTHENTICATED");

    HttpResponse<String> login = LocalPlatform.HTTP.send(HttpRequest.newBuilder(
            URI.create(LocalPlatform.gatewayUrl() + "/api/users/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"loginName\":\"demo@ticket.local\",\"password\":\""
            + LocalPlatform.setting("ticket.demo.password", "TICKET_DEMO_CUSTOMER_PASSWORD", "Demo#2026") + "\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String token = LocalPlatform.json(login).path("accessToken").asText();

    HttpResponse<String> response = LocalPlatform.HTTP.send(HttpRequest.newBuilder(URI.create(unknown))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    JsonNode problem = LocalPlatform.json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(404);
    assertThat(problem.path("code").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void aStoppedServiceIsA503ProblemDetailWithinFiveSecondsAndComesBack() throws Exception {
    assertThat(LocalPlatform.isHealthy(ADVERT)).as("advert service healthy before the test").isTrue();
    try {
      assertStoppedServiceGives503();
    } finally {
      assertThat(LocalPlatform.ticket(Duration.ofMinutes(5), "restart", ADVERT.name())).isZero();
      LocalPlatform.awaitHealthy(ADVERT, Duration.ofMinutes(3));
    }
    // back in service: the gateway routes to it again (the breaker saw too few calls to stay open)
    Instant deadline = Instant.now().plusSeconds(30);
    int status;
    do {
      status = LocalPlatform.get(LocalPlatform.gatewayUrl() + "/api/adverts?placement=HOME_BANNER").statusCode();
    } while (status == 503 && Instant.now().isBefore(deadline) && pause());
    assertThat(status).as("gateway status once the advert service is back").isNotEqualTo(503);
  }

  private static boolean pause() throws InterruptedException {
    Thread.sleep(1000);
    return true;
  }

  private static void assertStoppedServiceGives503() throws Exception {
    assertThat(LocalPlatform.ticket(Duration.ofSeconds(60), "stop", ADVERT.name())).isZero();
    assertThat(LocalPlatform.portAnswers(ADVERT.port())).as("advert service port closed after stop").isFalse();

    Instant start = Instant.now();
    HttpResponse<String> response = LocalPlatform.get(LocalPlatform.gatewayUrl() + "/api/adverts?placement=HOME_BANNER",
        Duration.ofSeconds(5));
    Duration took = Duration.between(start, Instant.now());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    JsonNode problem = LocalPlatform.json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(503);
    assertThat(problem.path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(took).as("time to the 503").isLessThan(Duration.ofSeconds(5));
  }

  /** Whatever happened above, leave the platform whole for the next test and for the developer. */
  @AfterAll
  static void bringTheAdvertServiceBack() throws Exception {
    if (!LocalPlatform.isHealthy(ADVERT)) {
      assertThat(LocalPlatform.ticket(Duration.ofMinutes(5), "restart", ADVERT.name())).isZero();
      LocalPlatform.awaitHealthy(ADVERT, Duration.ofMinutes(3));
    }
  }
}
