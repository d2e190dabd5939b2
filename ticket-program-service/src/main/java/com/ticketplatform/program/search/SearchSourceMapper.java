package com.ticketplatform.program.search;

import com.ticketplatform.program.program.Program;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** The MySQL reads that build search documents (kept apart from the catalogue's statements). */
@Mapper
public interface SearchSourceMapper {

  @Select("SELECT * FROM program WHERE id = #{programId}")
  Program program(long programId);

  @Select("SELECT s.id AS showtime_id, s.starts_at, c.id AS cinema_id, c.name AS cinema_name, c.city"
      + " FROM showtime s JOIN cinema c ON c.id = s.cinema_id"
      + " WHERE s.program_id = #{programId} AND s.status IN ('SCHEDULED', 'ON_SALE') AND s.starts_at > #{now}"
      + " ORDER BY s.starts_at, s.id LIMIT 500")
  List<ShowingRow> upcomingShowings(long programId, Instant now);

  @Select("SELECT id FROM program WHERE id > #{afterId} ORDER BY id LIMIT #{limit}")
  List<Long> programIdsAfter(long afterId, int limit);

  @Select("SELECT COUNT(*) FROM program")
  long countPrograms();

  class ShowingRow {
    public Long showtimeId;
    public Instant startsAt;
    public Long cinemaId;
    public String cinemaName;
    public String city;
  }
}
