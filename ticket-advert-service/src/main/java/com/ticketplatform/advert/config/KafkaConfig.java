package com.ticketplatform.advert.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class KafkaConfig {

  /**
   * A failing record (typically: the program service cannot tell a program's category right now) is retried with
   * growing pauses for about two minutes, then logged and skipped: interests are a soft signal and one lost hit must
   * not stall the partition for every later order.
   */
  @Bean
  DefaultErrorHandler kafkaErrorHandler() {
    ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
    backOff.setMaxInterval(30_000);
    backOff.setMaxElapsedTime(120_000);
    return new DefaultErrorHandler(backOff);
  }
}
