package com.ticketplatform.pay.outbox;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.common.event.EventEnvelope;
import com.ticketplatform.common.event.Topics;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends a payment event to {@code t_outbox}. Must run inside the transaction that changes the flow (MANDATORY):
 * the event exists if and only if the state change committed. {@link OutboxRelay} publishes it.
 */
@Component
public class OutboxWriter {

  private final OutboxMapper outbox;
  private final ObjectMapper json;
  private final Clock clock;

  public OutboxWriter(OutboxMapper outbox, ObjectMapper json, Clock clock) {
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public EventEnvelope<Object> paymentEvent(long orderNo, Object payload) {
    EventEnvelope<Object> envelope = EventEnvelope.of(payload.getClass().getSimpleName(), clock.instant(),
        String.valueOf(orderNo), payload);
    try {
      outbox.insert(envelope.id().toString(), Topics.PAYMENT_EVENTS, envelope.aggregateId(), envelope.type(),
          json.writeValueAsString(envelope), envelope.occurredAt());
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot serialise " + envelope.type(), e);
    }
    return envelope;
  }
}
