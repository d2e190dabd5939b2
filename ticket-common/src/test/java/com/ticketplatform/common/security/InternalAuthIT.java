package com.ticketplatform.common.security;

import com.ticketplatform.common.test.LocalHttp;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.common.web.AuthHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service port reached directly (not through the gateway), over real HTTP: identity headers and internal endpoints
 * need the platform's internal credential, and the client address a service sees is the one the credential vouches
 * for.
 */
@SpringBootTest(classes = InternalAuthIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ticket.internal-auth.secret=q8Vd2-LmN4x-7Rt0p-test", "ticket.security.dev-secrets-allowed=true",
        "spring.application.name=test-service"})
class InternalAuthIT {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    /** The machine's Redis, where every service leases its worker id (CommonAutoConfiguration.Ids). */
    @org.springframework.context.annotation.Bean
    org.springframework.data.redis.core.StringRedisTemplate redis() {
      var factory = new org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory("127.0.0.1", 6379);
      factory.afterPropertiesSet();
      return new org.springframework.data.redis.core.StringRedisTemplate(factory);
    }

    @RestController
    static class Echo {
      @GetMapping("/api/whoami")
      Map<String, String> whoami(@RequestHeader(name = AuthHeaders.USER_ID, required = false) String user,
          @RequestHeader(name = "X-Forwarded-For", required = false) String client) {
        return Map.of("user", String.valueOf(user), "client", String.valueOf(client));
      }

      @org.springframework.web.bind.annotation.PostMapping("/api/echo")
      int echo(@org.springframework.web.bind.annotation.RequestBody String body) {
        return body.length();
      }

      @GetMapping("/internal/ping")
      String ping() {
        return "pong";
      }
    }
  }

  @LocalServerPort
  int port;
  @Autowired
  InternalToken tokens;

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(String path, String... headers) throws Exception {
    return LocalHttp.get(port, path, headers);
  }

  @Test
  void anonymousCallsPassButAMadeUpClientAddressIsNotBelieved() throws Exception {
    HttpResponse<String> r = get("/api/whoami", "X-Forwarded-For", "198.51.100.9");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"user\":\"null\"").contains("\"client\":\"null\"");
  }

  @Test
  void aForgedIdentityHeaderIsA401Problem() throws Exception {
    HttpResponse<String> r = get("/api/whoami", AuthHeaders.USER_ID, "1", AuthHeaders.USER_ROLES, "ADMIN");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    assertThat(r.body()).contains("\"code\":\"UNAUTHENTICATED\"").contains("accepted only from the gateway");
  }

  @Test
  void theGatewaysVouchedIdentityAndClientAddressAreWhatTheServiceSees() throws Exception {
    String token = tokens.sign("ticket-gateway", "42", "CUSTOMER", "203.0.113.7");
    HttpResponse<String> r = get("/api/whoami", InternalToken.HEADER, token, AuthHeaders.USER_ID, "42",
        AuthHeaders.USER_ROLES, "CUSTOMER", "X-Forwarded-For", "198.51.100.9");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"user\":\"42\"").contains("\"client\":\"203.0.113.7\"");
    // the same credential for another user's headers is refused
    HttpResponse<String> other = get("/api/whoami", InternalToken.HEADER, token, AuthHeaders.USER_ID, "43",
        AuthHeaders.USER_ROLES, "CUSTOMER");
    assertThat(other.statusCode()).isEqualTo(401);
  }

  @Test
  void internalEndpointsAnswerOnlyACurrentCredential() throws Exception {
    assertThat(get("/internal/ping").statusCode()).isEqualTo(401);
    assertThat(get("/internal/ping", InternalToken.HEADER, tokens.sign("ticket-order-service", null, null, null))
        .body()).isEqualTo("pong");
    InternalToken stale = new InternalToken("q8Vd2-LmN4x-7Rt0p-test",
        Clock.fixed(Instant.now().minusSeconds(120), ZoneOffset.UTC));
    assertThat(get("/internal/ping", InternalToken.HEADER, stale.sign("ticket-order-service", null, null, null))
        .statusCode()).isEqualTo(401);
    // however the path is spelled, it is the handler's path that is guarded
    for (String disguised : List.of("/internal;x/ping", "/%69nternal/ping", "/api/../internal/ping")) {
      HttpResponse<String> r = get(disguised);
      assertThat(r.statusCode()).as(disguised).isIn(400, 401, 404);
      assertThat(r.body()).as(disguised).doesNotContain("pong");
    }
    // the gateway vouches for customers; it never calls internal endpoints
    assertThat(get("/internal/ping", InternalToken.HEADER, tokens.sign("ticket-gateway", null, null, null))
        .statusCode()).isEqualTo(401);
    InternalToken foreign = new InternalToken("not-the-platforms-secret", Clock.systemUTC());
    assertThat(get("/internal/ping", InternalToken.HEADER, foreign.sign("ticket-order-service", null, null, null))
        .statusCode()).isEqualTo(401);
  }

  @Test
  void aBodyDeclaredOverTheLimitIsA413ProblemBeforeAnyHandlerReadsIt() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/echo"))
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1])).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    assertThat(r.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    HttpResponse<String> fine = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/echo"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x".repeat(1000))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(fine.body()).isEqualTo("1000");
  }

  @Test
  void healthStaysOpen() throws Exception {
    assertThat(get("/actuator/health").statusCode()).isNotEqualTo(401);
  }
}
