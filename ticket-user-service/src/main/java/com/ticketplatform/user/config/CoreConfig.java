package com.ticketplatform.user.config;

import com.ticketplatform.common.id.SnowflakeIdGenerator;
import java.time.Clock;
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
  SnowflakeIdGenerator idGenerator(Clock clock, @Value("${ticket.worker-id:1}") long workerId) {
    return new SnowflakeIdGenerator(clock, workerId);
  }

  @Bean
  PasswordEncoder passwordEncoder(@Value("${ticket.auth.bcrypt-strength:10}") int strength) {
    return new BCryptPasswordEncoder(strength);
  }
}
