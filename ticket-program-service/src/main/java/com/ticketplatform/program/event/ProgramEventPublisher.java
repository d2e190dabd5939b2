package com.ticketplatform.program.event;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.common.event.EventEnvelope;
import com.ticketplatform.common.event.ProgramEvents;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records program events in the outbox in the caller's transaction (so a change is never without its event) and,
 * once that commits, evicts this instance's view at once and nudges the relay to put the event on Kafka, from which
 * every instance's consumer evicts too.
 */
@Component
public class ProgramEventPublisher {

  private final OutboxMapper outbox;
  private final ObjectMapper json;
  private final SnowflakeIdGenerator ids;
  private final Clock clock;
  private final CacheEviction eviction;
  private final OutboxRelay relay;

  public ProgramEventPublisher(OutboxMapper outbox, ObjectMapper json, SnowflakeIdGenerator ids, Clock clock,
      CacheEviction eviction, OutboxRelay relay) {
    this.outbox = outbox;
    this.json = json;
    this.ids = ids;
    this.clock = clock;
    this.eviction = eviction;
    this.relay = relay;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void programChanged(long programId) {
    append(programId, new ProgramEvents.ProgramChanged(programId), () -> eviction.programChanged(programId));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void showtimeChanged(long programId, long showtimeId, String status) {
    append(programId, new ProgramEvents.ShowtimeChanged(programId, showtimeId, status),
        () -> eviction.showtimeChanged(programId, showtimeId));
  }

  private void append(long programId, Object payload, Runnable localEviction) {
    EventEnvelope<Object> envelope = EventEnvelope.of(payload.getClass().getSimpleName(), clock.instant(),
        Long.toString(programId), payload);
    OutboxEvent row = new OutboxEvent();
    row.id = ids.nextId();
    row.topic = Topics.PROGRAM_EVENTS;
    row.msgKey = envelope.aggregateId();
    try {
      row.payload = json.writeValueAsString(envelope);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot serialise " + envelope.type(), e);
    }
    row.createdAt = clock.instant();
    outbox.insert(row);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        localEviction.run();
        relay.nudge();
      }
    });
  }
}
