package com.ticketplatform.gateway.ratelimit;

import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.gateway.web.ProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RequestRateLimiterGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The stock RequestRateLimiter (same name, same config, same Redis script), except that the empty 429 it completes
 * a refused request with becomes a {@code RATE_LIMITED} problem with Retry-After. The stock logic runs unchanged;
 * only the response it would complete empty is intercepted. Each refusal counts in
 * {@code ticket_gateway_rate_limited_total{route}}.
 */
public class ProblemRateLimiterFilterFactory extends RequestRateLimiterGatewayFilterFactory {

  private final MeterRegistry meters;

  public ProblemRateLimiterFilterFactory(RateLimiter<?> defaultRateLimiter, KeyResolver defaultKeyResolver,
      MeterRegistry meters) {
    super(defaultRateLimiter, defaultKeyResolver);
    this.meters = meters;
  }

  private Counter refusals(String routeId) {
    return Counter.builder("ticket.gateway.rate.limited")
        .description("requests refused by the gateway's rate limiter (429)")
        .tag("route", routeId == null ? "none" : routeId)
        .register(meters);
  }

  @Override
  public String name() {
    return "RequestRateLimiter";
  }

  @Override
  public GatewayFilter apply(Config config) {
    GatewayFilter stock = super.apply(config);
    // registered with the route, so every limited route exports its series (at 0) before the first refusal
    Counter refused = refusals(config.getRouteId());
    return (exchange, chain) -> stock.filter(
        exchange.mutate().response(new ProblemOnRefusal(exchange, refused)).build(), chain);
  }

  /** Seconds until the bucket holds the tokens one request needs again (at least 1). */
  static long retryAfterSeconds(HttpHeaders headers) {
    long replenish = parse(headers.getFirst(RedisRateLimiter.REPLENISH_RATE_HEADER), 1);
    long requested = parse(headers.getFirst(RedisRateLimiter.REQUESTED_TOKENS_HEADER), 1);
    return Math.max(1, (requested + replenish - 1) / Math.max(1, replenish));
  }

  private static long parse(String value, long fallback) {
    try {
      return value == null ? fallback : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static final class ProblemOnRefusal extends ServerHttpResponseDecorator {

    private final ServerWebExchange original;
    private final Counter refused;

    ProblemOnRefusal(ServerWebExchange original, Counter refused) {
      super(original.getResponse());
      this.original = original;
      this.refused = refused;
    }

    @Override
    public Mono<Void> setComplete() {
      ServerHttpResponse response = getDelegate();
      if (HttpStatus.TOO_MANY_REQUESTS.equals(response.getStatusCode()) && !response.isCommitted()) {
        refused.increment();
        response.getHeaders().set(HttpHeaders.RETRY_AFTER,
            Long.toString(retryAfterSeconds(response.getHeaders())));
        return ProblemWriter.write(original, HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.RATE_LIMITED,
            "too many requests, slow down");
      }
      return super.setComplete();
    }
  }
}
