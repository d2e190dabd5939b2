package com.ticketplatform.program.program;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface ProgramMapper extends BaseMapper<Program> {}
