package com.ticketplatform.gateway.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One line per routed request at the edge (method, path, route status, time), written inside the request's server
 * observation ({@link Traced}) so the line carries the trace id the services log for the same request.
 */
@Component
public class AccessLogFilter implements GlobalFilter, Ordered {

  private static final Logger log = LoggerFactory.getLogger("ticket.access");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return Mono.deferContextual(context -> {
      long started = System.nanoTime();
      return chain.filter(exchange).doFinally(signal -> Traced.run(context,
          () -> log.info("{} {} -> {} in {} ms", exchange.getRequest().getMethod(),
              exchange.getRequest().getPath().value(), exchange.getResponse().getStatusCode(),
              (System.nanoTime() - started) / 1_000_000)));
    });
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
