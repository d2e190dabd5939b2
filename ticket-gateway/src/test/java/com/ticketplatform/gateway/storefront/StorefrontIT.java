package com.ticketplatform.gateway.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway serving the storefront over real HTTP from a web root on disk laid out as Vite builds it: hashed
 * bundles cached for good, index.html revalidated, client-side routes answered with index.html, and the API,
 * its documents and the actuator never shadowed by the app.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.data.redis.client-name=gateway-storefront-it")
class StorefrontIT {

  static final String INDEX = "<!doctype html><html><body><div id=\"app\">storefront-index</div></body></html>";
  static final Path ROOT;
  static final int CLOSED_PORT;

  static {
    try {
      ROOT = Files.createTempDirectory("ticket-web-dist");
      Files.writeString(ROOT.resolve("index.html"), INDEX);
      Files.writeString(ROOT.resolve("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
      Files.createDirectories(ROOT.resolve("assets"));
      Files.writeString(ROOT.resolve("assets/index-B1a2c3d4.js"), "console.log('storefront')");
      Files.writeString(ROOT.resolve("assets/index-C5e6f7a8.css"), "body{margin:0}");
      // a file next to the web root that must never be reachable through it
      Files.writeString(ROOT.getParent().resolve("secret-" + ROOT.getFileName() + ".txt"), "secret");
      try (ServerSocket probe = new ServerSocket(0)) {
        CLOSED_PORT = probe.getLocalPort();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void webRoot(DynamicPropertyRegistry registry) {
    registry.add("ticket.gateway.web-root", () -> ROOT.toUri().toString());
    String closed = "http://127.0.0.1:" + CLOSED_PORT;
    registry.add("ticket.gateway.jwk-set-uri", () -> closed + "/api/users/.well-known/jwks.json");
    String simple = "spring.cloud.discovery.client.simple.instances.";
    for (String service : new String[] {"ticket-user-service", "ticket-program-service", "ticket-order-service",
        "ticket-pay-service", "ticket-advert-service", "ticket-comment-service", "ticket-notify-service"}) {
      registry.add(simple + service + "[0].uri", () -> closed);
    }
  }

  @LocalServerPort
  int port;

  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HttpResponse<String> get(String path, String accept) {
    return send("GET", path, accept);
  }

  HttpResponse<String> send(String method, String path, String accept) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(30))
          .method(method, HttpRequest.BodyPublishers.noBody());
      if (accept != null) {
        request.header("Accept", accept);
      }
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @Test
  void theHomePageIsIndexHtmlRevalidatedOnEveryLoad() {
    HttpResponse<String> home = get("/", BROWSER);

    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).isEqualTo(INDEX);
    assertThat(home.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(home.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
  }

  @Test
  void aClientSideRouteThatAsksForHtmlGetsIndexHtml() {
    for (String route : new String[] {"/programs/7263104932859904001", "/showtimes/1/seats", "/orders/42/paid?x=1",
        "/search"}) {
      HttpResponse<String> page = get(route, BROWSER);
      assertThat(page.statusCode()).as(route).isEqualTo(200);
      assertThat(page.body()).as(route).isEqualTo(INDEX);
      assertThat(page.headers().firstValue("Cache-Control")).as(route).hasValue("no-cache");
    }
  }

  @Test
  void hashedBundlesAreImmutableForAYear() {
    HttpResponse<String> script = get("/assets/index-B1a2c3d4.js", "*/*");

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).isEqualTo("console.log('storefront')");
    assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    assertThat(script.headers().firstValue("Cache-Control").orElse(""))
        .contains("max-age=31536000").contains("immutable").contains("public");

    HttpResponse<String> style = get("/assets/index-C5e6f7a8.css", "text/css,*/*;q=0.1");
    assertThat(style.statusCode()).isEqualTo(200);
    assertThat(style.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
  }

  @Test
  void topLevelFilesAreServedAndRevalidated() {
    HttpResponse<String> icon = get("/favicon.svg", "image/avif,image/webp,*/*");

    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    assertThat(icon.headers().firstValue("Cache-Control")).hasValue("no-cache");
  }

  @Test
  void aMissingBundleOrANonHtmlRequestIsA404NotTheApp() {
    HttpResponse<String> missing = get("/assets/index-00000000.js", "*/*");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).doesNotContain("storefront-index");

    HttpResponse<String> json = get("/programs/1", "application/json");
    assertThat(json.statusCode()).isEqualTo(404);
    assertThat(json.body()).doesNotContain("storefront-index");
  }

  @Test
  void nothingOutsideTheWebRootIsReachable() {
    String secret = "secret-" + ROOT.getFileName() + ".txt";
    for (String path : new String[] {"/../" + secret, "/assets/../../" + secret, "/%2e%2e/" + secret,
        "/assets/%2e%2e/%2e%2e/" + secret, "/assets/..%2f..%2f" + secret}) {
      HttpResponse<String> answer = get(path, "*/*");
      assertThat(answer.body()).as(path).doesNotContain("secret");
    }
  }

  @Test
  void theApiAndTheGatewaysOwnPagesAreNeverShadowedByTheApp() {
    // a personal API call from a browser tab is still the API's: 401 problem, not the app
    HttpResponse<String> orders = get("/api/orders", BROWSER);
    assertThat(orders.statusCode()).isEqualTo(401);
    assertThat(orders.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

    for (String path : new String[] {"/api/nothing-here", "/actuator/metrics", "/pay/anything", "/sandbox/pay/1",
        "/v3/api-docs/nothing", "/swagger-ui.html"}) {
      HttpResponse<String> answer = get(path, BROWSER);
      assertThat(answer.body()).as(path).doesNotContain("storefront-index");
    }
  }

  @Test
  void onlyReadsAreServed() {
    HttpResponse<String> post = send("POST", "/programs/1", BROWSER);
    assertThat(post.statusCode()).isEqualTo(401);
    assertThat(post.body()).doesNotContain("storefront-index");

    HttpResponse<String> head = send("HEAD", "/assets/index-B1a2c3d4.js", "*/*");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }
}
