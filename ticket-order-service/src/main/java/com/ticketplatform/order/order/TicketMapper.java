package com.ticketplatform.order.order;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface TicketMapper extends BaseMapper<TicketRow> {

  @Select("SELECT * FROM t_order_ticket WHERE order_no = #{orderNo} ORDER BY ticket_id")
  List<TicketRow> findByOrderNo(@Param("orderNo") long orderNo);
}
