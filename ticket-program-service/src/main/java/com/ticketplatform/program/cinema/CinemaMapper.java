package com.ticketplatform.program.cinema;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface CinemaMapper extends BaseMapper<Cinema> {

  @Select("SELECT id FROM cinema WHERE id = #{id} FOR UPDATE")
  Long lockById(long id);
}
