package com.ticketplatform.comment.config;

import com.ticketplatform.comment.comment.CommentProperties;
import com.ticketplatform.comment.ratelimit.PostingRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The posting limits, handed to the rate limiter so it needs nothing of the comment feature. */
@Configuration(proxyBeanMethods = false)
class CoreConfig {

  @Bean
  PostingRateLimiter postingRateLimiter(StringRedisTemplate redis, CommentProperties properties) {
    return new PostingRateLimiter(redis, new PostingRateLimiter.Limits(properties.postsPerWindow(),
        properties.postWindow(), properties.postsPerClient(), properties.reportsPerClient(),
        properties.clientWindow()));
  }
}
