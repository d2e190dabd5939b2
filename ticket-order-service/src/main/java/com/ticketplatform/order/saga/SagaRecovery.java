package com.ticketplatform.order.saga;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.seata.core.model.BranchType;
import org.apache.seata.rm.DefaultResourceManager;
import org.apache.seata.saga.statelang.domain.ExecutionStatus;
import org.apache.seata.saga.statelang.domain.StateMachineInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Crash recovery for the saga engine (docs/ARCHITECTURE.md §7.1). Our {@link SagaCompensator}'s resource manager is
 * registered for SAGA branches once the engine is up, so the TC's rollback of a crashed saga goes through the same
 * per-saga lock as everything else (the client's own managers get no engine from the 2.5.0 starter). As belt and
 * braces, instances still running past the transaction timeout (the process died mid-saga) are compensated here at
 * start-up and on a schedule; every step tolerates that. Both paths go through {@link SagaCompensator}, so an instance
 * is never compensated by two of them at once.
 */
@Component
public class SagaRecovery {

  private static final Logger log = LoggerFactory.getLogger(SagaRecovery.class);

  private final SagaCompensator compensator;
  private final JdbcTemplate sagaLog;
  private final Duration timeout;
  private final Clock clock;

  public SagaRecovery(SagaCompensator compensator, @Qualifier("seataSagaDataSource") DataSource sagaDataSource,
      @Value("${seata.saga.state-machine.trans-operation-timeout:60000}") long timeoutMs) {
    this.compensator = compensator;
    this.sagaLog = new JdbcTemplate(sagaDataSource);
    this.timeout = Duration.ofMillis(timeoutMs);
    // the engine stamps gmt_started with the JVM's own clock (new Date()), not the application Clock
    this.clock = Clock.systemUTC();
  }

  /** Where the place-order saga of an order stands, from its log. */
  public enum SagaState {
    /** No instance was ever started for the order. */
    NONE,
    /** Started and not finished: running, or left by a crash for this recovery. */
    RUNNING,
    /** Finished forward: the order was placed. */
    SUCCEEDED,
    /** Finished by its compensation: nothing of it is kept. */
    UNDONE
  }

  /**
   * Where the place-order saga of an order stands, from its log: its own saga's (keyed by its number), or that of the
   * batch it was placed with ({@link #recordBatch}). A batch that SUCCEEDED may still have refused this order within
   * a step: the order row then says (PlacementOutcomes).
   */
  public SagaState stateOf(long orderNo) {
    List<Map<String, Object>> rows = sagaLog.queryForList("""
        SELECT status, compensation_status, 0 AS batch FROM seata_state_machine_inst WHERE business_key = ?
        UNION ALL
        SELECT i.status, i.compensation_status, 1 AS batch FROM saga_batch_member m
          JOIN seata_state_machine_inst i ON i.business_key = m.business_key WHERE m.order_no = ?
        ORDER BY batch""", Long.toString(orderNo), orderNo);
    if (rows.isEmpty()) {
      return SagaState.NONE;
    }
    Object status = rows.get(0).get("status");
    Object compensation = rows.get(0).get("compensation_status");
    if ("SU".equals(status)) {
      return SagaState.SUCCEEDED;
    }
    return "SU".equals(compensation) ? SagaState.UNDONE : SagaState.RUNNING;
  }

  /**
   * Records which batch saga places these orders, before it starts, and answers those it recorded. An order already
   * recorded with another batch is not taken over (its saga may be about to start, or running): it is left out, and
   * its intent left for the sweep, which reads that batch's log (docs/ARCHITECTURE.md §2 "Accepted orders").
   */
  public Set<Long> recordBatch(String businessKey, List<Long> orderNos) {
    StringBuilder sql = new StringBuilder("INSERT IGNORE INTO saga_batch_member (order_no, business_key) VALUES ");
    Object[] args = new Object[orderNos.size() * 2];
    for (int i = 0; i < orderNos.size(); i++) {
      sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
      args[2 * i] = orderNos.get(i);
      args[2 * i + 1] = businessKey;
    }
    sagaLog.update(sql.toString(), args);
    return Set.copyOf(sagaLog.queryForList("SELECT order_no FROM saga_batch_member WHERE business_key = ?",
        Long.class, businessKey));
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onReady() {
    DefaultResourceManager.mockResourceManager(BranchType.SAGA, compensator.resourceManager());
    log.info("saga resource manager registered for SAGA branches");
    compensateStuck();
  }

  /** Compensates instances that started before now - timeout and never finished. Returns how many it finished. */
  @Scheduled(fixedDelayString = "${ticket.order.saga-recovery-interval:PT30S}",
      initialDelayString = "${ticket.order.saga-recovery-interval:PT30S}")
  public int compensateStuck() {
    Timestamp cutoff = Timestamp.from(clock.instant().minus(timeout));
    List<String> stuck = sagaLog.queryForList("""
        SELECT id FROM seata_state_machine_inst
        WHERE gmt_started < ? AND (status = 'RU' OR (status IN ('UN', 'FA') AND
          (compensation_status IS NULL OR compensation_status NOT IN ('SU'))))
        ORDER BY gmt_started LIMIT 50""", String.class, cutoff);
    int done = 0;
    for (String id : stuck) {
      try {
        // empty: another compensator holds this instance right now
        Optional<StateMachineInstance> result = compensator.compensate(id);
        if (result.isPresent() && result.get().getCompensationStatus() == ExecutionStatus.SU) {
          done++;
          log.warn("compensated saga {} left unfinished by a crash", id);
        } else if (result.isPresent()) {
          log.warn("compensating saga {} ended {}, will retry", id, result.get().getCompensationStatus());
        }
      } catch (RuntimeException e) {
        log.warn("compensating saga {} failed, will retry: {}", id, e.toString());
      }
    }
    return done;
  }
}
