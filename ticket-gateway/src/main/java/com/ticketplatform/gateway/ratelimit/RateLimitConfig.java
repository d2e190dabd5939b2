package com.ticketplatform.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Redis token-bucket limits per route (rates in application.yml). The built-in RequestRateLimiter factory is
 * switched off ({@code spring.cloud.gateway.filter.request-rate-limiter.enabled=false}) and replaced by
 * {@link ProblemRateLimiterFilterFactory}, the same filter under the same name that answers a refusal with a
 * problem body and Retry-After instead of an empty 429.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

  /**
   * The bucket is per route and per caller: the user id when a token was verified, else the client address. The
   * route is part of the key because RedisRateLimiter's own keys do not include it, and a busy catalogue must not
   * use up the same caller's order budget.
   */
  @Bean
  @Primary
  KeyResolver callerKeyResolver() {
    return exchange -> {
      Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
      String routeId = route == null ? "none" : route.getId();
      return exchange.getPrincipal()
          .filter(Authentication.class::isInstance)
          .map(principal -> routeId + ":user:" + principal.getName())
          .switchIfEmpty(Mono.fromSupplier(() -> {
            InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
            return routeId + ":ip:" + (remote == null ? "unknown" : remote.getAddress().getHostAddress());
          }));
    };
  }

  @Bean
  ProblemRateLimiterFilterFactory requestRateLimiterGatewayFilterFactory(RateLimiter<?> rateLimiter,
      KeyResolver keyResolver, MeterRegistry meters) {
    return new ProblemRateLimiterFilterFactory(rateLimiter, keyResolver, meters);
  }
}
