package com.ticketplatform.comment.config;

import com.ticketplatform.comment.comment.CommentProperties;
import com.ticketplatform.comment.ratelimit.PostingRateLimiter;
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

  @Bean
  PostingRateLimiter postingRateLimiter(StringRedisTemplate redis, CommentProperties properties) {
    return new PostingRateLimiter(redis, new PostingRateLimiter.Limits(properties.postsPerWindow(),
        properties.postWindow(), properties.postsPerClient(), properties.reportsPerClient(),
        properties.clientWindow()));
  }
}
