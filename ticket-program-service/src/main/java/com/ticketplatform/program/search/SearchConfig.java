package com.ticketplatform.program.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
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
   * The engine's low-level client, from the familiar {@code spring.elasticsearch.*} names. Built here because Boot 4
   * auto-configures only the 9.x client, and the 8.x line is the one both our engines speak (see the parent pom); with
   * {@code ticket.search.es7-compat} the local 7.10 engine is adapted ({@link Es7Compatibility}).
   */
  @Bean(destroyMethod = "close")
  RestClient elasticsearchRestClient(@Value("${spring.elasticsearch.uris:http://127.0.0.1:9200}") String[] uris,
      @Value("${spring.elasticsearch.connection-timeout:1s}") Duration connectTimeout,
      @Value("${spring.elasticsearch.socket-timeout:30s}") Duration socketTimeout, SearchProperties properties) {
    HttpHost[] hosts = Arrays.stream(uris).map(String::trim).map(URI::create)
        .map(uri -> new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme())).toArray(HttpHost[]::new);
    RestClientBuilder builder = RestClient.builder(hosts).setRequestConfigCallback(config -> config
        .setConnectTimeout((int) connectTimeout.toMillis()).setSocketTimeout((int) socketTimeout.toMillis()));
    if (properties.es7Compat()) {
      builder.setHttpClientConfigCallback(Es7Compatibility::adapt);
    }
    return builder.build();
  }

  /**
   * Documents travel as ISO-8601 instants and records. The 8.x client maps JSON with Jackson 2 (the application's own
   * JSON is Jackson 3), so it gets a Jackson 2 mapper of its own, set up the same way.
   */
  @Bean
  ElasticsearchClient elasticsearchClient(RestClient restClient) {
    JsonMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper(mapper)));
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
