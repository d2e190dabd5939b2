package com.ticketplatform.order.move;

import com.ticketplatform.order.config.ListenerFactories;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The showtime moves' own consumer: a move that cannot be applied (a shard down) is tried again at a steady pace
 * until it is; it holds up only later moves, never the payment events (which park theirs elsewhere, §3).
 */
@Configuration
public class MoveListenerConfig {

  static final String FACTORY = "showtimeMoveListenerFactory";

  @Bean(FACTORY)
  ConcurrentKafkaListenerContainerFactory<Object, Object> showtimeMoveListenerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
      @Value("${ticket.order.move-retry-interval:PT5S}") Duration interval) {
    return ListenerFactories.retriedInPlace(configurer, consumers, interval);
  }
}
