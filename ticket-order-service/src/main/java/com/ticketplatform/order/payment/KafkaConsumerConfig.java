package com.ticketplatform.order.payment;

import com.ticketplatform.order.config.ListenerFactories;
import com.ticketplatform.common.event.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * No payment event is ever dropped, and none holds up the others (docs/ARCHITECTURE.md §3). An event that cannot be
 * applied (Redis, a shard or the pay service down) is retried in place for a few seconds only; then it is parked on
 * {@value #PAYMENT_REPAIR_TOPIC}, keyed as before, and the partition moves on. {@link PaymentRepairListener} re-applies
 * parked events until they succeed; meanwhile the order cannot expire, since its pay flow is already paid.
 */
@Configuration
public class KafkaConsumerConfig {

  /** Where payment events wait that could not be applied at once. */
  public static final String PAYMENT_REPAIR_TOPIC = Topics.PAYMENT_EVENTS + ".repair";
  static final String REPAIR_LISTENER_FACTORY = "paymentRepairListenerFactory";

  /** The payment consumers': a short in-place retry, then the event is parked (and only then committed). */
  @Bean
  public CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka, MeterRegistry meters,
      @Value("${ticket.order.payment-retry.in-place:PT4S}") Duration inPlace) {
    Counter parked = Counter.builder("ticket.order.payment.events.parked")
        .description("payment events that could not be applied at once and wait on the repair topic")
        .register(meters);
    DeadLetterPublishingRecoverer park = new DeadLetterPublishingRecoverer(kafka,
        (record, e) -> new TopicPartition(PAYMENT_REPAIR_TOPIC, -1)) {
      @Override
      public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        super.accept(record, consumer, exception);
        parked.increment();
      }
    };
    // a failed send to the repair topic (Kafka itself in trouble) throws: the record is sought again, never skipped
    park.setFailIfSendResultIsError(true);
    ExponentialBackOff backOff = new ExponentialBackOff(250, 2.0);
    backOff.setMaxElapsedTime(inPlace.toMillis());
    return new DefaultErrorHandler(park, backOff);
  }

  /** The repair consumer: an event is retried until it is applied, at a steady pace, for as long as it takes. */
  @Bean(REPAIR_LISTENER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<Object, Object> paymentRepairListenerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
      @Value("${ticket.order.payment-retry.repair-interval:PT30S}") Duration interval) {
    return ListenerFactories.retriedInPlace(configurer, consumers, interval);
  }
}
