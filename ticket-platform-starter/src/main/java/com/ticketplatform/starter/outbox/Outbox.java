package com.ticketplatform.starter.outbox;

import com.ticketplatform.common.event.EventEnvelope;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Records an event in {@code t_outbox} inside the caller's transaction, so a state change and its event commit or
 * vanish together (docs/ARCHITECTURE.md §3); once that transaction commits the {@link OutboxRelay} is nudged to put
 * it on Kafka at once. The envelope's id is what consumers de-duplicate by.
 */
public class Outbox {

  private static final String INSERT = """
      INSERT INTO t_outbox (id, event_id, topic, record_key, event_type, payload, created_at, attempts)
      VALUES (?, ?, ?, ?, ?, ?, ?, 0)""";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final SnowflakeIdGenerator ids;
  private final Clock clock;
  private final OutboxRelay relay;

  public Outbox(JdbcTemplate jdbc, ObjectMapper json, SnowflakeIdGenerator ids, Clock clock, OutboxRelay relay) {
    this.jdbc = jdbc;
    this.json = json;
    this.ids = ids;
    this.clock = clock;
    this.relay = relay;
  }

  /**
   * An event about aggregate {@code aggregateId}, keyed by it on the topic (one partition keeps its order). The row's
   * id carries the aggregate's shard gene, so in a sharded schema it lands in the aggregate's own database and
   * commits with it.
   */
  public EventEnvelope<Object> append(String topic, long aggregateId, Object payload) {
    return insert(ids.nextIdFor(aggregateId), topic, Long.toString(aggregateId), payload);
  }

  /** An event keyed by {@code key}, in a schema without shard databases. */
  public EventEnvelope<Object> append(String topic, String key, Object payload) {
    return insert(ids.nextId(), topic, key, payload);
  }

  private EventEnvelope<Object> insert(long id, String topic, String key, Object payload) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException(
          "an outbox event must be written in the transaction of the change it announces");
    }
    EventEnvelope<Object> envelope = EventEnvelope.of(payload.getClass().getSimpleName(), clock.instant(), key,
        payload);
    String body;
    try {
      body = json.writeValueAsString(envelope);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot serialise " + envelope.type(), e);
    }
    jdbc.update(INSERT, id, envelope.id().toString(), topic, key, envelope.type(), body,
        Timestamp.from(envelope.occurredAt()));
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        relay.nudge();
      }
    });
    return envelope;
  }
}
