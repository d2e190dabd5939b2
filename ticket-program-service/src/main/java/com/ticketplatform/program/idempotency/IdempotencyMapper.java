package com.ticketplatform.program.idempotency;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface IdempotencyMapper extends BaseMapper<IdempotencyRecord> {

  @Select("SELECT * FROM idempotency_record WHERE scope = #{scope} AND idem_key = #{key}")
  IdempotencyRecord find(String scope, String key);
}
