package com.ticketplatform.pay.outbox;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface OutboxMapper {

  @Insert("""
      INSERT INTO t_outbox (event_id, topic, record_key, event_type, payload, created_at)
      VALUES (#{eventId}, #{topic}, #{recordKey}, #{eventType}, #{payload}, #{createdAt})
      """)
  int insert(@Param("eventId") String eventId, @Param("topic") String topic, @Param("recordKey") String recordKey,
      @Param("eventType") String eventType, @Param("payload") String payload, @Param("createdAt") Instant createdAt);

  @Select("SELECT COUNT(*) FROM t_outbox WHERE record_key = #{key} AND event_type = #{type}")
  int count(@Param("key") String recordKey, @Param("type") String eventType);
}
