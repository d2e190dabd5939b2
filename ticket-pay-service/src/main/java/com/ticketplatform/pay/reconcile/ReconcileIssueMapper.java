package com.ticketplatform.pay.reconcile;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ReconcileIssueMapper {

  /** One open issue per payment and kind: running reconciliation again does not pile up duplicates. */
  @Insert("""
      INSERT IGNORE INTO t_reconcile_issue (order_no, payment_id, kind, detail, created_at)
      VALUES (#{orderNo}, #{paymentId}, #{kind}, #{detail}, #{now})
      """)
  int insertIgnore(@Param("orderNo") Long orderNo, @Param("paymentId") String paymentId, @Param("kind") String kind,
      @Param("detail") String detail, @Param("now") Instant now);
}
