package com.ticketplatform.gateway;

import tools.jackson.core.JacksonException;
import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway over real HTTP with real Redis, routing to a real in-test HTTP server that plays the user service
 * (it publishes the JWK Set of a key the test signs tokens with) and echoes what reaches the services. The order
 * route points at a closed port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ticket.internal-auth.enabled=true",
        "ticket.internal-auth.secret=" + GatewayIT.INTERNAL_SECRET,
        // the tests' "load balancers": 127.0.0.2 (the peer they connect from), 10/8 and fd00::/8 (proxies behind it)
        "ticket.gateway.trusted-proxies=127.0.0.2/32, 10.0.0.0/8, fd00::/8"})
class GatewayIT {

  static final String INTERNAL_SECRET = "gateway-it-internal-secret";
  /** The gateway's Redis client name: its own per run, as other runs may share the Redis. */
  static final String REDIS_CLIENT_NAME = "gateway-it-" + UUID.randomUUID().toString().substring(0, 8);
  static final com.ticketplatform.common.security.InternalToken INTERNAL =
      new com.ticketplatform.common.security.InternalToken(INTERNAL_SECRET, java.time.Clock.systemUTC());

  static final ObjectMapper JSON = new ObjectMapper();
  static final RSAKey KEY;
  static final RSAKey FOREIGN_KEY;
  static final HttpServer BACKEND;
  static final int CLOSED_PORT;

