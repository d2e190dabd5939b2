package com.ticketplatform.starter.outbox;

import com.ticketplatform.common.event.EventEnvelope;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, 0)";

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

  /**
   * Events about many aggregates in one statement ({@link #append} each), keyed by their aggregate: a batch whose
   * aggregates share one shard database, so the statement stays in the caller's transaction there.
   */
  public void appendAll(String topic, Map<Long, ?> payloadByAggregate) {
    if (payloadByAggregate.isEmpty()) {
      return;
    }
    requireTransaction();
    StringBuilder sql = new StringBuilder(INSERT.substring(0, INSERT.indexOf("VALUES") + "VALUES".length()));
    List<Object> args = new ArrayList<>(payloadByAggregate.size() * 7);
    payloadByAggregate.forEach((aggregateId, payload) -> {
      EventEnvelope<Object> envelope = envelope(Long.toString(aggregateId), payload);
      sql.append(args.isEmpty() ? " " : ", ").append(ROW);
      args.addAll(List.of(ids.nextIdFor(aggregateId), envelope.id().toString(), topic, Long.toString(aggregateId),
          envelope.type(), body(envelope), Timestamp.from(envelope.occurredAt())));
    });
    jdbc.update(sql.toString(), args.toArray());
    nudgeAfterCommit();
  }

  private EventEnvelope<Object> insert(long id, String topic, String key, Object payload) {
    requireTransaction();
    EventEnvelope<Object> envelope = envelope(key, payload);
    jdbc.update(INSERT, id, envelope.id().toString(), topic, key, envelope.type(), body(envelope),
        Timestamp.from(envelope.occurredAt()));
    nudgeAfterCommit();
    return envelope;
  }

  private static void requireTransaction() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException(
          "an outbox event must be written in the transaction of the change it announces");
    }
  }

  private EventEnvelope<Object> envelope(String key, Object payload) {
    return EventEnvelope.of(payload.getClass().getSimpleName(), clock.instant(), key, payload);
  }

  private String body(EventEnvelope<Object> envelope) {
    try {
      return json.writeValueAsString(envelope);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot serialise " + envelope.type(), e);
    }
  }

  private void nudgeAfterCommit() {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        relay.nudge();
      }
    });
  }
}
