package com.ticketplatform.order.sharding;

import com.ticketplatform.starter.sharding.GeneShardingAlgorithm;

/**
 * Where an order lives (sharding/order-sharding.yaml): database {@code ticket_order_<gene % 2>}, table
 * {@code t_order_<(gene / 2) % 4>}, the gene being the buyer's, which every order number made for them carries.
 */
public final class OrderShards {

  public static final int DATABASES = 2;
  public static final int TABLES_PER_DATABASE = 4;

  private OrderShards() {}

  public static int databaseIndex(long userIdOrOrderNo) {
    return GeneShardingAlgorithm.index(userIdOrOrderNo, 1, DATABASES);
  }

  public static int tableIndex(long userIdOrOrderNo) {
    return GeneShardingAlgorithm.index(userIdOrOrderNo, DATABASES, TABLES_PER_DATABASE);
  }
}
