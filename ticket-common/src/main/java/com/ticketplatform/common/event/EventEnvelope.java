package com.ticketplatform.common.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on a Kafka topic: the event's own id (consumers de-duplicate by it), its type, when it happened,
 * the aggregate it is about (also the record key, so one aggregate's events stay ordered) and the payload record.
 */
public record EventEnvelope<T>(UUID id, String type, Instant occurredAt, String aggregateId, T payload) {

  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(aggregateId, "aggregateId");
  }

  public static <T> EventEnvelope<T> of(String type, Instant occurredAt, String aggregateId, T payload) {
    return new EventEnvelope<>(UUID.randomUUID(), type, occurredAt, aggregateId, payload);
  }
}
