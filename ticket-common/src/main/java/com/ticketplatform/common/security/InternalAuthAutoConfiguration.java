package com.ticketplatform.common.security;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The internal credential (docs/ARCHITECTURE.md §9): the token every process signs its calls with, and in the servlet
 * services the filter that checks it first. {@code ticket.internal-auth.secret} is required (SecretsGuard checks it
 * outside the local profile); {@code ticket.internal-auth.enabled=false} is for a module's own tests only.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "ticket.internal-auth.enabled", havingValue = "true", matchIfMissing = true)
public class InternalAuthAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  InternalToken internalToken(@Value("${ticket.internal-auth.secret:}") String secret) {
    return new InternalToken(secret, Clock.systemUTC());
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  static class Servlet {
    @Bean
    FilterRegistrationBean<InternalAuthFilter> internalAuthFilter(InternalToken tokens) {
      FilterRegistrationBean<InternalAuthFilter> registration = new FilterRegistrationBean<>(
          new InternalAuthFilter(tokens));
      // after the observation filter (the refusal is traced and logged), before anything that reads the caller
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
      return registration;
    }
  }
}
