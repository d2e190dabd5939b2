package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.order.sharding.OrderShards;
import com.ticketplatform.order.support.OrderServiceITBase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** GET by order number must touch exactly one physical pair of tables of one shard database (read from the SQL log). */
class ShardRoutingIT extends OrderServiceITBase {

  @Test
  void getByOrderNumberHitsOneDataNode() {
    ShowtimeSaleInfo show = onSaleWithInventory(10);
    long user = randomUser();
    Response placed = placeOrder(user, UUID.randomUUID().toString(), show.showtimeId(), 1L);
    assertThat(placed.status()).isEqualTo(201);
    String orderNo = placed.body().path("orderNo").asText();

    Logger sqlLog = (Logger) LoggerFactory.getLogger("ShardingSphere-SQL");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    sqlLog.addAppender(captured);
    try {
      assertThat(call("GET", "/api/orders/" + orderNo, user, null, null).status()).isEqualTo(200);
    } finally {
      sqlLog.detachAppender(captured);
    }

    List<String> actual = captured.list.stream().map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.startsWith("Actual SQL") && m.contains(orderNo)).toList();
    // the order and its tickets in one statement, to the one physical pair of binding tables
    List<String> orderReads = actual.stream().filter(m -> m.contains("FROM t_order_")).toList();
    long no = Long.parseLong(orderNo);
    String node = "ds_" + OrderShards.databaseIndex(no) + " ::: ";
    assertThat(orderReads).hasSize(1);
    assertThat(orderReads.get(0)).contains(node)
        .contains("t_order_" + OrderShards.tableIndex(no) + " ")
        .contains("t_order_ticket_" + OrderShards.tableIndex(no) + " ");
    // and the user id routes to the very same node
    assertThat(OrderShards.databaseIndex(user)).isEqualTo(OrderShards.databaseIndex(no));
    assertThat(OrderShards.tableIndex(user)).isEqualTo(OrderShards.tableIndex(no));
  }
}
