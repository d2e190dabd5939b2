package com.ticketplatform.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Personal answers are never kept by a browser or a shared cache (docs/ARCHITECTURE.md §9): a response to a request
 * that carried credentials, or from a personal path (orders, payments, the user's profile and holders, tokens),
 * gets {@code Cache-Control: no-store} unless the service chose a Cache-Control itself. Set once here, for every
 * answer: routed, refused by security or by a limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NoStoreFilter implements WebFilter {

  static final String NO_STORE = "no-store";

  private static final PathPattern[] PERSONAL = parse(
      "/api/users/**", "/api/orders", "/api/orders/**", "/api/payments/**", "/pay/**", "/api/admin/**");

  private static PathPattern[] parse(String... patterns) {
    PathPatternParser parser = PathPatternParser.defaultInstance;
    PathPattern[] parsed = new PathPattern[patterns.length];
    for (int i = 0; i < patterns.length; i++) {
      parsed[i] = parser.parse(patterns[i]);
    }
    return parsed;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (isPersonal(exchange.getRequest())) {
      exchange.getResponse().beforeCommit(() -> {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
          headers.setCacheControl(NO_STORE);
        }
        return Mono.empty();
      });
    }
    return chain.filter(exchange);
  }

  private static boolean isPersonal(ServerHttpRequest request) {
    if (request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
      return true;
    }
    PathContainer path = request.getPath().pathWithinApplication();
    for (PathPattern pattern : PERSONAL) {
      if (pattern.matches(path)) {
        return true;
      }
    }
    return false;
  }
}
