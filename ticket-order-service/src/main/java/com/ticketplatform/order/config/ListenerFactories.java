package com.ticketplatform.order.config;

import java.time.Duration;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/** Kafka container factories of the service's own consumers (docs/ARCHITECTURE.md §3). */
public final class ListenerFactories {

  private ListenerFactories() {}

  /**
   * A consumer that never moves past a record (or batch) it could not handle: tried again in place, every
   * {@code interval}, for as long as it takes. It holds up only what comes after it on its own partitions.
   */
  public static ConcurrentKafkaListenerContainerFactory<Object, Object> retriedInPlace(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
      Duration interval) {
    return handledBy(configurer, consumers, retrying(interval));
  }

  /** The error handler of {@link #retriedInPlace}, to adjust before {@link #handledBy}. */
  public static DefaultErrorHandler retrying(Duration interval) {
    return new DefaultErrorHandler(new FixedBackOff(interval.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
  }

  public static ConcurrentKafkaListenerContainerFactory<Object, Object> handledBy(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
      CommonErrorHandler handler) {
    ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
    configurer.configure(factory, consumers);
    factory.setCommonErrorHandler(handler);
    return factory;
  }
}
