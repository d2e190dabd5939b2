package com.ticketplatform.notify.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * An event that cannot be applied yet is tried again in place, with growing pauses, for
 * {@code ticket.notify.event-retry} (docs/ARCHITECTURE.md §14): the database away for a moment, or a payment event
 * read before the order event it refers to (two topics, each read at its own pace). After that it is logged and
 * skipped: a notice is never worth holding up every later event of its partition. An event no wait can mend (a
 * field that does not parse, a row the schema refuses) is logged and skipped at once.
 */
@Configuration
public class KafkaConfig {

  @Bean
  CommonErrorHandler kafkaErrorHandler(@Value("${ticket.notify.event-retry:PT20S}") Duration retry) {
    ExponentialBackOff backOff = new ExponentialBackOff(250, 2.0);
    backOff.setMaxInterval(5_000);
    backOff.setMaxElapsedTime(retry.toMillis());
    DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
    // what waiting cannot mend is skipped at once: a field that does not parse, a row the schema refuses
    handler.addNotRetryableExceptions(DateTimeParseException.class, NumberFormatException.class,
        DataIntegrityViolationException.class);
    return handler;
  }
}
