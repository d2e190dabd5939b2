package com.ticketplatform.pay.flow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Every state change is a conditional UPDATE naming the states it may leave: the affected-row count tells who won
 * a race, so no read-modify-write ever decides a transition. Every statement carries order_no, so ShardingSphere
 * routes it to one table (the batch open and read to the tables of the orders they name).
 */
@Mapper
public interface PayFlowMapper {

  @Insert("""
      INSERT IGNORE INTO t_pay_flow (id, order_no, user_id, amount, currency, status, expires_at, created_at, updated_at)
      VALUES (#{id}, #{orderNo}, #{userId}, #{amount}, #{currency}, #{status}, #{expiresAt}, #{createdAt}, #{updatedAt})
      """)
  int insertIgnore(PayFlowRow row);

  /**
   * Many flows in one statement (ShardingSphere sends each table its own rows); the count says how many were new,
   * {@link #findAll} which.
   */
  @Insert("""
      <script>
      INSERT IGNORE INTO t_pay_flow (id, order_no, user_id, amount, currency, status, expires_at, created_at, updated_at)
      VALUES
      <foreach collection="rows" item="r" separator=",">
        (#{r.id}, #{r.orderNo}, #{r.userId}, #{r.amount}, #{r.currency}, #{r.status}, #{r.expiresAt}, #{r.createdAt},
         #{r.updatedAt})
      </foreach>
      </script>""")
  int insertIgnoreAll(@Param("rows") List<PayFlowRow> rows);

  @Select("SELECT * FROM t_pay_flow WHERE order_no = #{orderNo}")
  PayFlowRow find(@Param("orderNo") long orderNo);

  @Select("""
      <script>
      SELECT * FROM t_pay_flow WHERE order_no IN
      <foreach collection="orderNos" item="n" open="(" separator="," close=")">#{n}</foreach>
      </script>""")
  List<PayFlowRow> findAll(@Param("orderNos") Collection<Long> orderNos);

  @Update("""
      UPDATE t_pay_flow SET status = 'CLOSED', updated_at = #{now}
      WHERE order_no = #{orderNo} AND status IN ('OPEN', 'PAYING')
      """)
  int close(@Param("orderNo") long orderNo, @Param("now") Instant now);

  @Update("""
      UPDATE t_pay_flow SET status = 'PAYING', payment_id = #{paymentId}, pay_url = #{payUrl}, updated_at = #{now}
      WHERE order_no = #{orderNo} AND status IN ('OPEN', 'PAYING')
        AND (payment_id IS NULL OR payment_id = #{paymentId})
      """)
  int markPaying(@Param("orderNo") long orderNo, @Param("paymentId") String paymentId,
      @Param("payUrl") String payUrl, @Param("now") Instant now);

  /** The exactly-once gate of a successful payment: only one caller can move a flow out of OPEN/PAYING. */
  @Update("""
      UPDATE t_pay_flow SET status = 'PAID', payment_id = #{paymentId}, paid_at = #{paidAt}, updated_at = #{now}
      WHERE order_no = #{orderNo} AND status IN ('OPEN', 'PAYING')
      """)
  int markPaid(@Param("orderNo") long orderNo, @Param("paymentId") String paymentId,
      @Param("paidAt") Instant paidAt, @Param("now") Instant now);

  /** A decline returns the flow to OPEN once (duplicates of the same decline find it OPEN already). */
  @Update("""
      UPDATE t_pay_flow SET status = 'OPEN', updated_at = #{now}
      WHERE order_no = #{orderNo} AND status = 'PAYING' AND payment_id = #{paymentId}
      """)
  int markDeclined(@Param("orderNo") long orderNo, @Param("paymentId") String paymentId, @Param("now") Instant now);

  @Update("""
      UPDATE t_pay_flow SET status = #{to}, updated_at = #{now}
      WHERE order_no = #{orderNo} AND status = #{from}
      """)
  int transition(@Param("orderNo") long orderNo, @Param("from") String from, @Param("to") String to,
      @Param("now") Instant now);

  @Update("""
      UPDATE t_pay_flow SET review_reason = #{reason}, updated_at = #{now}
      WHERE order_no = #{orderNo} AND review_reason IS NULL
      """)
  int flagForReview(@Param("orderNo") long orderNo, @Param("reason") String reason, @Param("now") Instant now);

  /** Across all shards: flows we consider paid since the instant (reconciliation checks the provider agrees). */
  @Select("SELECT * FROM t_pay_flow WHERE status IN ('PAID', 'REFUNDING', 'REFUNDED') AND paid_at >= #{since}")
  List<PayFlowRow> paidSince(@Param("since") Instant since);

  /** Across all shards: flows whose refund the provider has not confirmed yet (retried by reconciliation). */
  @Select("SELECT * FROM t_pay_flow WHERE status = 'REFUNDING' AND updated_at < #{before}")
  List<PayFlowRow> refundingSince(@Param("before") Instant before);
}
