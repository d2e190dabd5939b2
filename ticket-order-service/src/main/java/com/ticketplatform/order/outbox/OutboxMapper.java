package com.ticketplatform.order.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface OutboxMapper {

  @Insert("""
      INSERT INTO t_outbox (id, event_id, event_type, aggregate_id, payload, created_at, attempts)
      VALUES (#{id}, #{eventId}, #{eventType}, #{aggregateId}, #{payload}, #{createdAt}, 0)""")
  int insert(OutboxRecord record);

  /** Broadcast over the shard databases; merged and ordered by ShardingSphere. */
  @Select("SELECT * FROM t_outbox WHERE sent_at IS NULL ORDER BY id LIMIT #{limit}")
  List<OutboxRecord> findUnsent(@Param("limit") int limit);

  /** Broadcast; ShardingSphere merges COUNT and MIN over the shard databases. */
  @Select("SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM t_outbox WHERE sent_at IS NULL")
  Map<String, Object> backlog();

  @Update("UPDATE t_outbox SET sent_at = #{sentAt} WHERE id = #{id}")
  int markSent(@Param("id") long id, @Param("sentAt") Instant sentAt);

  @Update("UPDATE t_outbox SET attempts = attempts + 1 WHERE id = #{id}")
  int markFailed(@Param("id") long id);

  @Select("SELECT COUNT(*) FROM t_outbox WHERE aggregate_id = #{aggregateId} AND event_type = #{eventType}")
  long countFor(@Param("aggregateId") String aggregateId, @Param("eventType") String eventType);
}
