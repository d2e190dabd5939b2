package com.ticketplatform.program.config;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The seat map's Lettuce client (SeatStatusReads) would keep latency statistics of every command, published nowhere
 * the platform reads, and start a pause detector whose three threads wake every 10 ms for the life of the process,
 * because LatencyUtils is on the classpath: switched off, as in the gateway.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfig {

  @Bean
  ClientResourcesBuilderCustomizer noLettuceCommandLatencyRecorder() {
    return builder -> builder.commandLatencyRecorder(CommandLatencyRecorder.disabled());
  }
}
