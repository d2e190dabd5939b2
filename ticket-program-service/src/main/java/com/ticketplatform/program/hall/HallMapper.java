package com.ticketplatform.program.hall;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface HallMapper extends BaseMapper<Hall> {

  /**
   * Locks the hall row for the rest of the transaction: every change to the hall's schedule or seat map takes this
   * lock first, so two concurrent writers cannot both see "no overlap" and both insert.
   */
  @Select("SELECT id FROM hall WHERE id = #{id} FOR UPDATE")
  Long lockById(long id);
}
