package com.ticketplatform.pay.callback;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface CallbackLogMapper {

  @Insert("""
      INSERT INTO t_callback_log (order_no, payment_id, signature, signature_valid, raw_body, outcome, detail,
        received_at)
      VALUES (#{orderNo}, #{paymentId}, #{signature}, #{signatureValid}, #{rawBody}, #{outcome}, #{detail},
        #{receivedAt})
      """)
  int insert(@Param("orderNo") Long orderNo, @Param("paymentId") String paymentId,
      @Param("signature") String signature, @Param("signatureValid") boolean signatureValid,
      @Param("rawBody") String rawBody, @Param("outcome") String outcome, @Param("detail") String detail,
      @Param("receivedAt") Instant receivedAt);

  @Select("SELECT COUNT(*) FROM t_callback_log WHERE order_no = #{orderNo} AND outcome = #{outcome}")
  int count(@Param("orderNo") long orderNo, @Param("outcome") String outcome);
}
