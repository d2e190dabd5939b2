package com.ticketplatform.client.auth;

import com.ticketplatform.common.security.InternalAuthAutoConfiguration;
import com.ticketplatform.common.security.InternalToken;
import feign.RequestInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * Every Feign call between services carries the calling service's internal credential (docs/ARCHITECTURE.md §9):
 * the {@code /internal/**} endpoints it calls answer nobody else. No user identity travels with it.
 */
@AutoConfiguration(after = InternalAuthAutoConfiguration.class)
@ConditionalOnBean(InternalToken.class)
public class InternalCredentialAutoConfiguration {

  @Bean
  RequestInterceptor internalCredential(InternalToken tokens, @Value("${spring.application.name}") String service) {
    return template -> {
      template.removeHeader(InternalToken.HEADER); // a retried request gets a fresh one, never two
      template.header(InternalToken.HEADER, tokens.sign(service, null, null, null));
    };
  }
}
