package com.ticketplatform.comment.config;

import com.ticketplatform.comment.comment.CommentProperties;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.common.idempotency.IdempotencyGuard;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class CoreConfig {

  @Bean
  SnowflakeIdGenerator idGenerator(Clock clock, @Value("${ticket.worker-id:1}") long workerId) {
    return new SnowflakeIdGenerator(clock, workerId);
  }

  @Bean
  IdempotencyGuard idempotencyGuard(StringRedisTemplate redis, CommentProperties properties) {
    return new IdempotencyGuard(redis, "comment:idem:", properties.idempotencyTtl());
  }
}
