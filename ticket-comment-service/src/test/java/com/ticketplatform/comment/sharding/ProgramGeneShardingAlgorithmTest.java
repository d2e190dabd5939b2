package com.ticketplatform.comment.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.common.id.SnowflakeIdGenerator;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;
import org.junit.jupiter.api.Test;

class ProgramGeneShardingAlgorithmTest {

  private static final List<String> TABLES = List.of("t_comment_0", "t_comment_1", "t_comment_2", "t_comment_3");
  private final ProgramGeneShardingAlgorithm algorithm = new ProgramGeneShardingAlgorithm();
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

  private static Map<String, Collection<Comparable<?>>> key(String column, long value) {
    return Map.of(column, List.<Comparable<?>>of(value));
  }

  private Collection<String> route(Map<String, Collection<Comparable<?>>> values) {
    return algorithm.doSharding(TABLES, new ComplexKeysShardingValue<>("t_comment", values, Map.of()));
  }
}
