package com.ticketplatform.order.order;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface OrderMapper extends BaseMapper<OrderRow> {

  /** The optimistic transition: zero rows means someone else changed the order first. */
  @Update("""
      UPDATE t_order SET status = #{row.status}, version = version + 1, paid_at = #{row.paidAt},
        payment_id = #{row.paymentId}, closed_at = #{row.closedAt}, close_reason = #{row.closeReason},
        updated_at = #{row.updatedAt}
      WHERE order_no = #{row.orderNo} AND user_id = #{row.userId} AND status = #{expectedStatus}
        AND version = #{expectedVersion}""")
  int transition(@Param("row") OrderRow row, @Param("expectedStatus") String expectedStatus,
      @Param("expectedVersion") int expectedVersion);

  /**
   * Many orders in one statement (a batch of accepted orders, all in one shard database): ShardingSphere splits the
   * rows over the database's tables by each order's gene. All inserted, or (duplicate key) none.
   */
  @Insert("""
      <script>
      INSERT INTO t_order (order_no, user_id, program_id, showtime_id, cinema_id, program_title, status, amount,
        currency, showtime_starts_at, showtime_moved_at, expires_at, paid_at, payment_id, closed_at, close_reason,
        version, created_at, updated_at) VALUES
      <foreach collection="rows" item="o" separator=",">
        (#{o.orderNo}, #{o.userId}, #{o.programId}, #{o.showtimeId}, #{o.cinemaId}, #{o.programTitle}, #{o.status},
         #{o.amount}, #{o.currency}, #{o.showtimeStartsAt}, #{o.showtimeMovedAt}, #{o.expiresAt}, #{o.paidAt},
         #{o.paymentId}, #{o.closedAt}, #{o.closeReason}, #{o.version}, #{o.createdAt}, #{o.updatedAt})
      </foreach>
      </script>""")
  int insertAll(@Param("rows") List<OrderRow> rows);

  /**
   * An order and its tickets in one statement: t_order and t_order_ticket are binding tables (same shard, same table
   * suffix), so the join stays in one physical pair. One row per ticket, in ticket order; one row with null ticket
   * columns for an order without tickets; none for an unknown order.
   */
  @Select("""
      SELECT o.*, t.ticket_id, t.seat_id, t.seat_label, t.price, t.holder_name, t.holder_id_type, t.holder_id_mask
      FROM t_order o LEFT JOIN t_order_ticket t ON t.order_no = o.order_no
      WHERE o.order_no = #{orderNo}
      ORDER BY t.ticket_id""")
  List<OrderTicketRow> findWithTickets(@Param("orderNo") long orderNo);

  /** The orders among {@code orderNos}; each is routed by its number's gene, so one query per shard table touched. */
  @Select("""
      <script>
      SELECT * FROM t_order WHERE order_no IN
      <foreach collection="orderNos" item="n" open="(" separator="," close=")">#{n}</foreach>
      </script>""")
  List<OrderRow> findByOrderNos(@Param("orderNos") Collection<Long> orderNos);

  @Select("""
      <script>
      SELECT * FROM t_order WHERE user_id = #{userId}
      <if test="before != null"> AND order_no &lt; #{before}</if>
      ORDER BY order_no DESC LIMIT #{limit}
      </script>""")
  List<OrderRow> listByUser(@Param("userId") long userId, @Param("before") Long before, @Param("limit") int limit);

  /** Broadcast over every shard: unpaid orders whose payment window has closed. */
  @Select("SELECT * FROM t_order WHERE status = 'PENDING_PAYMENT' AND expires_at <= #{now} LIMIT #{limit}")
  List<OrderRow> findExpired(@Param("now") Instant now, @Param("limit") int limit);

  /** Broadcast: orders of a showtime that still hold seats (the inventory truth). */
  @Select("""
      SELECT * FROM t_order WHERE showtime_id = #{showtimeId}
        AND status IN ('PENDING_PAYMENT', 'PAID', 'REFUNDING')""")
  List<OrderRow> findHoldingSeats(@Param("showtimeId") long showtimeId);

  /** Broadcast: the numbers of the orders of a showtime that still hold seats. */
  @Select("""
      SELECT order_no FROM t_order WHERE showtime_id = #{showtimeId}
        AND status IN ('PENDING_PAYMENT', 'PAID', 'REFUNDING')""")
  List<Long> findHoldingOrderNos(@Param("showtimeId") long showtimeId);

  /** Broadcast: the numbers of the orders of a showtime whose seats are sold (paid, or paid and being refunded). */
  @Select("""
      SELECT order_no FROM t_order WHERE showtime_id = #{showtimeId} AND status IN ('PAID', 'REFUNDING')""")
  List<Long> findSoldOrderNos(@Param("showtimeId") long showtimeId);

  /** Broadcast: showtimes not yet started that have live orders (what the inventory watchdog checks). */
  @Select("""
      SELECT DISTINCT showtime_id FROM t_order WHERE status IN ('PENDING_PAYMENT', 'PAID', 'REFUNDING')
        AND showtime_starts_at > #{now}""")
  List<Long> findLiveShowtimes(@Param("now") Instant now);

  /**
   * Broadcast: showtimes not yet started with orders closed since {@code closedSince} (a Redis rewound to before
   * their close shows their holds again), for the inventory watchdog besides the live ones.
   */
  @Select("""
      SELECT DISTINCT showtime_id FROM t_order WHERE closed_at > #{closedSince} AND showtime_starts_at > #{now}""")
  List<Long> findRecentlyClosedShowtimes(@Param("now") Instant now, @Param("closedSince") Instant closedSince);

  @Select("""
      SELECT COUNT(*) FROM t_order WHERE user_id = #{userId} AND program_id = #{programId} AND status = 'PAID'""")
  long countPaid(@Param("userId") long userId, @Param("programId") long programId);
}
