package com.ticketplatform.bench.platform;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** java.net.http with JSON bodies; every response is returned, whatever its status (the caller classifies it). */
public final class Http {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final Duration timeout;

  public Http(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(3)).build();
  }

  public record Resp(int status, String body, Map<String, java.util.List<String>> headers) {
    public JsonNode json() {
      if (body == null || body.isBlank()) {
        return MissingNode.getInstance();
      }
      try {
        return JSON.readTree(body);
      } catch (JacksonException e) {
        return MissingNode.getInstance();
      }
    }

    /** The outcome label: the status, plus the problem's stable code when there is one ("409", "503:..."). */
    public String label() {
      if (status == 409 || status < 300) {
        return Integer.toString(status);
      }
      String code = json().path("code").asText("");
      return code.isEmpty() ? Integer.toString(status) : status + ":" + code;
    }
  }

  public HttpRequest request(String method, String url, Map<String, String> headers, Object body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    headers.forEach(b::header);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
    }
    return b.build();
  }

  public Resp send(String method, String url, Map<String, String> headers, Object body)
      throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(request(method, url, headers, body), HttpResponse.BodyHandlers.ofString());
    return new Resp(r.statusCode(), r.body(), r.headers().map());
  }

  public CompletableFuture<Resp> sendAsync(String method, String url, Map<String, String> headers, Object body) {
    return client.sendAsync(request(method, url, headers, body), HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Resp(r.statusCode(), r.body(), r.headers().map()));
  }

  public static String write(Object body) {
    return JSON.writeValueAsString(body);
  }
}
