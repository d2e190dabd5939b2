package com.ticketplatform.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
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

  private static final PathPatterns PERSONAL = PathPatterns.of(
      "/api/users/**", "/api/orders", "/api/orders/**", "/api/payments/**", "/pay/**", "/api/admin/**",
      "/api/notifications", "/api/notifications/**");

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
    return PERSONAL.matchAny(request.getPath().pathWithinApplication());
  }
}
