package com.ticketplatform.gateway.web;

import com.ticketplatform.common.error.ErrorCodes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Answers a request whose target {@link MalformedUriGuard} found broken: a 400 problem, before anything else runs. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedUriFilter implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (MalformedUriGuard.MALFORMED_PATH.equals(exchange.getRequest().getPath().value())) {
      return ProblemWriter.write(exchange, HttpStatus.BAD_REQUEST, ErrorCodes.MALFORMED_REQUEST,
          "the request target is not a valid URI (check its percent-escapes)");
    }
    return chain.filter(exchange);
  }
}
