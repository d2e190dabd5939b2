package com.ticketplatform.order.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/orders/{orderNo}/events}: a server-sent-events stream that tells an accepted order's buyer its
 * outcome the moment any instance settles it (docs/ARCHITECTURE.md §2 "Accepted orders"). Each stream sends the order
 * as it is now, then again when {@link IntentLedger#CHANNEL} says it moved, and ends once it is settled. A comment
 * every few seconds keeps idle proxies (the gateway reads with a timeout) from cutting it; a stream lasts at most
 * {@code ticket.order.intake.stream-for} and the client's EventSource reconnects.
 */
@Component
public class OrderEventStreams implements MessageListener, DisposableBean {

  /** What a stream sends: the order's view now, and whether that is its outcome (the stream then ends). */
  public record Update(Object view, boolean settled) {}

  private record Subscriber(SseEmitter emitter, Supplier<Update> read) {}

  private final Map<Long, Set<Subscriber>> open = new ConcurrentHashMap<>();
  private final Duration streamFor;
  private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "order-streams-heartbeat");
    t.setDaemon(true);
    return t;
  });

  public OrderEventStreams(@Value("${ticket.order.intake.stream-for:PT60S}") Duration streamFor,
      @Value("${ticket.order.intake.stream-heartbeat:PT5S}") Duration heartbeat) {
    this.streamFor = streamFor;
    heartbeats.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void destroy() {
    heartbeats.shutdownNow();
  }

  public SseEmitter open(long orderNo, Supplier<Update> read) {
    SseEmitter emitter = new SseEmitter(streamFor.toMillis());
    Subscriber subscriber = new Subscriber(emitter, read);
    // registered before the first read: an outcome published in between is sent, never missed; added inside the
    // map's own update, so a concurrent removal of the last subscriber cannot drop this one with its set
    open.compute(orderNo, (n, set) -> {
      Set<Subscriber> subscribers = set == null ? ConcurrentHashMap.newKeySet() : set;
      subscribers.add(subscriber);
      return subscribers;
    });
    Runnable forget = () -> open.computeIfPresent(orderNo, (n, set) -> {
      set.remove(subscriber);
      return set.isEmpty() ? null : set;
    });
    emitter.onCompletion(forget);
    emitter.onTimeout(() -> {
      forget.run();
      emitter.complete();
    });
    emitter.onError(e -> forget.run());
    push(subscriber);
    return emitter;
  }

  @Override
  public void onMessage(Message message, byte[] pattern) {
    long orderNo = Long.parseLong(new String(message.getBody(), StandardCharsets.UTF_8));
    Set<Subscriber> subscribers = open.get(orderNo);
    if (subscribers != null) {
      subscribers.forEach(this::push);
    }
  }

  private void push(Subscriber subscriber) {
    try {
      Update update = subscriber.read().get();
      synchronized (subscriber) {
        subscriber.emitter().send(SseEmitter.event().name("order").data(update.view(), MediaType.APPLICATION_JSON));
        if (update.settled()) {
          subscriber.emitter().complete();
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client went away, or the order could not be read (Redis, a shard): the client's EventSource reconnects
      subscriber.emitter().completeWithError(e);
    }
  }

  /** Every few seconds, on a thread of its own: a write to a stalled client holds up no scheduled job. */
  void heartbeat() {
    open.values().forEach(set -> set.forEach(subscriber -> {
      try {
        synchronized (subscriber) {
          subscriber.emitter().send(SseEmitter.event().comment("waiting"));
        }
      } catch (IOException | RuntimeException e) {
        // one gone client must not end the heartbeat of the others
        subscriber.emitter().completeWithError(e);
      }
    }));
  }

  /** Streams open on this instance (for tests and the gauge). */
  public int openStreams() {
    return open.values().stream().mapToInt(Set::size).sum();
  }
}
