package com.ticketplatform.gateway.config;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce keeps its own latency statistics of every command whenever LatencyUtils is on the classpath (it is, through
 * the gateway's dependencies): a wrapper object and a histogram update per command, published nowhere the platform
 * reads (only to Lettuce's event bus). The most allocated object in the gateway on a routed request; switched off.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfig {

  @Bean
  ClientResourcesBuilderCustomizer noLettuceCommandLatencyRecorder() {
    return builder -> builder.commandLatencyRecorder(CommandLatencyRecorder.disabled());
  }
}
