package com.ticketplatform.order.expiry;

import com.ticketplatform.order.order.OrderLifecycle;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Takes due order numbers off the delayed queue and expires them (re-checked against the clock and status). */
@Component
public class ExpiryWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ExpiryWorker.class);

  private final ExpiryScheduler scheduler;
  private final OrderLifecycle lifecycle;
  private volatile boolean running;
  private Thread thread;

  public ExpiryWorker(ExpiryScheduler scheduler, OrderLifecycle lifecycle) {
    this.scheduler = scheduler;
    this.lifecycle = lifecycle;
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::loop, "order-expiry");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      try {
        String orderNo = scheduler.dueQueue().poll(1, TimeUnit.SECONDS);
        if (orderNo != null) {
          lifecycle.expireIfDue(Long.parseLong(orderNo));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (running) {
          log.warn("expiry worker: {}", e.toString());
          sleepQuietly();
        }
      }
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
