package com.ticketplatform.order.saga;

import com.ticketplatform.client.pay.OpenPayFlowRequest;
import com.ticketplatform.client.pay.OpenPayFlows;
import com.ticketplatform.client.pay.OpenedPayFlows;
import com.ticketplatform.client.pay.PayClient;
import com.ticketplatform.client.pay.PayFlowView;
import feign.FeignException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Opens the pay flows of the place-order sagas running at the same time in one call to the pay service
 * ({@link PayClient#openAll}) instead of one call each (docs/ARCHITECTURE.md §2). The OpenPayFlow step hands its flow
 * over and waits for its own answer. Batches form by themselves, as in a database's group commit: a sender takes
 * whatever has queued up as soon as it is free, so an order placed alone goes at once, and under an on-sale's load a
 * call carries the flows that arrived while the previous one was out. Two senders, so one slow call never holds every
 * saga. A batch call the pay service answers with an error is not the end of its flows: each is then opened on its own
 * ({@link PayClient#open}, idempotent like the batch), so one bad flow, or a pay service without the batch endpoint,
 * fails no other saga; a call with no answer at all (refused connection, timeout) fails its flows at once.
 * Anything but an opened flow for the amount asked (a refusal, no answer in time) fails the step, and the saga
 * compensates as before: closing a flow that was opened, or leaving a tombstone for one that was not.
 */
@Component
public class PayFlowOpener implements SmartLifecycle {

  static final int SENDERS = 2;
  /**
   * Longest a step waits for its answer: under the gateway's 10 s response timeout, so the buyer hears how the order
   * went. A flow may wait for a call in flight and then be in the next one (each ends within Feign's 2 s connect and
   * 5 s read timeouts), so a slow pay service can use it up; the step then fails and the saga compensates.
   */
  static final Duration ANSWER_WITHIN = Duration.ofSeconds(8);

  /** {@code caller}: the saga's observation (its request's trace) when it asked, or null. */
  private record Pending(OpenPayFlowRequest request, CompletableFuture<PayFlowView> answer, Observation caller) {}

  private final PayClient pay;
  private final ObservationRegistry observations;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final DistributionSummary batchSizes;
  private final List<Thread> senders = new ArrayList<>();
  private volatile boolean running;
  /** How long {@link #openAll} may take in all (tests shorten it). */
  private volatile Duration batchAnswerWithin = ANSWER_WITHIN;

  public PayFlowOpener(PayClient pay, MeterRegistry meters, ObservationRegistry observations) {
    this.pay = pay;
    this.observations = observations;
    this.batchSizes = DistributionSummary.builder("ticket.order.payflow.batch.size")
        .description("pay flows opened per call to the pay service")
        .register(meters);
  }

  /** Opens the flow together with whatever else is waiting; throws unless the pay service opened it. */
  public PayFlowView open(OpenPayFlowRequest request) {
    if (!running) {
      throw new IllegalStateException("pay flows are not being opened: the service is stopping");
    }
    Pending pending = new Pending(request, new CompletableFuture<>(), observations.getCurrentObservation());
    queue.add(pending);
    if (!running && queue.remove(pending)) {
      // stop() emptied the queue just before this flow joined it: nobody would send it
      throw new IllegalStateException("pay flows are not being opened: the service is stopping");
    }
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

  /**
   * Opens these flows now, in this thread, as few calls as {@link OpenPayFlows#MAX_FLOWS} allows (a batch of accepted
   * orders, which already travel together): what was refused or not opened, by order number; empty when every flow
   * was opened. Throws when a call had no answer at all (refused connection, timeout): nothing is known of its flows.
   */
  public Map<Long, RuntimeException> openAll(List<OpenPayFlowRequest> requests) {
    Map<Long, RuntimeException> failed = new HashMap<>();
    Observation caller = observations.getCurrentObservation();
    // the whole step stays within what one flow is given: flows sent alone after a refused batch call stop there
    long deadline = System.nanoTime() + batchAnswerWithin.toNanos();
    for (int from = 0; from < requests.size(); from += OpenPayFlows.MAX_FLOWS) {
      List<Pending> batch = requests.subList(from, Math.min(requests.size(), from + OpenPayFlows.MAX_FLOWS)).stream()
          .map(request -> new Pending(request, new CompletableFuture<>(), caller)).toList();
      send(batch, deadline);
      for (Pending pending : batch) {
        try {
          pending.answer().join();
        } catch (CompletionException e) {
          failed.put(pending.request().orderNo(), e.getCause() instanceof RuntimeException cause ? cause
              : new IllegalStateException(e.getCause()));
        }
      }
    }
    return failed;
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
      try {
        send(batch, Long.MAX_VALUE);
      } catch (Throwable e) {
        // whatever went wrong, no saga is left waiting for an answer that will not come
        batch.forEach(pending -> pending.answer().completeExceptionally(e));
      }
      batch.clear();
    }
  }

  /** {@code deadline}: System.nanoTime() past which flows sent alone are given up (not sent, failed). */
  private void send(List<Pending> batch, long deadline) {
    batchSizes.record(batch.size());
    OpenedPayFlows answer;
    try {
      // the call carries the trace of the first flow in it: an order placed alone is followed into the pay
      // service's logs by its request's trace id; the traces of the other flows in a batch stop at this service
      answer = inScopeOf(batch.get(0).caller(),
          () -> pay.openAll(new OpenPayFlows(batch.stream().map(Pending::request).toList())));
    } catch (FeignException e) {
      if (e.status() <= 0) {
        throw e; // no answer at all (refused, timed out): one call per flow would only wait longer
      }
      // the pay service answered, and not with the flows: one bad flow, or an older pay service without the batch
      batch.forEach(pending -> sendAlone(pending, deadline));
      return;
    }
    Map<Long, List<PayFlowView>> opened = new HashMap<>();
    answer.opened().forEach(flow -> opened.computeIfAbsent(flow.orderNo(), n -> new ArrayList<>()).add(flow));
    Map<Long, OpenedPayFlows.Refused> refused = new HashMap<>();
    answer.refused().forEach(refusal -> refused.put(refusal.orderNo(), refusal));
    for (Pending pending : batch) {
      OpenPayFlowRequest request = pending.request();
      // an order number twice in one call with two amounts: each request takes only a flow of its own amount
      PayFlowView flow = opened.getOrDefault(request.orderNo(), List.of()).stream()
          .filter(f -> sameMoney(f, request)).findFirst().orElse(null);
      if (flow != null) {
        pending.answer().complete(flow);
        continue;
      }
      OpenedPayFlows.Refused refusal = refused.get(request.orderNo());
      pending.answer().completeExceptionally(new IllegalStateException(refusal == null
          ? "the pay service opened no flow of order " + request.orderNo() + " for " + request.amount() + " "
              + request.currency()
          : "the pay service refused the flow of order " + request.orderNo() + ": " + refusal.code() + " "
              + refusal.detail()));
    }
  }

  /** After a refused batch call: this flow on its own, unless its saga stopped waiting. */
  private void sendAlone(Pending pending, long deadline) {
    if (pending.answer().isDone()) {
      return;
    }
    if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
      pending.answer().completeExceptionally(new IllegalStateException("no answer about the pay flow of order "
          + pending.request().orderNo() + " within " + batchAnswerWithin));
      return;
    }
    try {
      pending.answer().complete(inScopeOf(pending.caller(), () -> pay.open(pending.request())));
    } catch (RuntimeException e) {
      pending.answer().completeExceptionally(e);
    }
  }

  private static <T> T inScopeOf(Observation caller, Supplier<T> call) {
    if (caller == null) {
      return call.get();
    }
    try (Observation.Scope scope = caller.openScope()) {
      return call.get();
    }
  }

  private static boolean sameMoney(PayFlowView flow, OpenPayFlowRequest request) {
    return flow.amount() != null && flow.amount().compareTo(request.amount()) == 0
        && request.currency().equals(flow.currency());
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
    for (Thread sender : senders) {
      try {
        sender.join(ANSWER_WITHIN.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    senders.clear();
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(pending -> pending.answer().completeExceptionally(
        new IllegalStateException("the service stopped before the pay flow was opened")));
  }

  void batchAnswerWithin(Duration within) {
    this.batchAnswerWithin = within;
  }

  /** Flows queued for the next call (tests). */
  int waiting() {
    return queue.size();
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
