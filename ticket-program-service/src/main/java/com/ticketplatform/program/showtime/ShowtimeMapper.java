package com.ticketplatform.program.showtime;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.ticketplatform.program.cache.ExistingIds;
import com.ticketplatform.program.program.Program;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
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

  /**
   * Every showtime of the hall, whatever its status, whose slot [starts_at, ends_at) meets [from, to): the rows
   * {@link #occupyingHall} reads and the cancelled ones beside them, with their program's title and duration.
   */
  @Select("SELECT s.id, s.program_id, s.starts_at, s.ends_at, s.status, p.title AS program_title,"
      + " p.duration_minutes FROM showtime s LEFT JOIN program p ON p.id = s.program_id"
      + " WHERE s.hall_id = #{hallId} AND s.starts_at < #{to} AND s.ends_at > #{from} ORDER BY s.starts_at, s.id")
  List<TimetableRow> timetableOfHall(@Param("hallId") long hallId, @Param("from") Instant from,
      @Param("to") Instant to);

  /** A showtime a buyer can order now (the order service's rule: ON_SALE and not started), in an {@code s} alias. */
  String SELLABLE = "s.status = 'ON_SALE' AND s.starts_at > #{now}";

  /**
   * One page of programs, newest first, for the admin list ({@link AdminProgramList}); {@code status} is a
   * {@link ProgramScheduleStatus} name or null.
   */
  @Select("<script>SELECT p.id, p.title, p.category, p.duration_minutes, p.rating, p.poster_url FROM program p"
      + "<where>"
      + "<if test='afterId != null'>AND p.id &lt; #{afterId}</if>"
      + "<if test='titleLike != null'> AND LOWER(p.title) LIKE #{titleLike}</if>"
      + "<if test='category != null'> AND p.category = #{category}</if>"
      + "<if test=\"status == 'ON_SALE'\"> AND EXISTS (SELECT 1 FROM showtime s WHERE s.program_id = p.id AND "
      + SELLABLE + ")</if>"
      + "<if test=\"status == 'SCHEDULED'\"> AND EXISTS (SELECT 1 FROM showtime s WHERE s.program_id = p.id)"
      + " AND NOT EXISTS (SELECT 1 FROM showtime s WHERE s.program_id = p.id AND " + SELLABLE + ")</if>"
      + "<if test=\"status == 'NOT_SCHEDULED'\"> AND NOT EXISTS (SELECT 1 FROM showtime s"
      + " WHERE s.program_id = p.id)</if>"
      + "</where> ORDER BY p.id DESC LIMIT #{limit}</script>")
  List<Program> programPage(@Param("afterId") Long afterId, @Param("titleLike") String titleLike,
      @Param("category") String category, @Param("status") String status, @Param("now") Instant now,
      @Param("limit") int limit);

  /**
   * The showtime figures of the given programs, one grouped statement for a whole page; a program without showtimes
   * has no row.
   */
  @Select("<script>SELECT s.program_id, COUNT(*) AS showtime_count,"
      + " SUM(CASE WHEN " + SELLABLE + " THEN 1 ELSE 0 END) AS on_sale_count,"
      + " MIN(CASE WHEN s.status IN ('SCHEDULED', 'ON_SALE') AND s.starts_at > #{now} THEN s.starts_at END)"
      + " AS next_start FROM showtime s WHERE s.program_id IN"
      + "<foreach collection='programIds' item='id' open='(' separator=',' close=')'>#{id}</foreach>"
      + " GROUP BY s.program_id</script>")
  List<ProgramShowtimeCounts> countsOfPrograms(@Param("programIds") Collection<Long> programIds,
      @Param("now") Instant now);

  @Select("SELECT * FROM showtime WHERE program_id = #{programId} AND ends_at > #{now}"
      + " ORDER BY starts_at, id LIMIT 500")
  List<Showtime> upcomingOfProgram(long programId, Instant now);

  @Select("SELECT * FROM showtime WHERE cinema_id = #{cinemaId} AND ends_at > #{now}")
  List<Showtime> upcomingInCinema(long cinemaId, Instant now);

  @Update("UPDATE showtime SET status = 'FINISHED', version = version + 1, updated_at = #{now}"
      + " WHERE status IN ('SCHEDULED', 'ON_SALE') AND ends_at <= #{now}")
  int finishEnded(Instant now);
}
