package com.ticketplatform.program.event;

import com.ticketplatform.common.event.ProgramEvents;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.starter.outbox.Outbox;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records program events in the shared outbox in the caller's transaction (so a change is never without its event)
 * and, once that commits, evicts this instance's view at once; the outbox relay puts the event on Kafka, from which
 * every instance's consumer evicts too (docs/ARCHITECTURE.md §3).
 */
@Component
public class ProgramEventPublisher {

  private final Outbox outbox;
  private final CacheEviction eviction;

  public ProgramEventPublisher(Outbox outbox, CacheEviction eviction) {
    this.outbox = outbox;
    this.eviction = eviction;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void programChanged(long programId) {
    append(programId, new ProgramEvents.ProgramChanged(programId), () -> eviction.programChanged(programId));
  }

  /** A change that says nothing of the start (read without the showtime's row lock). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void showtimeChanged(long programId, long showtimeId, String status) {
    showtimeChanged(programId, showtimeId, status, null);
  }

  /**
   * {@code startsAt}: only from a writer holding the showtime's row lock (create, update, reschedule, on sale,
   * cancel); a listener that read the showtime without it passes null, so an event carrying a start read before a
   * concurrent reschedule can never move the orders back (docs/ARCHITECTURE.md §2).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void showtimeChanged(long programId, long showtimeId, String status, Instant startsAt) {
    append(programId, new ProgramEvents.ShowtimeChanged(programId, showtimeId, status, startsAt),
        () -> eviction.showtimeChanged(programId, showtimeId));
  }

  private void append(long programId, Object payload, Runnable localEviction) {
    outbox.append(Topics.PROGRAM_EVENTS, programId, payload);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        localEviction.run();
      }
    });
  }
}
