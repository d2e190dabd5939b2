package com.ticketplatform.program.showtime;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.ticketplatform.program.cache.ExistingIds;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ShowtimeMapper extends BaseMapper<Showtime>, ExistingIds.Showtimes {

  @Override
  @Select("SELECT MAX(id) FROM showtime")
  Long newestId();

  @Override
  @Select("SELECT id FROM showtime WHERE id > #{afterId} ORDER BY id LIMIT #{limit}")
  List<Long> idsAfter(long afterId, int limit);

  @Select("SELECT * FROM showtime WHERE id = #{id} FOR UPDATE")
  Showtime lockById(long id);

  /** Showtimes that still hold the hall somewhere in [from, to). */
  @Select("SELECT * FROM showtime WHERE hall_id = #{hallId} AND status <> 'CANCELLED'"
      + " AND starts_at < #{to} AND ends_at > #{from} ORDER BY starts_at")
  List<Showtime> occupyingHall(long hallId, Instant from, Instant to);

  @Select("SELECT * FROM showtime WHERE hall_id = #{hallId}")
  List<Showtime> findByHall(long hallId);

  @Select("SELECT * FROM showtime WHERE program_id = #{programId} AND ends_at > #{now}"
      + " ORDER BY starts_at, id LIMIT 500")
  List<Showtime> upcomingOfProgram(long programId, Instant now);

  @Select("SELECT * FROM showtime WHERE cinema_id = #{cinemaId} AND ends_at > #{now}")
  List<Showtime> upcomingInCinema(long cinemaId, Instant now);

  @Update("UPDATE showtime SET status = 'FINISHED', version = version + 1, updated_at = #{now}"
      + " WHERE status IN ('SCHEDULED', 'ON_SALE') AND ends_at <= #{now}")
  int finishEnded(Instant now);
}
