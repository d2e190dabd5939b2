package com.ticketplatform.gateway.observability;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Security observes each of its filters, the authentication and the authorization of every request: with
 * tracing on, a dozen spans per request that the request's own server span already times, and a large share of the
 * gateway's observation work on a routed request. The request and its downstream calls stay observed and traced.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfig {

  static final ObservationPredicate NO_SECURITY_FILTER_OBSERVATIONS =
      (name, context) -> !name.startsWith("spring.security.");

  @Bean
  ObservationRegistryCustomizer<ObservationRegistry> noSpringSecurityObservations() {
    return registry -> registry.observationConfig().observationPredicate(NO_SECURITY_FILTER_OBSERVATIONS);
  }
}
