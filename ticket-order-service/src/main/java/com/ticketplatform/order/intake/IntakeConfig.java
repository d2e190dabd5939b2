package com.ticketplatform.order.intake;

import com.ticketplatform.order.config.ListenerFactories;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The intent consumer's container (batches; a failed batch retried in place for as long as it takes) and the
 * subscription that feeds the order event streams.
 */
@Configuration
@EnableConfigurationProperties(IntakeProperties.class)
public class IntakeConfig {

  static final String LISTENER_FACTORY = "intentListenerFactory";

  @Bean(LISTENER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<Object, Object> intentListenerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
      @Value("${ticket.order.intake.retry-interval:PT1S}") Duration retry) {
    // never skipped: an intent is a buyer's 202; its seats stay locked until it is settled (every failure retried,
    // including those the handler would otherwise deem fatal)
    DefaultErrorHandler retried = ListenerFactories.retrying(retry);
    retried.setClassifications(Map.of(), true);
    ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
        ListenerFactories.handledBy(configurer, consumers, retried);
    factory.setBatchListener(true);
    return factory;
  }

  @Bean
  RedisMessageListenerContainer intentOutcomeListener(RedisConnectionFactory redis, OrderEventStreams streams) {
    RedisMessageListenerContainer container = new RedisMessageListenerContainer();
    container.setConnectionFactory(redis);
    // outcomes are handed over on a small pool (the default starts a thread per message)
    ThreadPoolTaskExecutor outcomes = new ThreadPoolTaskExecutor();
    outcomes.setCorePoolSize(2);
    outcomes.setMaxPoolSize(2);
    outcomes.setThreadNamePrefix("order-outcomes-");
    outcomes.setDaemon(true);
    outcomes.initialize();
    container.setTaskExecutor(outcomes);
    container.addMessageListener(streams, new ChannelTopic(IntentLedger.CHANNEL));
    return container;
  }
}
