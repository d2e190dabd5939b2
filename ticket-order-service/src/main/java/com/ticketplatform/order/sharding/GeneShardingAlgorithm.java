package com.ticketplatform.order.sharding;

import com.ticketplatform.common.id.SnowflakeIdGenerator;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingAlgorithm;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;

/**
 * Routes by the shard gene (the low 8 bits) of whichever sharding column the statement names: the buyer's
 * {@code user_id}, an {@code order_no} made by {@code nextIdFor(userId)}, or any other id carrying that gene. All of
 * them give the same answer, so a lookup by order number alone hits exactly one database and one table.
 *
 * <p>Property {@code target}: {@code database} picks {@code ds_<gene % 2>}; {@code table} picks the physical table
 * ending in {@code _<(gene / 2) % 4>}. Without an equality condition on a sharding column every target is returned
 * (broadcast), which the sweeps rely on.
 */
public final class GeneShardingAlgorithm implements ComplexKeysShardingAlgorithm<Comparable<?>> {

  public static final int DATABASES = 2;
  public static final int TABLES_PER_DATABASE = 4;

  private boolean database = true;
  private Properties props = new Properties();

  @Override
  public void init(Properties props) {
    this.props = props;
    String target = props.getProperty("target", "database");
    if (!"database".equals(target) && !"table".equals(target)) {
      throw new IllegalArgumentException("target must be 'database' or 'table', was " + target);
    }
    this.database = "database".equals(target);
  }

  public static int databaseIndex(long keyOrId) {
    return SnowflakeIdGenerator.geneOf(keyOrId) % DATABASES;
  }

  public static int tableIndex(long keyOrId) {
    return (SnowflakeIdGenerator.geneOf(keyOrId) / DATABASES) % TABLES_PER_DATABASE;
  }

  @Override
  public Collection<String> doSharding(Collection<String> availableTargetNames,
      ComplexKeysShardingValue<Comparable<?>> shardingValue) {
    Set<Integer> indexes = null;
    for (Collection<Comparable<?>> values : shardingValue.getColumnNameAndShardingValuesMap().values()) {
      Set<Integer> forColumn = new LinkedHashSet<>();
      for (Comparable<?> value : values) {
        long key = ((Number) value).longValue();
        forColumn.add(database ? databaseIndex(key) : tableIndex(key));
      }
      // Several columns in one statement (user_id AND order_no) must agree; intersect rather than union.
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
