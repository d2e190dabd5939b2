package com.ticketplatform.starter.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.common.id.SnowflakeIdGenerator;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;
import org.junit.jupiter.api.Test;

class GeneShardingAlgorithmTest {

  private static final List<String> TABLES = List.of("t_comment_0", "t_comment_1", "t_comment_2", "t_comment_3");
  private final GeneShardingAlgorithm algorithm = algorithm("4", null);
  private final SnowflakeIdGenerator ids = new SnowflakeIdGenerator(Clock.systemUTC(), 1);

  @Test
  void programIdModFourPicksTheTable() {
    assertThat(route(key("program_id", 10L))).containsExactly("t_comment_2");
    assertThat(route(key("program_id", 1_000_003L))).containsExactly("t_comment_3");
  }

  @Test
  void aCommentIdMadeForAProgramRoutesLikeTheProgram() {
    for (long programId = 1_000; programId < 1_300; programId++) {
      long commentId = ids.nextIdFor(programId);
      assertThat(route(key("id", commentId)))
          .containsExactly("t_comment_" + programId % 4);
    }
  }

  @Test
  void withoutAKeyEveryTableIsScanned() {
    assertThat(route(Map.of())).containsExactlyElementsOf(TABLES);
  }

  @Test
  void twoLevelsTakeDifferentBitsOfOneGene() {
    GeneShardingAlgorithm databases = algorithm("2", null);
    GeneShardingAlgorithm tables = algorithm("4", "2");
    List<String> ds = List.of("ds_0", "ds_1");
    List<String> orders = List.of("t_order_0", "t_order_1", "t_order_2", "t_order_3");
    for (long userId = 5_000; userId < 5_064; userId++) {
      long orderNo = ids.nextIdFor(userId);
      long gene = SnowflakeIdGenerator.geneOf(userId);
      assertThat(databases.doSharding(ds, new ComplexKeysShardingValue<>("t_order", key("order_no", orderNo), Map.of())))
          .containsExactly("ds_" + gene % 2);
      assertThat(tables.doSharding(orders, new ComplexKeysShardingValue<>("t_order",
          Map.of("user_id", List.<Comparable<?>>of(userId), "order_no", List.<Comparable<?>>of(orderNo)), Map.of())))
          .as("both columns agree").containsExactly("t_order_" + (gene / 2) % 4);
    }
  }

  @Test
  void aTargetCountIsRequired() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> algorithm(null, null))
        .hasMessageContaining("modulus");
  }

  private static GeneShardingAlgorithm algorithm(String modulus, String divisor) {
    java.util.Properties props = new java.util.Properties();
    if (modulus != null) {
      props.setProperty("modulus", modulus);
    }
    if (divisor != null) {
      props.setProperty("divisor", divisor);
    }
    GeneShardingAlgorithm algorithm = new GeneShardingAlgorithm();
    algorithm.init(props);
    return algorithm;
  }

  private static Map<String, Collection<Comparable<?>>> key(String column, long value) {
    return Map.of(column, List.<Comparable<?>>of(value));
  }

  private Collection<String> route(Map<String, Collection<Comparable<?>>> values) {
    return algorithm.doSharding(TABLES, new ComplexKeysShardingValue<>("t_comment", values, Map.of()));
  }
}
