package com.ticketplatform.user.holder;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface TicketHolderMapper extends BaseMapper<TicketHolderEntity> {}
