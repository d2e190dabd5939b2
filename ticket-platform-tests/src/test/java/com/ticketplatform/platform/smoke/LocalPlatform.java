package com.ticketplatform.platform.smoke;

import com.ticketplatform.platform.Ports;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The running local platform as the smoke tests see it: addresses (overridable by system property or environment,
 * so the same tests can aim at another host), an HTTP client, and the {@code ./ticket} command of the repository.
 */
final class LocalPlatform {

  /** Every Spring Boot application of the platform and its port (docs/ARCHITECTURE.md §1). */
  record App(String name, int port) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Every Spring Boot application of the platform, from deploy/ports (the table ./ticket starts them on). */
  static final List<App> APPS = Ports.applications(repoRoot()).entrySet().stream()
      .map(app -> new App(app.getKey(), app.getValue())).toList();

  static final ObjectMapper JSON = new ObjectMapper();

  static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(3))
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  private LocalPlatform() {
  }

  static String setting(String property, String env, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? fallback : value;
  }

  static String gatewayUrl() {
    return setting("ticket.gateway.url", "TICKET_GATEWAY_URL", "http://127.0.0.1:8080");
  }

  static String host() {
    return setting("ticket.host", "TICKET_HOST", "127.0.0.1");
  }

  static String appUrl(App app) {
    return "http://" + host() + ":" + app.port();
  }

  /** Where an application's metrics are scraped: the gateway's are on its management port, never the public one. */
  static String metricsUrl(App app) {
    return app.name().equals("ticket-gateway") ? "http://" + host() + ":9080" : appUrl(app);
  }

  static String kafkaBootstrap() {
    return setting("ticket.kafka.bootstrap", "KAFKA_BOOTSTRAP", host() + ":9092");
  }

  /** The repository root, where {@code ./ticket} lives; Maven runs the tests in the module folder. */
  static Path repoRoot() {
    Path root = Path.of(setting("ticket.root", "TICKET_ROOT", "..")).toAbsolutePath().normalize();
    if (!Files.isExecutable(root.resolve("ticket"))) {
      throw new IllegalStateException("no executable ./ticket in " + root + " (set -Dticket.root=<repo>)");
    }
    return root;
  }

  static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return get(url, Duration.ofSeconds(10));
  }

  static HttpResponse<String> get(String url, Duration timeout) throws IOException, InterruptedException {
    return get(url, timeout, "application/json, application/problem+json");
  }

  static HttpResponse<String> get(String url, Duration timeout, String accept) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        .header("Accept", accept).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  static boolean isHealthy(App app) {
    try {
      HttpResponse<String> response = get(appUrl(app) + "/actuator/health", Duration.ofSeconds(3));
      return response.statusCode() == 200 && "UP".equals(json(response).path("status").asText());
    } catch (IOException | JacksonException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static boolean portAnswers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host(), port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void awaitHealthy(App app, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!isHealthy(app)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(app + " not healthy within " + timeout);
      }
      Thread.sleep(1000);
    }
  }

  /** Runs {@code ./ticket <args>} from the repository root; returns its exit code, its output goes to ours. */
  static int ticket(Duration timeout, String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "./ticket";
    System.arraycopy(args, 0, command, 1, args.length);
    Process process = new ProcessBuilder(command)
        .directory(repoRoot().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("./ticket " + String.join(" ", args) + " did not finish within " + timeout);
    }
    return process.exitValue();
  }
}
