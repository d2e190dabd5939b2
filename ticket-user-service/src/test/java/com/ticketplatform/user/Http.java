package com.ticketplatform.user;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tiny real-HTTP client for ITs (the JDK client reads 4xx bodies as they are). */
public final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public Http(String base) {
    this.base = base;
  }

  public Call get(String path) {
    return new Call("GET", path, null);
  }

  public Call post(String path, Object body) {
    return new Call("POST", path, body);
  }

  public Call delete(String path) {
    return new Call("DELETE", path, null);
  }

  public final class Call {
    private final String method;
    private final String path;
    private final Object body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Call(String method, String path, Object body) {
      this.method = method;
      this.path = path;
      this.body = body;
    }

    public Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Reply send() {
      try {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        if (body != null) {
          builder.header("Content-Type", "application/json");
          builder.method(method, HttpRequest.BodyPublishers.ofString(
              body instanceof String s ? s : JSON.writeValueAsString(body)));
        } else {
          builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public record Reply(HttpResponse<String> response) {
    public int status() {
      return response.statusCode();
    }

    public JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (JacksonException e) {
        throw new IllegalStateException("not JSON: " + response.body(), e);
      }
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public String body() {
      return response.body();
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
