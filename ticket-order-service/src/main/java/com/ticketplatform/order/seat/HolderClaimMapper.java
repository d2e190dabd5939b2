package com.ticketplatform.order.seat;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code t_holder_claim}, routed by {@code showtime_id} like the seat claims: every statement names it. */
@Mapper
public interface HolderClaimMapper {

  /** One slot of an ID number's cap; a slot someone else took fails on the primary key. */
  @Insert("""
      INSERT INTO t_holder_claim (showtime_id, id_number_hash, slot, order_no, user_id, claimed_at, starts_at)
      VALUES (#{showtimeId}, #{hash}, #{slot}, #{orderNo}, #{userId}, #{at}, #{startsAt})""")
  int insert(@Param("showtimeId") long showtimeId, @Param("hash") String hash, @Param("slot") int slot,
      @Param("orderNo") long orderNo, @Param("userId") long userId, @Param("at") Instant at,
      @Param("startsAt") Instant startsAt);

  /** The slots of one ID number taken in the showtime, with the order holding each. */
  @Select("SELECT slot, order_no FROM t_holder_claim WHERE showtime_id = #{showtimeId} AND id_number_hash = #{hash}")
  List<Slot> slots(@Param("showtimeId") long showtimeId, @Param("hash") String hash);

  @Delete("DELETE FROM t_holder_claim WHERE showtime_id = #{showtimeId} AND order_no = #{orderNo}")
  int deleteByOrder(@Param("showtimeId") long showtimeId, @Param("orderNo") long orderNo);

  @Delete("DELETE FROM t_holder_claim WHERE showtime_id = #{showtimeId} AND starts_at < #{before}")
  int deleteStartedBefore(@Param("showtimeId") long showtimeId, @Param("before") Instant before);

  record Slot(int slot, long orderNo) {}
}
