package com.ticketplatform.gateway.ratelimit;

import com.ticketplatform.gateway.security.ClientAddresses;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Redis token-bucket limits per route (rates in application.yml). The built-in RequestRateLimiter factory is
 * switched off ({@code spring.cloud.gateway.server.webflux.filter.request-rate-limiter.enabled=false}) and replaced by
 * {@link ProblemRateLimiterFilterFactory}, the same filter under the same name that answers a refusal with a
 * problem body and Retry-After instead of an empty 429.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

  /** Spring Cloud Gateway's own token-bucket script. */
  static final String RATE_LIMITER_SCRIPT = "META-INF/scripts/request_rate_limiter.lua";

  /**
   * The bucket is per route and per caller: the user id when a token was verified, else the client address
   * ({@link ClientAddresses}: behind a trusted load balancer, the client it forwarded, not the balancer). The
   * route is part of the key because RedisRateLimiter's own keys do not include it, and a busy catalogue must not
   * use up the same caller's order budget.
   */
  @Bean
  @Primary
  KeyResolver callerKeyResolver(ClientAddresses clients) {
    return exchange -> {
      Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
      String routeId = route == null ? "none" : route.getId();
      return exchange.getPrincipal()
          .filter(Authentication.class::isInstance)
          .map(principal -> routeId + ":user:" + principal.getName())
          .switchIfEmpty(Mono.fromSupplier(() -> {
            String client = clients.of(exchange.getRequest());
            return routeId + ":ip:" + (client == null ? "unknown" : client);
          }));
    };
  }

  /**
   * The stock RedisRateLimiter and its token-bucket script, except that the script's text is read once. The stock
   * script bean is a ResourceScriptSource, which looks up the jar entry's modification time on every request to
   * see whether the script changed: a tenth of the gateway's CPU per routed request, and a file-system call each.
   */
  @Bean
  @SuppressWarnings({"unchecked", "rawtypes"})
  RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis, ConfigurationService configuration)
      throws IOException {
    String text = new ClassPathResource(RATE_LIMITER_SCRIPT).getContentAsString(StandardCharsets.UTF_8);
    RedisScript<List<Long>> script = (RedisScript) RedisScript.of(text, List.class);
    return new RedisRateLimiter(redis, script, configuration);
  }

  @Bean
  ProblemRateLimiterFilterFactory requestRateLimiterGatewayFilterFactory(RateLimiter<?> rateLimiter,
      KeyResolver keyResolver, MeterRegistry meters) {
    return new ProblemRateLimiterFilterFactory(rateLimiter, keyResolver, meters);
  }
}
