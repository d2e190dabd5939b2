package com.ticketplatform.order.expiry;

import com.ticketplatform.order.order.Order;
import com.ticketplatform.order.order.OrderLifecycle;
import com.ticketplatform.order.order.OrderRepository;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Safety net behind the delayed queue: every shard is scanned for unpaid orders past their window, every
 * {@code ticket.order.expiry-sweep-interval} (30 s unless set).
 */
@Component
public class ExpirySweeper {

  private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);

  private final OrderRepository orders;
  private final OrderLifecycle lifecycle;
  private final Clock clock;

  public ExpirySweeper(OrderRepository orders, OrderLifecycle lifecycle, Clock clock) {
    this.orders = orders;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${ticket.order.expiry-sweep-interval:PT30S}",
      initialDelayString = "${ticket.order.expiry-sweep-interval:PT30S}")
  public int sweep() {
    int expired = 0;
    List<Order> due = orders.findExpired(clock.instant(), 200);
    for (Order o : due) {
      try {
        if (lifecycle.expireIfDue(o.orderNo())) {
          expired++;
        }
      } catch (RuntimeException e) {
        log.warn("expiring order {} failed, next sweep retries: {}", o.orderNo(), e.toString());
      }
    }
    return expired;
  }
}
