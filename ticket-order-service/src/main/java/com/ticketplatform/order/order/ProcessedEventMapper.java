package com.ticketplatform.order.order;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ProcessedEventMapper {

  /** Fails with a duplicate key when the event was applied before (the consumer's idempotency). */
  @Insert("""
      INSERT INTO t_processed_event (event_id, order_no, event_type, processed_at)
      VALUES (#{eventId}, #{orderNo}, #{eventType}, #{at})""")
  int insert(@Param("eventId") String eventId, @Param("orderNo") long orderNo, @Param("eventType") String eventType,
      @Param("at") Instant at);
}
