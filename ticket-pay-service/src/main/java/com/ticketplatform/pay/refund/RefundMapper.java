package com.ticketplatform.pay.refund;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface RefundMapper {

  /** 0 rows: a refund with this idempotency key exists already (a duplicate request or callback). */
  @Insert("""
      INSERT IGNORE INTO t_refund (id, order_no, payment_id, kind, amount, currency, reason, idempotency_key, status,
        created_at, updated_at)
      VALUES (#{id}, #{orderNo}, #{paymentId}, #{kind}, #{amount}, #{currency}, #{reason}, #{idempotencyKey},
        #{status}, #{createdAt}, #{updatedAt})
      """)
  int insertIgnore(RefundRow row);

  @Select("SELECT * FROM t_refund WHERE order_no = #{orderNo} AND idempotency_key = #{key}")
  RefundRow find(@Param("orderNo") long orderNo, @Param("key") String idempotencyKey);

  @Select("SELECT * FROM t_refund WHERE order_no = #{orderNo} ORDER BY created_at")
  List<RefundRow> ofOrder(@Param("orderNo") long orderNo);

  @Update("""
      UPDATE t_refund SET status = 'SUCCEEDED', provider_refund_id = #{providerRefundId}, updated_at = #{now}
      WHERE order_no = #{orderNo} AND idempotency_key = #{key} AND status = 'REQUESTED'
      """)
  int markSucceeded(@Param("orderNo") long orderNo, @Param("key") String idempotencyKey,
      @Param("providerRefundId") String providerRefundId, @Param("now") Instant now);

  @Update("""
      UPDATE t_refund SET status = 'FAILED', reason = CONCAT(COALESCE(reason, ''), ' | provider: ', #{why}),
        updated_at = #{now}
      WHERE order_no = #{orderNo} AND idempotency_key = #{key} AND status = 'REQUESTED'
      """)
  int markFailed(@Param("orderNo") long orderNo, @Param("key") String idempotencyKey, @Param("why") String why,
      @Param("now") Instant now);

  /** Across all shards: the one refund with this id (its id carries the order's gene, not its table's key). */
  @Select("SELECT * FROM t_refund WHERE id = #{id}")
  RefundRow findById(@Param("id") long id);

  /** Across all shards: refunds unconfirmed since before {@code before}, the longest waiting first. */
  @Select("""
      SELECT * FROM t_refund WHERE status = 'REQUESTED' AND updated_at < #{before}
      ORDER BY updated_at, id LIMIT #{limit}
      """)
  List<RefundRow> unconfirmed(@Param("before") Instant before, @Param("limit") int limit);

  @Select("SELECT COUNT(*) FROM t_refund WHERE status = 'REQUESTED' AND updated_at < #{before}")
  long countUnconfirmed(@Param("before") Instant before);

  /** Across all shards: refunds the provider has not confirmed yet. */
  @Select("SELECT * FROM t_refund WHERE status = 'REQUESTED' AND updated_at < #{before}")
  List<RefundRow> pendingSince(@Param("before") Instant before);
}
