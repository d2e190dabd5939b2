package com.ticketplatform.comment.buyer;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface VerifiedBuyerMapper {

  /** Records a paid order; a row already there (e.g. refunded) keeps its state. */
  @Insert("INSERT INTO t_verified_buyer (order_no, user_id, program_id, status, updated_at)"
      + " VALUES (#{orderNo}, #{userId}, #{programId}, 'PAID', #{now})"
      + " ON DUPLICATE KEY UPDATE order_no = order_no")
  int recordPaid(@Param("orderNo") long orderNo, @Param("userId") long userId, @Param("programId") long programId,
      @Param("now") LocalDateTime now);

  @Insert("INSERT INTO t_verified_buyer (order_no, user_id, program_id, status, updated_at)"
      + " VALUES (#{orderNo}, #{userId}, #{programId}, 'REFUNDED', #{now})"
      + " ON DUPLICATE KEY UPDATE status = 'REFUNDED', updated_at = #{now}")
  int recordRefunded(@Param("orderNo") long orderNo, @Param("userId") long userId,
      @Param("programId") long programId, @Param("now") LocalDateTime now);

  @Select("SELECT status FROM t_verified_buyer WHERE user_id = #{userId} AND program_id = #{programId}")
  List<String> statuses(@Param("userId") long userId, @Param("programId") long programId);

  /** Claims an event id; 0 rows means it was processed before. */
  @Insert("INSERT IGNORE INTO t_processed_event (event_id, processed_at) VALUES (#{eventId}, #{now})")
  int claimEvent(@Param("eventId") String eventId, @Param("now") LocalDateTime now);
}
