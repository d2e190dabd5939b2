package com.ticketplatform.comment.config;

import com.ticketplatform.common.id.SnowflakeIdGenerator;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CoreConfig {

  @Bean
  SnowflakeIdGenerator idGenerator(Clock clock, @Value("${ticket.worker-id:1}") long workerId) {
    return new SnowflakeIdGenerator(clock, workerId);
  }
}
