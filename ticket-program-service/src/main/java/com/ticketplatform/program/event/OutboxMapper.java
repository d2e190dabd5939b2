package com.ticketplatform.program.event;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface OutboxMapper extends BaseMapper<OutboxEvent> {

  /** SKIP LOCKED: several instances relay side by side without sending the same row twice. */
  @Select("SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT #{limit} FOR UPDATE SKIP LOCKED")
  List<OutboxEvent> lockUnpublished(int limit);

  @Select("SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM outbox_event WHERE published_at IS NULL")
  Map<String, Object> backlog();

  @Update("UPDATE outbox_event SET published_at = #{at} WHERE id = #{id}")
  int markPublished(long id, Instant at);
}
