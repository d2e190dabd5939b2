package com.ticketplatform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** When the user service's JWK Set cannot be fetched, a token cannot be judged: that is a 503, never a 401 or 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthUnavailableIT {

  static final int CLOSED_PORT;

  static {
    try (ServerSocket probe = new ServerSocket(0)) {
      CLOSED_PORT = probe.getLocalPort();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void jwks(DynamicPropertyRegistry registry) {
    registry.add("ticket.gateway.jwk-set-uri",
        () -> "http://127.0.0.1:" + CLOSED_PORT + "/api/users/.well-known/jwks.json");
  }

  @LocalServerPort
  int port;

  @Test
  void unreachableJwkSetIs503Problem() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
    String token = GatewayIT.token(key, 7L, List.of("CUSTOMER"), "ticket-platform",
        Instant.now().plusSeconds(600), UUID.randomUUID().toString());
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/users/me"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(new ObjectMapper().readTree(response.body()).get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
  }
}
