package com.ticketplatform.gateway.web;

import com.ticketplatform.common.error.ErrorCodes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * No request body larger than the platform reads (docs/ARCHITECTURE.md §9): 1 MiB by default, 64 KiB for the
 * provider's {@code /pay/callback}, refused with 413 as a problem before anything is routed. A body must declare its
 * length: a streamed (chunked) one is 411 Length Required. Counting a stream on its way through would fail inside the
 * routed call, where the route's circuit breaker turns the refusal into a 503 and counts it against the service.
 */
@Component
class BodySizeLimitFilter implements GlobalFilter, Ordered {

  static final String CALLBACK = "/pay/callback";

  private final long limit;
  private final long callbackLimit;

  BodySizeLimitFilter(@Value("${ticket.gateway.max-body-size:1MB}") DataSize limit,
      @Value("${ticket.gateway.max-callback-body-size:64KB}") DataSize callbackLimit) {
    this.limit = limit.toBytes();
    this.callbackLimit = callbackLimit.toBytes();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long max = request.getPath().value().equals(CALLBACK) ? callbackLimit : limit;
    long declared = request.getHeaders().getContentLength();
    if (declared > max) {
      return ProblemWriter.write(exchange, HttpStatus.CONTENT_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
          "the request body is larger than " + max + " bytes");
    }
    if (declared < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
      return ProblemWriter.write(exchange, HttpStatus.LENGTH_REQUIRED, ErrorCodes.LENGTH_REQUIRED,
          "send the request body with its Content-Length");
    }
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
