package com.ticketplatform.comment.config;

import com.ticketplatform.comment.comment.CommentProperties;
import com.ticketplatform.common.idempotency.IdempotencyGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class CoreConfig {

  @Bean
  IdempotencyGuard idempotencyGuard(StringRedisTemplate redis, CommentProperties properties) {
    return new IdempotencyGuard(redis, "comment:idem:", properties.idempotencyTtl());
  }
}
