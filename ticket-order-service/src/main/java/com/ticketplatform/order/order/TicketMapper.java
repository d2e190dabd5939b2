package com.ticketplatform.order.order;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface TicketMapper extends BaseMapper<TicketRow> {

  /** Tickets in one statement: an order's (one physical table), or a batch's of one shard database (split by gene). */
  @Insert("""
      <script>
      INSERT INTO t_order_ticket (ticket_id, order_no, user_id, showtime_id, seat_id, seat_label, price, holder_name,
        holder_id_type, holder_id_mask) VALUES
      <foreach collection="rows" item="t" separator=",">
        (#{t.ticketId}, #{t.orderNo}, #{t.userId}, #{t.showtimeId}, #{t.seatId}, #{t.seatLabel}, #{t.price},
         #{t.holderName}, #{t.holderIdType}, #{t.holderIdMask})
      </foreach>
      </script>""")
  int insertAll(@Param("rows") List<TicketRow> rows);

  @Select("SELECT * FROM t_order_ticket WHERE order_no = #{orderNo} ORDER BY ticket_id")
  List<TicketRow> findByOrderNo(@Param("orderNo") long orderNo);
}
