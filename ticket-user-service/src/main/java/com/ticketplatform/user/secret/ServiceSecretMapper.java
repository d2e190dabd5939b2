package com.ticketplatform.user.secret;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface ServiceSecretMapper extends BaseMapper<ServiceSecretEntity> {}
