package com.ticketplatform.advert.interest;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Per-user interest counters (sharded by user id) and the buyers of each showtime, both fed by order events. */
@Mapper
public interface InterestMapper {

  @Insert("INSERT INTO t_user_interest (user_id, signal_key, hits, updated_at) VALUES (#{userId}, #{signal}, 1, #{now})"
      + " ON DUPLICATE KEY UPDATE hits = hits + 1, updated_at = #{now}")
  int addHit(@Param("userId") long userId, @Param("signal") String signal, @Param("now") LocalDateTime now);

  @Select("SELECT signal_key, hits FROM t_user_interest WHERE user_id = #{userId}")
  List<Interest> interestsOf(@Param("userId") long userId);

  @Insert("INSERT IGNORE INTO t_showtime_buyer (order_no, showtime_id, user_id, created_at)"
      + " VALUES (#{orderNo}, #{showtimeId}, #{userId}, #{now})")
  int addShowtimeBuyer(@Param("orderNo") long orderNo, @Param("showtimeId") long showtimeId,
      @Param("userId") long userId, @Param("now") LocalDateTime now);

  @Delete("DELETE FROM t_showtime_buyer WHERE order_no = #{orderNo}")
  int removeShowtimeBuyer(@Param("orderNo") long orderNo);

  @Select("SELECT DISTINCT user_id FROM t_showtime_buyer WHERE showtime_id = #{showtimeId}")
  List<Long> buyersOf(@Param("showtimeId") long showtimeId);

  /** Claims an event id; 0 rows means it was processed before. */
  @Insert("INSERT IGNORE INTO t_processed_event (event_id, processed_at) VALUES (#{eventId}, #{now})")
  int claimEvent(@Param("eventId") String eventId, @Param("now") LocalDateTime now);

  /** One counter. */
  class Interest {
    public String signalKey;
    public Integer hits;
  }
}
