package com.ticketplatform.order.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Re-applies the payment events that were parked because they could not be applied at once (see
 * {@link KafkaConsumerConfig}): each is retried at {@code ticket.order.payment-retry.repair-interval} until it is
 * applied (a paid order, or a refund of a payment that came too late); its offset is committed only then.
 */
@Component
public class PaymentRepairListener {

  private static final Logger log = LoggerFactory.getLogger(PaymentRepairListener.class);

  private final PaymentEventsListener events;
  private final Counter repaired;

  public PaymentRepairListener(PaymentEventsListener events, MeterRegistry meters) {
    this.events = events;
    this.repaired = Counter.builder("ticket.order.payment.events.repaired")
        .description("parked payment events applied by the repair consumer").register(meters);
  }

  @KafkaListener(topics = KafkaConsumerConfig.PAYMENT_REPAIR_TOPIC, groupId = "${spring.application.name}-repair",
      containerFactory = KafkaConsumerConfig.REPAIR_LISTENER_FACTORY)
  public void onMessage(String value) throws Exception {
    events.apply(value);
    repaired.increment();
    log.info("parked payment event applied: {}", value.length() > 200 ? value.substring(0, 200) + "..." : value);
  }
}
