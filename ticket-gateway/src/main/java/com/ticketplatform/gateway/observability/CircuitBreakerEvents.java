package com.ticketplatform.gateway.observability;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Says why a route's breaker opened: every state change at WARN, and each failure it counted (the exception the
 * routed call ended with) at INFO. Without it an open breaker shows only as 503s in the access log.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerEvents {

  private static final Logger log = LoggerFactory.getLogger(CircuitBreakerEvents.class);

  @Bean
  Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerEventLogging() {
    return factory -> factory.getCircuitBreakerRegistry().getEventPublisher()
        .onEntryAdded(added -> watch(added.getAddedEntry()));
  }

  private static void watch(CircuitBreaker breaker) {
    breaker.getEventPublisher()
        .onStateTransition(e -> log.warn("circuit breaker {}: {}", breaker.getName(), e.getStateTransition()))
        .onError(e -> log.info("circuit breaker {} counted a failure after {} ms: {}", breaker.getName(),
            e.getElapsedDuration().toMillis(), e.getThrowable().toString()));
  }
}
