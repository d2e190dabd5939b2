package com.ticketplatform.program.template;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface HallTemplateMapper extends BaseMapper<HallTemplate> {}
