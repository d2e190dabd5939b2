package com.ticketplatform.user.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuthProperties.class, DemoProperties.class})
class CoreConfig {

  @Bean
  PasswordEncoder passwordEncoder(@Value("${ticket.auth.bcrypt-strength:10}") int strength) {
    return new BCryptPasswordEncoder(strength);
  }
}