  static {
    try {
      KEY = new RSAKeyGenerator(2048).keyID("test-key").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
          .generate();
      FOREIGN_KEY = new RSAKeyGenerator(2048).keyID("test-key").generate();
      BACKEND = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      BACKEND.createContext("/api/users/.well-known/jwks.json", exchange -> {
        byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      BACKEND.createContext("/", exchange -> {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("path", exchange.getRequestURI().getPath());
        echo.put("userId", exchange.getRequestHeaders().getFirst("X-User-Id"));
        echo.put("roles", exchange.getRequestHeaders().getFirst("X-User-Roles"));
        echo.put("forwardedFor", exchange.getRequestHeaders().getFirst("X-Forwarded-For"));
        echo.put("traceparent", exchange.getRequestHeaders().getFirst("traceparent"));
        echo.put("userIdCount", exchange.getRequestHeaders().getOrDefault("X-User-Id", List.of()).size());
        echo.put("vouched", INTERNAL.verify(exchange.getRequestHeaders().getFirst("X-Ticket-Internal"))
            .map(c -> c.caller() + "|" + c.userId() + "|" + c.roles() + "|" + c.client()).orElse("none"));
        byte[] body = JSON.writeValueAsBytes(echo);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      // a service that chose its own caching
      BACKEND.createContext("/api/programs/cached", exchange -> {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "public, max-age=60");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      // a service that takes its time, answering many callers at once (as Tomcat would)
      BACKEND.createContext("/api/programs/slow", exchange -> {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      BACKEND.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(64));
      BACKEND.start();
      try (ServerSocket probe = new ServerSocket(0)) {
        CLOSED_PORT = probe.getLocalPort();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void routes(DynamicPropertyRegistry registry) {
    String backend = "http://127.0.0.1:" + BACKEND.getAddress().getPort();
    String simple = "spring.cloud.discovery.client.simple.instances.";
    registry.add(simple + "ticket-user-service[0].uri", () -> backend);
    registry.add(simple + "ticket-program-service[0].uri", () -> backend);
    registry.add(simple + "ticket-advert-service[0].uri", () -> backend);
    registry.add(simple + "ticket-pay-service[0].uri", () -> backend);
    registry.add(simple + "ticket-order-service[0].uri", () -> "http://127.0.0.1:" + CLOSED_PORT);
    registry.add("ticket.gateway.jwk-set-uri", () -> backend + "/api/users/.well-known/jwks.json");
    registry.add("spring.data.redis.client-name", () -> REDIS_CLIENT_NAME);
    registry.add("ticket.gateway.rate.adverts.replenish", () -> "1");
    registry.add("ticket.gateway.rate.adverts.burst", () -> "2");
    registry.add("ticket.gateway.rate.pay.replenish", () -> "1");
    registry.add("ticket.gateway.rate.pay.burst", () -> "2");
  }

  @AfterAll
  static void stopBackend() {
    BACKEND.stop(0);
  }

  @LocalServerPort
  int port;

  @org.springframework.boot.test.web.server.LocalManagementPort
  int managementPort;

  @Autowired
  StringRedisTemplate redis;

  @Autowired
  MeterRegistry meters;

  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static volatile boolean warmedUp;

  /**
   * The first verified request fetches the JWK Set, opens Redis connections and warms Netty; on a busy CI machine
   * that takes a while, so it is done once here and no test's assertions depend on it.
   */
  @BeforeEach
  void warmUp() throws Exception {
    if (!warmedUp) {
      send("GET", "/api/users/me", validToken(randomUserId(), "CUSTOMER"), Map.of());
      send("POST", "/api/orders", validToken(randomUserId(), "CUSTOMER"), Map.of());
      warmedUp = true;
    }
  }

  static long randomUserId() {
    return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
  }

  static String token(RSAKey key, long userId, List<String> roles, String issuer, Instant expiresAt, String jti)
      throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(Long.toString(userId))
        .claim("roles", roles)
        .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
        .expirationTime(Date.from(expiresAt))
        .jwtID(jti)
        .build();
    SignedJWT jwt = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  static String validToken(long userId, String... roles) throws Exception {
    return token(KEY, userId, List.of(roles), "ticket-platform", Instant.now().plus(Duration.ofMinutes(15)),
        UUID.randomUUID().toString());
  }

  HttpResponse<String> send(String method, String path, String token, Map<String, String> headers) {
    try {
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(60))
          .method(method, method.equals("GET") || method.equals("OPTIONS") ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString("{}"));
      if (!method.equals("GET") && !method.equals("OPTIONS")) {
        builder.header("Content-Type", "application/json");
      }
      if (token != null) {
        builder.header("Authorization", "Bearer " + token);
      }
      headers.forEach(builder::header);
      return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path, String token) {
    return send("GET", path, token, Map.of());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (JacksonException e) {
      throw new IllegalStateException("not JSON: " + response.body(), e);
    }
  }

  static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("code").asText()).isEqualTo(code);
  }

  HttpResponse<String> post(String path, String token, HttpRequest.BodyPublisher body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").POST(body);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertTooLarge(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
  }

  @Test
  void aBodyOverTheLimitIsA413ProblemAndAStreamedOneA411() throws Exception {
    String token = validToken(randomUserId(), "CUSTOMER");
    byte[] twoMegabytes = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(twoMegabytes, (byte) 'x');
    assertTooLarge(post("/api/orders", token, HttpRequest.BodyPublishers.ofByteArray(twoMegabytes)));
    // no Content-Length (chunked): refused before it is routed, and never counted against the service's breaker
    for (int i = 0; i < 15; i++) {
      HttpResponse<String> streamed = post("/api/orders", token, HttpRequest.BodyPublishers.ofInputStream(
          () -> new java.io.ByteArrayInputStream(twoMegabytes)));
      assertThat(streamed.statusCode()).isEqualTo(411);
      assertThat(streamed.body()).contains("\"code\":\"LENGTH_REQUIRED\"");
    }
    // the provider's callback has a tighter limit
    assertTooLarge(post("/pay/callback", null, HttpRequest.BodyPublishers.ofByteArray(new byte[70 * 1024])));
    // a body within the limit goes through
    assertThat(post("/api/users/login", null, HttpRequest.BodyPublishers.ofByteArray(new byte[8 * 1024]))
        .statusCode()).isEqualTo(200);
  }

  @Test
  void anOversizedHeaderIsA431ProblemNotAnEmptyBody() throws Exception {
    String token = validToken(randomUserId(), "CUSTOMER");
    assertProblem(send("POST", "/api/orders", token, Map.of("Idempotency-Key", "k".repeat(10_000))), 431,
        "REQUEST_HEADER_FIELDS_TOO_LARGE");
    // each header within its limit, all of them together over 16 KiB; refused before the token is even looked at
    assertProblem(send("GET", "/api/programs/1", null, Map.of("X-Padding-1", "p".repeat(7_000),
        "X-Padding-2", "p".repeat(7_000), "X-Padding-3", "p".repeat(7_000))), 431, "REQUEST_HEADER_FIELDS_TOO_LARGE");
    // within the limits: routed as usual
    HttpResponse<String> normal = send("GET", "/api/users/me", token, Map.of("Idempotency-Key", "k".repeat(6_000)));
    assertThat(normal.statusCode()).as(normal.body()).isEqualTo(200);
  }

  @Test
  void anOversizedUriIsA414ProblemNotAnEmptyBody() {
    assertProblem(get("/api/programs?q=" + "a".repeat(10_000), null), 414, "URI_TOO_LONG");
    HttpResponse<String> longPath = get("/api/programs/" + "b".repeat(10_000), null);
    assertProblem(longPath, 414, "URI_TOO_LONG");
    assertThat(json(longPath).get("instance").asText()).hasSizeLessThanOrEqualTo(256);
    HttpResponse<String> normal = get("/api/programs?q=" + "a".repeat(4_000), null);
    assertThat(normal.statusCode()).as(normal.body()).isEqualTo(200);
  }

  @Test
  void aBrokenPercentEscapeIsA400ProblemNotAnEmptyBody() throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      java.io.OutputStream out = socket.getOutputStream();
      java.io.InputStream in = socket.getInputStream();
      out.write("GET /api/programs?q=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String refused = readResponse(in);
      assertThat(refused).startsWith("HTTP/1.1 400");
      assertThat(refused.toLowerCase()).contains("content-type: application/problem+json");
      assertThat(refused).contains("\"code\":\"MALFORMED_REQUEST\"");
      // the connection stays usable, as after any other refusal
      out.write("GET /api/programs?q=%41 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
    }
  }

  /** One HTTP/1.1 response with a Content-Length, read off a kept-alive connection. */
  static String readResponse(java.io.InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
        .matcher(head);
    byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readAllBytes();
    return head + new String(body, StandardCharsets.UTF_8);
  }

  @Test
  void theCallersTraceTravelsOnToTheService() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    JsonNode echo = json(send("GET", "/api/programs/42", null,
        Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")));
    // the same trace, with the gateway's own span as the service's parent
    assertThat(echo.get("traceparent").asText()).startsWith("00-" + traceId + "-")
        .doesNotContain("00f067aa0ba902b7");
  }

  @Test
  void aVerifiedTokenReplacesForgedIdentityHeaders() throws Exception {
    long userId = randomUserId();
    HttpResponse<String> response = send("GET", "/api/users/me", validToken(userId, "CUSTOMER"),
        Map.of("X-User-Id", "1", "X-User-Roles", "ADMIN", "X-Forwarded-For", "6.6.6.6"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode echo = json(response);
    assertThat(echo.get("userId").asText()).isEqualTo(Long.toString(userId));
    assertThat(echo.get("userIdCount").asInt()).isEqualTo(1);
    assertThat(echo.get("roles").asText()).isEqualTo("CUSTOMER");
    assertThat(echo.get("forwardedFor").asText()).isEqualTo("127.0.0.1");
    // and vouches for exactly that identity and address with the internal credential the services check
    assertThat(echo.get("vouched").asText()).isEqualTo("ticket-gateway|" + userId + "|CUSTOMER|127.0.0.1");
  }

  /** A request over a socket from 127.0.0.2, the trusted proxy, with the X-Forwarded-For it passes on. */
  Map.Entry<Integer, String> viaProxy(String path, String forwardedFor) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port, java.net.InetAddress.getByName("127.0.0.2"),
        0)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nX-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      String body = response.substring(response.indexOf("\r\n\r\n") + 4);
      return Map.entry(status, body.isEmpty() ? "{}" : body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1));
    }
  }

  static String randomIpv6() {
    return "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)) + "::"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));
  }

  @Test
  void behindATrustedProxyTheClientIsTheAddressItForwarded() throws Exception {
    // right to left: the trusted hops (10.1.2.3, then the peer itself) are skipped; what the client wrote further
    // left (6.6.6.6) is never taken
    Map.Entry<Integer, String> viaV4 = viaProxy("/api/programs/42", "6.6.6.6, 203.0.113.7, 10.1.2.3");
    assertThat(viaV4.getKey()).as(viaV4.getValue()).isEqualTo(200);
    JsonNode echo = JSON.readTree(viaV4.getValue());
    assertThat(echo.get("forwardedFor").asText()).isEqualTo("203.0.113.7");
    assertThat(echo.get("vouched").asText()).isEqualTo("ticket-gateway|||203.0.113.7");

    String v6 = randomIpv6();
    JsonNode viaV6 = JSON.readTree(viaProxy("/api/programs/42", "[" + v6 + "]:51234, fd00::1").getValue());
    assertThat(viaV6.get("forwardedFor").asText()).isEqualTo(java.net.InetAddress.getByName(v6).getHostAddress());

    // something that is not an address stops the walk at the nearest trusted proxy
    assertThat(JSON.readTree(viaProxy("/api/programs/42", "evil.example, 10.9.9.9").getValue())
        .get("forwardedFor").asText()).isEqualTo("10.9.9.9");
  }

  @Test
  void aForgedForwardedForFromAnUntrustedPeerIsIgnored() {
    JsonNode echo = json(send("GET", "/api/programs/42", null, Map.of("X-Forwarded-For", "203.0.113.9")));
    assertThat(echo.get("forwardedFor").asText()).isEqualTo("127.0.0.1");
    assertThat(echo.get("vouched").asText()).isEqualTo("ticket-gateway|||127.0.0.1");
  }

  @Test
  void clientsBehindOneTrustedProxyHaveRateLimitsOfTheirOwn() throws Exception {
    String first = randomIpv6();
    // burst 2, refilled at 1/s: this client drains its bucket
    List<Integer> statuses = new ArrayList<>();
    while (statuses.size() < 30 && !statuses.contains(429)) {
      statuses.add(viaProxy("/api/adverts?placement=home", first + ", 10.0.0.5").getKey());
    }
    assertThat(statuses).contains(429);
    // another client behind the same proxy is not refused with it
    assertThat(viaProxy("/api/adverts?placement=home", randomIpv6() + ", 10.0.0.5").getKey()).isEqualTo(200);
  }

  static String cacheControl(HttpResponse<String> response) {
    return response.headers().firstValue("Cache-Control").orElse("(none)");
  }

  @Test
  void personalAnswersAreNeverStored() throws Exception {
    String token = validToken(randomUserId(), "CUSTOMER");
    // credentials make any answer personal, whatever the path
    HttpResponse<String> me = get("/api/users/me", token);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(cacheControl(me)).isEqualTo("no-store");
    assertThat(cacheControl(get("/api/programs/42", token))).isEqualTo("no-store");
    // personal paths without credentials: tokens handed out, refusals
    HttpResponse<String> login = send("POST", "/api/users/login", null, Map.of());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(cacheControl(login)).isEqualTo("no-store");
    HttpResponse<String> refused = get("/api/orders", null);
    assertProblem(refused, 401, "UNAUTHENTICATED");
    assertThat(cacheControl(refused)).isEqualTo("no-store");
    // a service's own choice stands
    assertThat(cacheControl(get("/api/programs/cached", token))).isEqualTo("public, max-age=60");
    // the public catalogue read anonymously is left to the service
    HttpResponse<String> catalogue = get("/api/programs/42", null);
    assertThat(catalogue.statusCode()).isEqualTo(200);
    assertThat(cacheControl(catalogue)).isEqualTo("(none)");
  }

  @Test
  void metricsAreNotPublicButHealthIs() throws Exception {
    for (String actuator : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/env", "/actuator/info")) {
      assertProblem(get(actuator, null), 401, "UNAUTHENTICATED");
    }
    // not even for an admin: the actuator is not on this port at all
    assertProblem(get("/actuator/prometheus", validToken(randomUserId(), "ADMIN")), 404, "NOT_FOUND");
    // the load balancer's and the start scripts' health answer stays
    for (String health : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
      HttpResponse<String> response = get(health, null);
      assertThat(response.statusCode()).as(health + " " + response.body()).isEqualTo(200);
      assertThat(json(response).get("status").asText()).isEqualTo("UP");
    }
    // Prometheus scrapes the management port
    assertThat(managementPort).isNotEqualTo(port);
    HttpResponse<String> scrape = client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body()).contains("jvm_memory_used_bytes{");
  }

  @Test
  void anonymousCallsOnPublicRoutesReachServicesWithoutIdentity() {
    HttpResponse<String> response = send("GET", "/api/programs/42", null,
        Map.of("X-User-Id", "1", "X-User-Roles", "ADMIN"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode echo = json(response);
    assertThat(echo.get("userId").isNull()).isTrue();
    assertThat(echo.get("roles").isNull()).isTrue();
    assertThat(echo.get("path").asText()).isEqualTo("/api/programs/42");
    assertThat(echo.get("vouched").asText()).isEqualTo("ticket-gateway|||127.0.0.1");

    assertThat(send("POST", "/api/users/login", null, Map.of()).statusCode()).isEqualTo(200);
    assertThat(get("/api/users/.well-known/jwks.json", null).statusCode()).isEqualTo(200);
  }

  @Test
  void protectedRoutesNeedAToken() {
    assertProblem(get("/api/users/me", null), 401, "UNAUTHENTICATED");
    assertProblem(send("POST", "/api/programs/1/comments", null, Map.of()), 401, "UNAUTHENTICATED");
  }

  @Test
  void tamperedTokenIs401() throws Exception {
    String token = validToken(randomUserId(), "CUSTOMER");
    String[] parts = token.split("\\.");
    String forgedClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("{\"iss\":\"ticket-platform\",\"sub\":\"1\",\"roles\":[\"ADMIN\"],\"jti\":\"x\",\"exp\":"
            + Instant.now().plusSeconds(600).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> tampered = get("/api/users/me", parts[0] + "." + forgedClaims + "." + parts[2]);
    assertProblem(tampered, 401, "UNAUTHENTICATED");
    assertThat(tampered.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");

    String otherKey = token(FOREIGN_KEY, randomUserId(), List.of("ADMIN"), "ticket-platform",
        Instant.now().plusSeconds(600), UUID.randomUUID().toString());
    assertProblem(get("/api/users/me", otherKey), 401, "UNAUTHENTICATED");
    assertProblem(get("/api/users/me", "not-a-jwt"), 401, "UNAUTHENTICATED");
  }

  @Test
  void expiredOrForeignIssuerTokenIs401() throws Exception {
    String expired = token(KEY, randomUserId(), List.of("CUSTOMER"), "ticket-platform",
        Instant.now().minus(Duration.ofMinutes(10)), UUID.randomUUID().toString());
    assertProblem(get("/api/users/me", expired), 401, "UNAUTHENTICATED");
    String foreignIssuer = token(KEY, randomUserId(), List.of("CUSTOMER"), "someone-else",
        Instant.now().plusSeconds(600), UUID.randomUUID().toString());
    assertProblem(get("/api/users/me", foreignIssuer), 401, "UNAUTHENTICATED");
  }

  /**
   * A token revoked after it was used is refused: Redis pushes the deny-list change to the gateway, which then asks
   * about that token again (RevocationList). Lifting the revocation is seen the same way.
   */
  @Test
  void revokedTokenIs401() throws Exception {
    String jti = UUID.randomUUID().toString();
    String token = rememberedToken(jti);
    redis.opsForValue().set("auth:revoked-jti:" + jti, "1", Duration.ofMinutes(1));
    assertProblem(within(Duration.ofSeconds(1), () -> get("/api/users/me", token), r -> r.statusCode() == 401),
        401, "UNAUTHENTICATED");
    redis.delete("auth:revoked-jti:" + jti);
    assertThat(within(Duration.ofSeconds(1), () -> get("/api/users/me", token), r -> r.statusCode() == 200)
        .statusCode()).isEqualTo(200);
  }

  /** While Redis tracks the deny-list for the gateway, a token's later requests are answered from memory. */
  @Test
  void aTokensDenyListEntryIsReadFromRedisOnceWhileRedisTracksTheList() throws Exception {
    String token = validToken(randomUserId(), "CUSTOMER");
    // the first request asks Redis; once tracking is on (it starts with the gateway), the answer is remembered
    awaitAnsweredFromMemory(token);
    double redisBefore = revocationChecks("redis");
    double memoryBefore = revocationChecks("memory");
    for (int i = 0; i < 5; i++) {
      assertThat(get("/api/users/me", token).statusCode()).isEqualTo(200);
    }
    assertThat(revocationChecks("redis") - redisBefore).isZero();
    assertThat(revocationChecks("memory") - memoryBefore).isEqualTo(5);
  }

  /**
   * Redis drops the gateway's tracking connection and, in the same transaction, a token the gateway remembers is
   * revoked: the invalidation went nowhere. The drop alone must make the gateway forget what it remembered, so the
   * token is refused, and stays refused once tracking works again on a new connection.
   */
  @Test
  void aDroppedTrackingConnectionNeverLetsARevokedTokenThrough() throws Exception {
    String jti = UUID.randomUUID().toString();
    String token = rememberedToken(jti);

    String trackingClient;
    try (var connection = redis.getRequiredConnectionFactory().getConnection()) {
      trackingClient = trackingConnection(connection).get("id");
    }
    var factory = (org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory)
        redis.getRequiredConnectionFactory();
    io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(
        io.lettuce.core.RedisURI.create(factory.getHostName(), factory.getPort()));
    try (var raw = client.connect()) {
      var commands = raw.sync();
      commands.multi();
      commands.clientKill(io.lettuce.core.KillArgs.Builder.id(Long.parseLong(trackingClient)));
      commands.setex("auth:revoked-jti:" + jti, 60, "1");
      assertThat(commands.exec().wasDiscarded()).isFalse();
    } finally {
      client.shutdown();
    }
    assertProblem(within(Duration.ofSeconds(1), () -> get("/api/users/me", token), r -> r.statusCode() == 401),
        401, "UNAUTHENTICATED");

    // a new connection tracks again: another token is answered from memory, the revoked one is still refused
    awaitAnsweredFromMemory(validToken(randomUserId(), "CUSTOMER"));
    assertProblem(get("/api/users/me", token), 401, "UNAUTHENTICATED");
  }

  /**
   * A flush (FLUSHALL, FLUSHDB, a replica's full resync) tells tracking clients only that everything may have changed:
   * the gateway forgets every token it remembered and asks Redis again. Flushed here: an empty database of its own,
   * which Redis announces to every tracking client all the same.
   */
  @Test
  void aFlushMakesTheGatewayForgetWhatItRemembered() throws Exception {
    String token = rememberedToken(UUID.randomUUID().toString());
    var factory = (org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory)
        redis.getRequiredConnectionFactory();
    io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(
        io.lettuce.core.RedisURI.builder().withHost(factory.getHostName()).withPort(factory.getPort())
            .withDatabase(15).build());
    try (var raw = client.connect()) {
      assertThat(raw.sync().flushdb()).isEqualTo("OK");
    } finally {
      client.shutdown();
    }
    // forgotten: the next check asks Redis (the flush came in on the tracking connection before the answer)
    double redisBefore = revocationChecks("redis");
    within(Duration.ofSeconds(1), () -> {
      get("/api/users/me", token);
      return revocationChecks("redis") - redisBefore;
    }, fromRedis -> fromRedis >= 1);
    assertThat(get("/api/users/me", token).statusCode()).isEqualTo(200);
  }

  /** The gateway's tracking connection, named after its Redis client name. */
  private static org.springframework.data.redis.core.types.RedisClientInfo trackingConnection(
      org.springframework.data.redis.connection.RedisConnection connection) {
    List<org.springframework.data.redis.core.types.RedisClientInfo> tracking =
        connection.serverCommands().getClientList().stream()
            .filter(c -> (REDIS_CLIENT_NAME + "-revocations").equals(c.getName())).toList();
    assertThat(tracking).as("the gateway's tracking connection").hasSize(1);
    return tracking.get(0);
  }

  /** A customer's token with this jti, used until the gateway answers its deny-list check from memory. */
  private String rememberedToken(String jti) throws Exception {
    String token = token(KEY, randomUserId(), List.of("CUSTOMER"), "ticket-platform",
        Instant.now().plusSeconds(600), jti);
    awaitAnsweredFromMemory(token);
    return token;
  }

  /** Asks with the token until its deny-list check is answered from memory (tracking is proven, it is remembered). */
  private void awaitAnsweredFromMemory(String token) throws Exception {
    within(Duration.ofSeconds(10), () -> {
      double before = revocationChecks("memory");
      get("/api/users/me", token);
      return revocationChecks("memory") - before;
    }, fromMemory -> fromMemory == 1);
  }

  private double revocationChecks(String source) {
    var counter = meters.find("ticket.gateway.revocation.checks").tag("source", source).counter();
    return counter == null ? 0 : counter.count();
  }

  /** The first answer that passes {@code done}, asking again every 50 ms until {@code limit}; the last one if none. */
  static <T> T within(Duration limit, java.util.concurrent.Callable<T> ask, java.util.function.Predicate<T> done)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    T answer = ask.call();
    while (!done.test(answer) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      answer = ask.call();
    }
    assertThat(done.test(answer)).as("within %s: %s", limit, answer).isTrue();
    return answer;
  }

  @Test
  void adminRoutesNeedTheAdminRole() throws Exception {
    assertProblem(get("/api/admin/users", validToken(randomUserId(), "CUSTOMER")), 403, "FORBIDDEN");
    HttpResponse<String> admin = get("/api/admin/users", validToken(randomUserId(), "ADMIN", "CUSTOMER"));
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(json(admin).get("roles").asText()).isEqualTo("ADMIN,CUSTOMER");
  }

  /**
   * The admin console's dead letters, reconciliation runs and unconfirmed refunds reach the services that keep them
   * (each service's parked outbox under its own admin prefix), for admins only.
   */
  @Test
  void theDeadLettersAndReconciliationRunsReachTheirServices() throws Exception {
    for (String path : List.of("/api/admin/payments/outbox/parked", "/api/admin/payments/outbox/parked/1/retry",
        "/api/admin/payments/reconciliations", "/api/admin/payments/refunds/unconfirmed",
        "/api/admin/payments/refunds/1/retry", "/api/admin/programs/outbox/parked",
        "/api/admin/programs/outbox/parked/1/retry")) {
      // an admin of their own for each call: the pay route's bucket holds two calls here
      String admin = validToken(randomUserId(), "ADMIN");
      HttpResponse<String> response = path.endsWith("/retry") ? send("POST", path, admin, Map.of()) : get(path, admin);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(json(response).get("path").asText()).isEqualTo(path);
    }
    // the order service is down in this test: its route carries the path, so the breaker answers, not a 404
    assertProblem(get("/api/admin/orders/outbox/parked", validToken(randomUserId(), "ADMIN")), 503,
        "SERVICE_UNAVAILABLE");
    assertProblem(get("/api/admin/payments/outbox/parked", validToken(randomUserId(), "CUSTOMER")), 403,
        "FORBIDDEN");
  }

  @Test
  void exceedingTheRateLimitIs429ProblemWithRetryAfter() throws Exception {
    String token = validToken(randomUserId(), "CUSTOMER");
    double refusedBefore = meters.get("ticket.gateway.rate.limited").tag("route", "adverts").counter().count();
    // burst 2, refilled at 1/s: faster than one call a second drains it. Calls until the first 429, not a fixed
    // count: on a loaded machine a handful of calls can take long enough to be refilled in time.
    List<HttpResponse<String>> responses = new ArrayList<>();
    while (responses.size() < 30 && responses.stream().noneMatch(r -> r.statusCode() == 429)) {
      responses.add(get("/api/adverts?placement=home", token));
    }
    // every 429 is counted for the route that refused it
    assertThat(meters.get("ticket.gateway.rate.limited").tag("route", "adverts").counter().count() - refusedBefore)
        .isEqualTo(responses.stream().filter(r -> r.statusCode() == 429).count());
    HttpResponse<String> limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst()
        .orElseThrow(() -> new AssertionError("no 429 in " + responses.stream().map(HttpResponse::statusCode)
            .toList()));
    assertProblem(limited, 429, "RATE_LIMITED");
    assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    assertThat(responses.get(0).statusCode()).isEqualTo(200);

    // another caller has a bucket of its own
    assertThat(get("/api/adverts?placement=home", validToken(randomUserId(), "CUSTOMER")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theProvidersCallbacksAreNeverThrottledLikeACustomer() throws Exception {
    // one source address, far more calls than the pay route's bucket (burst 2, 1/s) allows: all reach the service
    List<Integer> callbacks = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      callbacks.add(send("POST", "/pay/callback", null, Map.of()).statusCode());
    }
    assertThat(callbacks).as("callbacks from one address").containsOnly(200);

    // the customer-facing pay routes keep their per-caller limit
    String token = validToken(randomUserId(), "CUSTOMER");
    List<Integer> payments = new ArrayList<>();
    while (payments.size() < 30 && !payments.contains(429)) {
      payments.add(send("POST", "/api/payments/x", token, Map.of()).statusCode());
    }
    assertThat(payments).contains(429);
  }

  @Test
  void manyCallersAtOnceAreAllRoutedNotTurnedAwayByTheBreaker() throws Exception {
    // more callers at once than the bulkhead Spring Cloud CircuitBreaker would put around a route (25)
    int callers = 40;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        calls.add(pool.submit(() -> {
          go.await();
          return get("/api/programs/slow", null).statusCode();
        }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (java.util.concurrent.Future<Integer> call : calls) {
        statuses.add(call.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(statuses).containsOnly(200);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aServiceThatIsDownIs503ProblemQuickly() throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response = send("POST", "/api/orders", validToken(randomUserId(), "CUSTOMER"),
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertProblem(response, 503, "SERVICE_UNAVAILABLE");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(took).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void gatewayErrorsAreProblems() throws Exception {
    String token = validToken(randomUserId(), "CUSTOMER");
    assertProblem(get("/api/no-such-thing", token), 404, "NOT_FOUND");
  }

  @Test
  void corsPreflightFromAnAllowedOrigin() {
    HttpResponse<String> allowed = send("OPTIONS", "/api/orders", null, Map.of(
        "Origin", "http://localhost:5173", "Access-Control-Request-Method", "POST",
        "Access-Control-Request-Headers", "authorization,content-type,idempotency-key"));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:5173");

    HttpResponse<String> denied = send("OPTIONS", "/api/orders", null, Map.of(
        "Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
