package com.ticketplatform.starter.web;

import com.ticketplatform.common.web.Caller;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * A handler's {@link Caller} parameter, resolved from the identity headers ({@code InternalAuthFilter} has verified
 * them before any handler runs; docs/ARCHITECTURE.md §5).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
public class CallerAutoConfiguration {

  @Bean
  CallerArgumentResolver callerArgumentResolver() {
    return new CallerArgumentResolver();
  }
}
