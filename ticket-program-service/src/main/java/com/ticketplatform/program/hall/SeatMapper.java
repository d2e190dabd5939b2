package com.ticketplatform.program.hall;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface SeatMapper extends BaseMapper<Seat> {

  @Select("SELECT * FROM seat WHERE hall_id = #{hallId} ORDER BY row_no, col_no")
  List<Seat> findByHall(long hallId);

  @Select("SELECT DISTINCT price_tier FROM seat WHERE hall_id = #{hallId}")
  List<String> tiersOfHall(long hallId);

  /** One statement for a whole hall (up to a few thousand seats) instead of a round trip per seat. */
  @Insert("<script>INSERT INTO seat (id, hall_id, row_no, col_no, label, seat_type, price_tier) VALUES "
      + "<foreach collection='seats' item='s' separator=','>"
      + "(#{s.id}, #{s.hallId}, #{s.rowNo}, #{s.colNo}, #{s.label}, #{s.seatType}, #{s.priceTier})"
      + "</foreach></script>")
  int insertAll(@Param("seats") List<Seat> seats);

  @Delete("DELETE FROM seat WHERE hall_id = #{hallId}")
  int deleteByHall(long hallId);
}
