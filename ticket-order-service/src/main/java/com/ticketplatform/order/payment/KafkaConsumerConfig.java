package com.ticketplatform.order.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
public class KafkaConsumerConfig {

  /**
   * A payment event that cannot be applied yet (pay service down while refunding a late payment, a shard
   * unavailable) is retried with backoff for about ten minutes rather than ten times in a row: money must not be
   * kept for a cancelled order because a neighbour blinked.
   */
  @Bean
  public CommonErrorHandler kafkaErrorHandler() {
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(30_000);
    backOff.setMaxElapsedTime(600_000);
    return new DefaultErrorHandler(backOff);
  }
}
