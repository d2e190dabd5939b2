package com.ticketplatform.common.redis;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Wherever a service talks to Redis through Lettuce (the gateway's rate limits, the program service's seat-status
 * reads), Lettuce would keep latency statistics of every command, because LatencyUtils is on the classpath: a wrapper
 * object and a histogram update per command, published nowhere the platform reads (only to Lettuce's event bus), and a
 * pause detector whose threads wake every 10 ms for the life of the process. It was the most allocated object in the
 * gateway on a routed request. Switched off here, once for every service (docs/ARCHITECTURE.md §7, the gateway).
 */
@AutoConfiguration
@ConditionalOnClass({CommandLatencyRecorder.class, ClientResourcesBuilderCustomizer.class})
public class LettuceResourcesAutoConfiguration {

  @Bean
  ClientResourcesBuilderCustomizer noLettuceCommandLatencyRecorder() {
    return builder -> builder.commandLatencyRecorder(CommandLatencyRecorder.disabled());
  }
}
