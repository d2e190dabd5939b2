package com.ticketplatform.program.search;

import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
public class SearchConfig {

  static final String INDEXER_LISTENER_FACTORY = "searchIndexerListenerFactory";

  /**
   * Documents travel as the application's own JSON (ISO-8601 instants, records); Boot's default mapper for the
   * client is a bare ObjectMapper that knows neither.
   */
  @Bean
  JacksonJsonpMapper jacksonJsonpMapper(ObjectMapper applicationMapper) {
    return new JacksonJsonpMapper(applicationMapper.copy());
  }

  /**
   * The indexer's container: a failed event is retried in place, with pauses growing from half a second to
   * {@code ticket.search.retry-max}, for as long as it takes; its offset is committed only once it is indexed.
   */
  @Bean(INDEXER_LISTENER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<Object, Object> searchIndexerListenerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
      SearchProperties properties) {
    ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
    configurer.configure(factory, consumers);
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(properties.retryMax().toMillis());
    DefaultErrorHandler errors = new DefaultErrorHandler(backOff);
    errors.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
    factory.setCommonErrorHandler(errors);
    return factory;
  }
}
