package com.ticketplatform.order.saga;

import com.ticketplatform.client.pay.OpenPayFlowRequest;
import com.ticketplatform.client.pay.OpenPayFlows;
import com.ticketplatform.client.pay.OpenedPayFlows;
import com.ticketplatform.client.pay.PayClient;
import com.ticketplatform.client.pay.PayFlowView;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Opens the pay flows of the place-order sagas running at the same time in one call to the pay service
 * ({@link PayClient#openAll}) instead of one call each (docs/ARCHITECTURE.md §2). The OpenPayFlow step hands its flow
 * over and waits for its own answer. Batches form by themselves, as in a database's group commit: a sender takes
 * whatever has queued up as soon as it is free, so an order placed alone goes at once, and under an on-sale's load a
 * call carries the flows that arrived while the previous one was out. Two senders, so one slow call never holds every
 * saga. Anything but an opened flow (a refusal, a call that failed, no answer in time) fails the step, and the saga
 * compensates as before: closing a flow that was opened, or leaving a tombstone for one that was not.
 */
@Component
public class PayFlowOpener implements SmartLifecycle {

  static final int SENDERS = 2;
  /**
   * Longest a step waits for its answer. Feign's read timeout (5 s) ends a call long before; this only covers a sender
   * that could not get to the flow at all.
   */
  static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

  private record Pending(OpenPayFlowRequest request, CompletableFuture<PayFlowView> answer) {}

  private final PayClient pay;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final DistributionSummary batchSizes;
  private final List<Thread> senders = new ArrayList<>();
  private volatile boolean running;

  public PayFlowOpener(PayClient pay, MeterRegistry meters) {
    this.pay = pay;
    this.batchSizes = DistributionSummary.builder("ticket.order.payflow.batch.size")
        .description("pay flows opened per call to the pay service")
        .register(meters);
  }

  /** Opens the flow together with whatever else is waiting; throws unless the pay service opened it. */
  public PayFlowView open(OpenPayFlowRequest request) {
    if (!running) {
      throw new IllegalStateException("pay flows are not being opened: the service is stopping");
    }
    Pending pending = new Pending(request, new CompletableFuture<>());
    queue.add(pending);
    try {
      return pending.answer().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer about the pay flow of order " + request.orderNo() + " within "
          + ANSWER_WITHIN);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening the pay flow of order " + request.orderNo());
    }
  }

  private void sendWhileRunning() {
    List<Pending> batch = new ArrayList<>();
    while (running) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, OpenPayFlows.MAX_FLOWS - 1);
      send(batch);
      batch.clear();
    }
  }

  private void send(List<Pending> batch) {
    batchSizes.record(batch.size());
    OpenedPayFlows answer;
    try {
      answer = pay.openAll(new OpenPayFlows(batch.stream().map(Pending::request).toList()));
    } catch (RuntimeException e) {
      batch.forEach(pending -> pending.answer().completeExceptionally(e));
      return;
    }
    Map<Long, PayFlowView> opened = new HashMap<>();
    answer.opened().forEach(flow -> opened.put(flow.orderNo(), flow));
    Map<Long, OpenedPayFlows.Refused> refused = new HashMap<>();
    answer.refused().forEach(refusal -> refused.put(refusal.orderNo(), refusal));
    for (Pending pending : batch) {
      long orderNo = pending.request().orderNo();
      PayFlowView flow = opened.get(orderNo);
      if (flow != null) {
        pending.answer().complete(flow);
        continue;
      }
      OpenedPayFlows.Refused refusal = refused.get(orderNo);
      pending.answer().completeExceptionally(new IllegalStateException(refusal == null
          ? "the pay service did not answer for order " + orderNo
          : "the pay service refused the flow of order " + orderNo + ": " + refusal.code() + " " + refusal.detail()));
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    for (int i = 0; i < SENDERS; i++) {
      Thread sender = new Thread(this::sendWhileRunning, "pay-flow-opener-" + i);
      sender.setDaemon(true);
      sender.start();
      senders.add(sender);
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    senders.forEach(Thread::interrupt);
    senders.clear();
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(pending -> pending.answer().completeExceptionally(
        new IllegalStateException("the service stopped before the pay flow was opened")));
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * Starts before the web server and stops after it: the graceful shutdown (phase {@code DEFAULT_PHASE - 1024}) and the
   * server itself ({@code - 2048}) stop first, so the orders still being placed when shutdown begins get their flows.
   */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
