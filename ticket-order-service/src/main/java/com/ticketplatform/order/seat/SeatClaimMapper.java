package com.ticketplatform.order.seat;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code t_seat_claim}, routed by {@code showtime_id}: every statement names it. */
@Mapper
public interface SeatClaimMapper {

  /** All seats of one order in one statement: all claimed, or (duplicate key) none. */
  @Insert("""
      <script>
      INSERT INTO t_seat_claim (showtime_id, seat_id, order_no, user_id, claimed_at, starts_at) VALUES
      <foreach collection="seatIds" item="seatId" separator=",">
        (#{showtimeId}, #{seatId}, #{orderNo}, #{userId}, #{at}, #{startsAt})
      </foreach>
      </script>""")
  int insert(@Param("showtimeId") long showtimeId, @Param("seatIds") List<Long> seatIds,
      @Param("orderNo") long orderNo, @Param("userId") long userId, @Param("at") Instant at,
      @Param("startsAt") Instant startsAt);

  /** The seats of many orders of one showtime in one statement (a batch): all claimed, or (duplicate key) none. */
  @Insert("""
      <script>
      INSERT INTO t_seat_claim (showtime_id, seat_id, order_no, user_id, claimed_at, starts_at) VALUES
      <foreach collection="claims" item="c" separator=",">
        (#{showtimeId}, #{c.seatId}, #{c.orderNo}, #{c.userId}, #{at}, #{startsAt})
      </foreach>
      </script>""")
  int insertAll(@Param("showtimeId") long showtimeId, @Param("claims") List<SeatClaim> claims,
      @Param("at") Instant at, @Param("startsAt") Instant startsAt);

  @Select("""
      <script>
      SELECT showtime_id, seat_id, order_no, user_id FROM t_seat_claim WHERE showtime_id = #{showtimeId} AND seat_id IN
      <foreach collection="seatIds" item="seatId" open="(" separator="," close=")">#{seatId}</foreach>
      </script>""")
  List<SeatClaim> find(@Param("showtimeId") long showtimeId, @Param("seatIds") List<Long> seatIds);

  /** Every shard database: the showtimes with claims that have not started long ago (a short list). */
  @Select("SELECT DISTINCT showtime_id FROM t_seat_claim WHERE starts_at IS NULL OR starts_at >= #{since}")
  List<Long> showtimesWithClaimsSince(@Param("since") Instant since);

  /** Every shard database: some showtimes whose claims are of a show that started before the instant. */
  @Select("SELECT DISTINCT showtime_id FROM t_seat_claim WHERE starts_at < #{before} LIMIT #{limit}")
  List<Long> showtimesStartedBefore(@Param("before") Instant before, @Param("limit") int limit);

  @Delete("DELETE FROM t_seat_claim WHERE showtime_id = #{showtimeId} AND starts_at < #{before}")
  int deleteStartedBefore(@Param("showtimeId") long showtimeId, @Param("before") Instant before);

  @Select("SELECT showtime_id, seat_id, order_no, user_id FROM t_seat_claim WHERE showtime_id = #{showtimeId}")
  List<SeatClaim> findByShowtime(@Param("showtimeId") long showtimeId);

  @Delete("""
      DELETE FROM t_seat_claim WHERE showtime_id = #{showtimeId} AND order_no = #{orderNo} AND user_id = #{userId}""")
  int deleteByOrder(@Param("showtimeId") long showtimeId, @Param("orderNo") long orderNo,
      @Param("userId") long userId);
}
