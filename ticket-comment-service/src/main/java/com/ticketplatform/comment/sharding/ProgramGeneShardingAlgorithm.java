package com.ticketplatform.comment.sharding;

import com.ticketplatform.common.id.SnowflakeIdGenerator;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingAlgorithm;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;

/**
 * Routes comment rows to {@code <table>_<program_id % 4>}. Comment ids are made with
 * {@code nextIdFor(programId)}, so their low 8 bits (the shard gene) equal the program id's and {@code gene % 4}
 * is the same table: a statement naming only the comment id (moderation by id) still hits exactly one table.
 * Without an equality on either column every table is returned (broadcast).
 */
public final class ProgramGeneShardingAlgorithm implements ComplexKeysShardingAlgorithm<Comparable<?>> {

  public static final int TABLES = 4;

  private Properties props = new Properties();

  public static int tableIndex(long programIdOrCommentId) {
    return SnowflakeIdGenerator.geneOf(programIdOrCommentId) % TABLES;
  }

  @Override
  public void init(Properties props) {
    this.props = props;
  }

  @Override
  public Collection<String> doSharding(Collection<String> availableTargetNames,
      ComplexKeysShardingValue<Comparable<?>> shardingValue) {
    Set<Integer> indexes = null;
    for (Collection<Comparable<?>> values : shardingValue.getColumnNameAndShardingValuesMap().values()) {
      Set<Integer> forColumn = new LinkedHashSet<>();
      for (Comparable<?> value : values) {
        forColumn.add(tableIndex(((Number) value).longValue()));
      }
      if (indexes == null) {
        indexes = forColumn;
      } else {
        indexes.retainAll(forColumn);
      }
    }
    if (indexes == null) {
      return availableTargetNames;
    }
    Set<String> result = new LinkedHashSet<>();
    for (String target : availableTargetNames) {
      for (int index : indexes) {
        if (target.endsWith("_" + index)) {
          result.add(target);
        }
      }
    }
    return result;
  }

  public Properties getProps() {
    return props;
  }

  @Override
  public String getType() {
    return "TICKET_PROGRAM_GENE";
  }
}
