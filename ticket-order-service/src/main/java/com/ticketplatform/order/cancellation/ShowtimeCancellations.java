package com.ticketplatform.order.cancellation;

import com.ticketplatform.common.event.Topics;
import com.ticketplatform.order.order.OrderLifecycle;
import com.ticketplatform.order.order.OrderStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A cancelled showtime's orders, settled (docs/ARCHITECTURE.md §2): when the program service announces a showtime
 * CANCELLED, a job is recorded (in the unsharded schema, one row per showtime) and every order of the showtime is
 * settled in bounded batches — unpaid ones cancelled with their pay flows closed, paid ones refunded in full
 * ({@link OrderLifecycle#settleForCancelledShowtime}). The job is finished only when no order is left unpaid, paid or
 * waiting for its refund; until then it is run again every {@code ticket.order.cancellation-resume-interval} on every
 * instance, so a crash, a pay service that does not answer or a payment still on its way only delays it. Every step
 * is conditional on the order's state: running twice, or on two instances at once, refunds nobody twice.
 */
@Component
public class ShowtimeCancellations implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ShowtimeCancellations.class);
  private static final int BATCH = 200;
  static final String CANCELLED = "CANCELLED";

  private final JdbcTemplate orders;
  private final JdbcTemplate jobs;
  private final OrderLifecycle lifecycle;
  private final ObjectMapper json;
  private final Clock clock;
  private final ExecutorService settling = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "showtime-cancellations");
    thread.setDaemon(true);
    return thread;
  });

  public ShowtimeCancellations(DataSource orders, @Qualifier("seataSagaDataSource") DataSource unsharded,
      OrderLifecycle lifecycle, ObjectMapper json, Clock clock) {
    this.orders = new JdbcTemplate(orders);
    this.jobs = new JdbcTemplate(unsharded);
    this.lifecycle = lifecycle;
    this.json = json;
    this.clock = clock;
  }

  /** Where a showtime's cancellation stands: its orders by status. */
  public record Progress(long showtimeId, Instant requestedAt, Instant finishedAt, Map<String, Long> ordersByStatus) {}

  /**
   * Who a cancel of the showtime affects, from its orders now: orders and distinct buyers by status, and in total; the
   * paid orders (refunded in full by a cancel: {@code refundOrders} of {@code refundBuyers} buyers, {@code refundAmount}
   * in {@code currency}) and the unpaid ones (cancelled: {@code cancelOrders}). Orders already refunding are counted
   * in {@code byStatus} only. {@code currency} is null when the showtime has no orders.
   */
  public record ShowtimeImpact(long showtimeId, long orders, long buyers, List<ImpactByStatus> byStatus,
      long refundOrders, long refundBuyers, BigDecimal refundAmount, long cancelOrders, long cancelBuyers,
      @Schema(nullable = true, description = "the orders' currency; null while the showtime has no order")
      String currency) {}

  /** The orders of one status: how many, of how many distinct buyers, for how much. */
  public record ImpactByStatus(String status, long orders, long buyers, BigDecimal amount) {}

  /**
   * Reads every shard table (the orders are sharded by buyer, a showtime's are anywhere), one row per status and buyer,
   * so distinct buyers are counted here and not by the merge of per-table counts.
   */
  public ShowtimeImpact impact(long showtimeId) {
    Map<String, Set<Long>> buyers = new TreeMap<>();
    Map<String, long[]> orderCounts = new TreeMap<>();
    Map<String, BigDecimal> amounts = new TreeMap<>();
    Set<String> currencies = new TreeSet<>();
    orders.query("SELECT status, user_id, currency, COUNT(*), SUM(amount) FROM t_order WHERE showtime_id = ?"
        + " GROUP BY status, user_id, currency", rs -> {
          String status = rs.getString(1);
          buyers.computeIfAbsent(status, s -> new HashSet<>()).add(rs.getLong(2));
          currencies.add(rs.getString(3));
          orderCounts.computeIfAbsent(status, s -> new long[1])[0] += rs.getLong(4);
          amounts.merge(status, rs.getBigDecimal(5), BigDecimal::add);
        }, showtimeId);
    if (currencies.size() > 1) {
      throw new IllegalStateException("orders of showtime " + showtimeId + " in several currencies: " + currencies);
    }
    List<ImpactByStatus> byStatus = new ArrayList<>();
    Set<Long> everyone = new HashSet<>();
    long total = 0;
    for (Map.Entry<String, long[]> e : orderCounts.entrySet()) {
      byStatus.add(new ImpactByStatus(e.getKey(), e.getValue()[0], buyers.get(e.getKey()).size(),
          amounts.get(e.getKey()).setScale(2, RoundingMode.HALF_UP)));
      everyone.addAll(buyers.get(e.getKey()));
      total += e.getValue()[0];
    }
    String paid = OrderStatus.PAID.name();
    String unpaid = OrderStatus.PENDING_PAYMENT.name();
    return new ShowtimeImpact(showtimeId, total, everyone.size(), byStatus,
        orderCounts.getOrDefault(paid, new long[1])[0], buyers.getOrDefault(paid, Set.of()).size(),
        amounts.getOrDefault(paid, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP),
        orderCounts.getOrDefault(unpaid, new long[1])[0], buyers.getOrDefault(unpaid, Set.of()).size(),
        currencies.isEmpty() ? null : currencies.iterator().next());
  }

  /**
   * Program events; only a showtime that became CANCELLED matters here. Never throws: the job row is what counts, and
   * the resume schedule runs it again (a failure must not be parked with the payment events).
   */
  @KafkaListener(topics = Topics.PROGRAM_EVENTS, groupId = "${spring.application.name}-showtime-cancellations")
  public void onProgramEvent(String value) {
    try {
      JsonNode envelope = json.readTree(value);
      JsonNode payload = envelope.path("payload");
      if ("ShowtimeChanged".equals(envelope.path("type").asText())
          && CANCELLED.equals(payload.path("status").asText())) {
        request(payload.path("showtimeId").asLong());
      }
    } catch (RuntimeException e) {
      log.warn("program event not applied to the orders now (the resume schedule retries): {}", e.toString());
    }
  }

  /**
   * Records the cancellation (once) and starts settling it on a thread of its own: a showtime of thousands of orders
   * must not hold the Kafka consumer past its poll interval.
   */
  public void request(long showtimeId) {
    jobs.update("INSERT IGNORE INTO t_showtime_cancellation (showtime_id, requested_at) VALUES (?, ?)", showtimeId,
        Timestamp.from(clock.instant()));
    try {
      settling.execute(() -> {
        try {
          settle(showtimeId);
        } catch (RuntimeException e) {
          log.warn("cancellation of showtime {} not finished yet: {}", showtimeId, e.toString());
        }
      });
    } catch (RejectedExecutionException stopping) {
      // recorded: the resume schedule of this or another instance settles it
    }
  }

  @Override
  public void destroy() {
    settling.shutdownNow();
  }

  @Scheduled(fixedDelayString = "${ticket.order.cancellation-resume-interval:PT30S}",
      initialDelayString = "${ticket.order.cancellation-resume-interval:PT30S}")
  public void resume() {
    for (Long showtimeId : jobs.queryForList(
        "SELECT showtime_id FROM t_showtime_cancellation WHERE finished_at IS NULL ORDER BY requested_at", Long.class)) {
      try {
        settle(showtimeId);
      } catch (RuntimeException e) {
        log.warn("cancellation of showtime {} not finished yet: {}", showtimeId, e.toString());
      }
    }
  }

  /** One pass over the showtime's open orders, oldest order number first, {@value #BATCH} at a time. */
  public Progress settle(long showtimeId) {
    long after = 0;
    int failures = 0;
    List<Long> batch;
    do {
      batch = orders.queryForList("SELECT order_no FROM t_order WHERE showtime_id = ? AND order_no > ?"
          + " AND status IN ('PENDING_PAYMENT', 'PAID', 'REFUNDING') ORDER BY order_no LIMIT " + BATCH, Long.class,
          showtimeId, after);
      for (Long orderNo : batch) {
        try {
          lifecycle.settleForCancelledShowtime(orderNo);
        } catch (RuntimeException e) {
          failures++;
          log.warn("order {} of cancelled showtime {} not settled yet: {}", orderNo, showtimeId, e.toString());
        }
        after = orderNo;
      }
    } while (batch.size() == BATCH);
    Map<String, Long> byStatus = byStatus(showtimeId);
    boolean open = byStatus.keySet().stream()
        .anyMatch(s -> s.equals("PENDING_PAYMENT") || s.equals("PAID") || s.equals("REFUNDING"));
    if (!open && failures == 0) {
      jobs.update("UPDATE t_showtime_cancellation SET finished_at = ? WHERE showtime_id = ? AND finished_at IS NULL",
          Timestamp.from(clock.instant()), showtimeId);
    }
    return progress(showtimeId).orElseThrow();
  }

  public Optional<Progress> progress(long showtimeId) {
    return jobs.query("SELECT requested_at, finished_at FROM t_showtime_cancellation WHERE showtime_id = ?",
        (rs, i) -> new Progress(showtimeId, rs.getTimestamp(1).toInstant(),
            rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), byStatus(showtimeId)),
        showtimeId).stream().findFirst();
  }

  private Map<String, Long> byStatus(long showtimeId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    orders.query("SELECT status, COUNT(*) FROM t_order WHERE showtime_id = ? GROUP BY status ORDER BY status",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        }, showtimeId);
    return counts;
  }
}
