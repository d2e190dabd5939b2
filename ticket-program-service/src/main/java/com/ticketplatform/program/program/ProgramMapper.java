package com.ticketplatform.program.program;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.ticketplatform.program.cache.ExistingIds;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface ProgramMapper extends BaseMapper<Program>, ExistingIds.Programs {

  @Override
  @Select("SELECT MAX(id) FROM program")
  Long newestId();

  @Override
  @Select("SELECT id FROM program WHERE id > #{afterId} ORDER BY id LIMIT #{limit}")
  List<Long> idsAfter(long afterId, int limit);
}
