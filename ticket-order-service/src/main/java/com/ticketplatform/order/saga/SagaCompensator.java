package com.ticketplatform.order.saga;

import java.util.HashMap;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.seata.core.model.BranchStatus;
import org.apache.seata.core.model.BranchType;
import org.apache.seata.saga.engine.StateMachineEngine;
import org.apache.seata.saga.rm.SagaResourceManager;
import org.apache.seata.saga.statelang.domain.StateMachineInstance;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * One compensation of a saga instance at a time, across threads and order-service instances. The engine records the
 * end of a compensation only if nobody restarted the instance in the meantime (an optimistic check on its
 * {@code gmt_updated}); two compensators racing on one instance — the TC's rollback retries, the recovery schedule,
 * another instance's schedule — skip each other's record and can leave a fully compensated saga looking unfinished
 * for as long as they keep overlapping. A compensator that finds the instance taken leaves it to the holder.
 */
@Component
public class SagaCompensator {

  private final StateMachineEngine engine;
  private final RedissonClient redisson;

  public SagaCompensator(StateMachineEngine engine, RedissonClient redisson) {
    this.engine = engine;
    this.redisson = redisson;
  }

  /** Compensates the instance, or returns empty when another compensator holds it right now. */
  public Optional<StateMachineInstance> compensate(String instanceId) {
    return exclusively(instanceId, () -> engine.compensate(instanceId, new HashMap<>()));
  }

  /** The resource manager the TC's rollbacks reach, compensating under the same per-instance lock. */
  public SagaResourceManager resourceManager() {
    return new SagaResourceManager() {
      @Override
      public BranchStatus branchRollback(BranchType branchType, String xid, long branchId, String resourceId,
          String applicationData) {
        // busy: the TC retries the rollback a second later and by then finds the instance compensated
        return exclusively(xid, () -> super.branchRollback(branchType, xid, branchId, resourceId, applicationData))
            .orElse(BranchStatus.PhaseTwo_RollbackFailed_Retryable);
      }
    };
  }

  /** The Redis key of an instance's compensation lock. */
  public static String lockKey(String instanceId) {
    return "ticket:order:saga:{" + instanceId + "}:compensation";
  }

  private <T> Optional<T> exclusively(String instanceId, Callable<T> work) {
    // no lease: Redisson's watchdog keeps the lock while this process lives and lets it lapse if it dies
    RLock lock = redisson.getLock(lockKey(instanceId));
    if (!lock.tryLock()) {
      return Optional.empty();
    }
    try {
      return Optional.of(work.call());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("compensating saga " + instanceId + " failed", e);
    } finally {
      // a Redis restart may have dropped the lock meanwhile: unlocking it then must not hide the outcome
      if (lock.isHeldByCurrentThread()) {
        lock.unlock();
      }
    }
  }
}
