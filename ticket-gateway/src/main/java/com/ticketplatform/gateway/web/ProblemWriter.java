package com.ticketplatform.gateway.web;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.common.error.Problems;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes an RFC 9457 problem straight to a reactive response, for the places that answer before any controller
 * runs (security, rate limiting, routing errors). Same shape as the services' problems: type, title, status,
 * detail, instance and a stable {@code code}.
 */
public final class ProblemWriter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemWriter() {}

  public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String detail) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    ProblemDetail problem = Problems.of(status, code, detail);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    String instance = exchange.getRequest().getPath().value();
    body.put("instance", instance.length() > 256 ? instance.substring(0, 256) : instance);
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JacksonException e) {
      bytes = ("{\"status\":" + status.value() + "}").getBytes(StandardCharsets.UTF_8);
    }
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().setContentLength(bytes.length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
  }
}
