package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.order.saga.SagaCompensator;
import com.ticketplatform.order.support.OrderServiceITBase;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.seata.core.model.BranchStatus;
import org.apache.seata.core.model.BranchType;
import org.apache.seata.saga.engine.exception.EngineExecutionException;
import org.apache.seata.saga.rm.SagaResourceManager;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;

/** Compensators of one saga instance (recovery schedule, the TC's rollback, other instances) take turns. */
class SagaCompensatorIT extends OrderServiceITBase {

  @Autowired
  SagaCompensator compensator;

  @Autowired
  RedissonClient redisson;

  @Test
  void aSagaHeldByAnotherCompensatorIsLeftToIt() throws Exception {
    String instance = "it-" + UUID.randomUUID();
    SagaResourceManager rm = compensator.resourceManager();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // the lock is per thread: hold it where another compensator would, in another thread
    Thread other = new Thread(() -> {
      RLock lock = redisson.getLock(SagaCompensator.lockKey(instance));
      lock.lock();
      held.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        lock.unlock();
      }
    });
    other.start();
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(compensator.compensate(instance)).as("the schedule leaves it to the holder").isEmpty();
    assertThat(rm.branchRollback(BranchType.SAGA, instance, 1L, "ticket-order-service", null))
        .as("the TC is told to retry").isEqualTo(BranchStatus.PhaseTwo_RollbackFailed_Retryable);

    release.countDown();
    other.join(10_000);
    // free again: both reach the engine, which knows no such instance
    assertThatThrownBy(() -> compensator.compensate(instance)).isInstanceOf(EngineExecutionException.class);
    assertThat(rm.branchRollback(BranchType.SAGA, instance, 1L, "ticket-order-service", null))
        .isEqualTo(BranchStatus.PhaseTwo_Rollbacked);
  }
}
