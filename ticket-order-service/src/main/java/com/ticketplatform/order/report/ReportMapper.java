package com.ticketplatform.order.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Aggregates over the logical order tables: ShardingSphere sends each statement to every shard table and merges the
 * partial groups (COUNT and SUM add up, MAX compares), so the reports read the orders themselves, the truth.
 * {@code groupKey} is an SQL expression chosen from {@link SalesGrouping}, never caller text.
 */
@Mapper
public interface ReportMapper {

  @Select("""
      SELECT ${groupKey} AS group_key, MAX(program_title) AS label, currency,
        COUNT(*) AS orders, SUM(amount) AS gross,
        SUM(CASE WHEN status = 'REFUNDED' THEN amount ELSE 0 END) AS refunded
      FROM t_order WHERE paid_at >= #{from} AND paid_at < #{to}
      GROUP BY ${groupKey}, currency""")
  List<SalesRow> sales(@Param("groupKey") String groupKey, @Param("from") Instant from, @Param("to") Instant to);

  @Select("""
      SELECT ${groupKey} AS group_key, o.currency AS currency, COUNT(*) AS tickets
      FROM t_order o JOIN t_order_ticket t ON t.order_no = o.order_no
      WHERE o.paid_at >= #{from} AND o.paid_at < #{to} AND o.status <> 'REFUNDED'
      GROUP BY ${groupKey}, o.currency""")
  List<TicketRow> ticketsSold(@Param("groupKey") String groupKey, @Param("from") Instant from,
      @Param("to") Instant to);

  @Select("""
      SELECT o.status AS status, COUNT(*) AS seats, SUM(t.price) AS amount
      FROM t_order o JOIN t_order_ticket t ON t.order_no = o.order_no
      WHERE o.showtime_id = #{showtimeId} AND o.status IN ('PENDING_PAYMENT', 'PAID', 'REFUNDING')
      GROUP BY o.status""")
  List<SeatStatusRow> seatsOfShowtime(@Param("showtimeId") long showtimeId);

  /** The showtimes of a program that have orders, whatever their state. */
  @Select("SELECT DISTINCT showtime_id FROM t_order WHERE program_id = #{programId}")
  List<Long> showtimesOfProgram(@Param("programId") long programId);

  @Select("""
      SELECT status, close_reason, COUNT(*) AS orders
      FROM t_order WHERE created_at >= #{from} AND created_at < #{to}
      GROUP BY status, close_reason""")
  List<OutcomeRow> outcomes(@Param("from") Instant from, @Param("to") Instant to);

  class SalesRow {
    public String groupKey;
    public String label;
    public String currency;
    public long orders;
    public BigDecimal gross;
    public BigDecimal refunded;
  }

  class TicketRow {
    public String groupKey;
    public String currency;
    public long tickets;
  }

  class SeatStatusRow {
    public String status;
    public long seats;
    public BigDecimal amount;
  }

  class OutcomeRow {
    public String status;
    public String closeReason;
    public long orders;
  }
}
