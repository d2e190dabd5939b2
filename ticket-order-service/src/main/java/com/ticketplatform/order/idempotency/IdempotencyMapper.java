package com.ticketplatform.order.idempotency;

import java.time.Instant;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface IdempotencyMapper {

  @Insert("""
      INSERT INTO t_idempotency (user_id, idem_key, request_hash, created_at, updated_at)
      VALUES (#{userId}, #{key}, #{hash}, #{now}, #{now})""")
  int insert(@Param("userId") long userId, @Param("key") String key, @Param("hash") String hash,
      @Param("now") Instant now);

  @Select("SELECT * FROM t_idempotency WHERE user_id = #{userId} AND idem_key = #{key}")
  IdempotencyRecord find(@Param("userId") long userId, @Param("key") String key);

  @Update("""
      UPDATE t_idempotency SET order_no = #{orderNo}, updated_at = #{now}
      WHERE user_id = #{userId} AND idem_key = #{key} AND order_no IS NULL""")
  int complete(@Param("userId") long userId, @Param("key") String key, @Param("orderNo") long orderNo,
      @Param("now") Instant now);

  /** Takes over a claim whose owner died (not completed, not touched for a while). */
  @Update("""
      UPDATE t_idempotency SET updated_at = #{now}
      WHERE user_id = #{userId} AND idem_key = #{key} AND order_no IS NULL AND updated_at = #{seen}""")
  int takeOver(@Param("userId") long userId, @Param("key") String key, @Param("seen") Instant seen,
      @Param("now") Instant now);

  @Delete("""
      DELETE FROM t_idempotency WHERE user_id = #{userId} AND idem_key = #{key}
        AND (order_no IS NULL OR order_no = #{orderNo})""")
  int abandon(@Param("userId") long userId, @Param("key") String key, @Param("orderNo") Long orderNo);

  /** Broadcast: drops keys older than the retention. */
  @Delete("DELETE FROM t_idempotency WHERE created_at < #{before}")
  int purge(@Param("before") Instant before);
}
