package com.ticketplatform.starter.sharding;

import com.ticketplatform.common.id.SnowflakeIdGenerator;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingAlgorithm;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;

/**
 * Routes by the shard gene (the low 8 bits) of whichever sharding column a statement names: an owner's id, or any id
 * made by {@code nextIdFor(ownerId)}, which carries the same gene (docs/ARCHITECTURE.md §5). Every column gives the
 * same answer, so a lookup by one id alone hits exactly one target. The target is the one whose name ends in
 * {@code _<(gene / divisor) % modulus>}: properties {@code modulus} (how many targets) and {@code divisor} (1 by
 * default; a table level below a database level of N uses N, so the two levels take different bits of the gene).
 * Without an equality on a sharding column every target is returned (broadcast); several columns in one statement
 * must agree (their targets intersect).
 */
public final class GeneShardingAlgorithm implements ComplexKeysShardingAlgorithm<Comparable<?>> {

  private Properties props = new Properties();
  private int divisor = 1;
  private int modulus;

  @Override
  public void init(Properties props) {
    this.props = props;
    this.divisor = Integer.parseInt(props.getProperty("divisor", "1"));
    this.modulus = Integer.parseInt(props.getProperty("modulus", "0"));
    if (divisor < 1 || modulus < 1) {
      throw new IllegalArgumentException("gene sharding needs modulus >= 1 and divisor >= 1, was modulus=" + modulus
          + " divisor=" + divisor);
    }
  }

  /** The target index of an id: {@code (gene / divisor) % modulus}. */
  public static int index(long keyOrId, int divisor, int modulus) {
    return (SnowflakeIdGenerator.geneOf(keyOrId) / divisor) % modulus;
  }

  @Override
  public Collection<String> doSharding(Collection<String> availableTargetNames,
      ComplexKeysShardingValue<Comparable<?>> shardingValue) {
    Set<Integer> indexes = null;
    for (Collection<Comparable<?>> values : shardingValue.getColumnNameAndShardingValuesMap().values()) {
      Set<Integer> forColumn = new LinkedHashSet<>();
      for (Comparable<?> value : values) {
        forColumn.add(index(((Number) value).longValue(), divisor, modulus));
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
    return "TICKET_GENE";
  }
}
