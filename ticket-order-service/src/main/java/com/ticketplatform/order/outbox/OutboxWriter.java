package com.ticketplatform.order.outbox;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.common.event.EventEnvelope;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an order event in the outbox of the order's shard database. Must run inside the transaction that changes
 * the order (MANDATORY), so the change and its event commit or vanish together.
 */
@Component
public class OutboxWriter {

  private final OutboxMapper mapper;
  private final ObjectMapper json;
  private final SnowflakeIdGenerator ids;
  private final Clock clock;

  public OutboxWriter(OutboxMapper mapper, ObjectMapper json, SnowflakeIdGenerator ids, Clock clock) {
    this.mapper = mapper;
    this.json = json;
    this.ids = ids;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void append(long orderNo, Object payload) {
    EventEnvelope<Object> envelope = EventEnvelope.of(payload.getClass().getSimpleName(), clock.instant(),
        Long.toString(orderNo), payload);
    OutboxRecord record = new OutboxRecord();
    // the gene of the order number routes the row to the order's own database
    record.id = ids.nextIdFor(orderNo);
    record.eventId = envelope.id().toString();
    record.eventType = envelope.type();
    record.aggregateId = envelope.aggregateId();
    record.createdAt = envelope.occurredAt();
    try {
      record.payload = json.writeValueAsString(envelope);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot serialise " + envelope.type(), e);
    }
    mapper.insert(record);
  }
}
