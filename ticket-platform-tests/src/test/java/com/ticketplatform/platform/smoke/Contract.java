package com.ticketplatform.platform.smoke;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The API contract (docs/ARCHITECTURE.md §6): every exchange the smoke tests have with the gateway is checked against
 * the public document the gateway serves ({@code /v3/api-docs/public}) by Atlassian's swagger-request-validator.
 * Every response must match what the document says of its operation and status; every request the platform accepted
 * (2xx) must match it too. A refused request may be wrong on purpose (a test of the refusal), so only its answer is
 * held to the document. Any mismatch fails the test that made the call.
 */
final class Contract {

  private static volatile OpenApiInteractionValidator validator;

  private Contract() {}

  /** Sends through the gateway and checks the exchange; {@code body} is what the request carries (or null). */
  static HttpResponse<String> send(HttpRequest request, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = PurchaseSteps.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    check(request, body, response);
    return response;
  }

  static void check(HttpRequest request, String body, HttpResponse<String> response) {
    ValidationReport report = validator().validate(toRequest(request, body), toResponse(response));
    boolean accepted = response.statusCode() < 400;
    List<String> mismatches = report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .filter(m -> accepted || !m.getKey().startsWith("validation.request"))
        .map(m -> m.getKey() + ": " + m.getMessage())
        .collect(Collectors.toList());
    if (!mismatches.isEmpty()) {
      throw new AssertionError(request.method() + " " + request.uri().getRawPath() + " answered "
          + response.statusCode() + ", which does not match the public API document:\n  "
          + String.join("\n  ", mismatches) + "\nbody: " + abbreviate(response.body()));
    }
  }

  private static OpenApiInteractionValidator validator() {
    if (validator == null) {
      synchronized (Contract.class) {
        if (validator == null) {
          validator = OpenApiInteractionValidator
              .createForInlineApiSpecification(publicDocument())
              .build();
        }
      }
    }
    return validator;
  }

  /** The live document, or the file {@code ticket.contract.document} names (to try one out before serving it). */
  static String publicDocument() {
    String file = System.getProperty("ticket.contract.document");
    try {
      if (file != null && !file.isBlank()) {
        return java.nio.file.Files.readString(java.nio.file.Path.of(file));
      }
      HttpResponse<String> document = PurchaseSteps.HTTP.send(HttpRequest.newBuilder(
          URI.create(LocalPlatform.gatewayUrl() + "/v3/api-docs/public")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (document.statusCode() != 200) {
        throw new AssertionError("the gateway serves no public API document: " + document.statusCode() + " "
            + document.body());
      }
      return document.body();
    } catch (IOException e) {
      throw new AssertionError("the public API document is unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Request toRequest(HttpRequest request, String body) {
    URI uri = request.uri();
    SimpleRequest.Builder built = new SimpleRequest.Builder(request.method().toUpperCase(Locale.ROOT),
        uri.getRawPath());
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        built.withQueryParam(name, value);
      }
    }
    request.headers().map().forEach(built::withHeader);
    if (body != null) {
      built.withBody(body);
    }
    return built.build();
  }

  private static com.atlassian.oai.validator.model.Response toResponse(HttpResponse<String> response) {
    SimpleResponse.Builder built = SimpleResponse.Builder.status(response.statusCode());
    response.headers().map().forEach(built::withHeader);
    if (response.body() != null && !response.body().isEmpty()) {
      built.withBody(response.body());
    }
    return built.build();
  }

  private static String abbreviate(String body) {
    return body == null || body.length() <= 600 ? String.valueOf(body) : body.substring(0, 600) + "…";
  }
}
