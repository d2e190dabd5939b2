package com.ticketplatform.common.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Every service checks its secrets before it makes a single bean (no connection is opened with a known password). */
@AutoConfiguration
public class SecretsGuardAutoConfiguration {

  @Bean
  static BeanFactoryPostProcessor secretsGuard(Environment env) {
    return beanFactory -> SecretsGuard.check(env);
  }
}
