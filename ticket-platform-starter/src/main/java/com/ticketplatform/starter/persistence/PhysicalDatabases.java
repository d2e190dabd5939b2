package com.ticketplatform.starter.persistence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The physical databases behind a service's one logical DataSource, by the name the sharding rules give them
 * ({@code ds}, or {@code ds_0}, {@code ds_1} …). They are deliberately not DataSource beans — the application sees one
 * DataSource — and are handed to what must visit every database itself: the outbox relay and the retention purges
 * (a {@code DELETE … LIMIT} through ShardingSphere would fan out and report one count).
 */
public final class PhysicalDatabases implements AutoCloseable {

  /** One physical database: its name in the sharding rules, its schema without the environment's suffix. */
  public record Database(String name, String schema, DataSource dataSource) {}

  private final Map<String, Database> byName;

  public PhysicalDatabases(List<Database> databases) {
    Map<String, Database> map = new LinkedHashMap<>();
    databases.forEach(d -> map.put(d.name(), d));
    this.byName = Collections.unmodifiableMap(map);
  }

  /** A service with one plain schema and no sharding layer. */
  public static PhysicalDatabases single(String schema, DataSource dataSource) {
    return new PhysicalDatabases(List.of(new Database("ds", schema, dataSource)));
  }

  public List<Database> all() {
    return List.copyOf(byName.values());
  }

  public List<DataSource> dataSources() {
    return byName.values().stream().map(Database::dataSource).toList();
  }

  /** By rule name, in order: what ShardingSphere is built on. */
  public Map<String, DataSource> byName() {
    Map<String, DataSource> map = new LinkedHashMap<>();
    byName.forEach((name, d) -> map.put(name, d.dataSource()));
    return map;
  }

  @Override
  public void close() throws Exception {
    for (Database d : byName.values()) {
      if (d.dataSource() instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }
}
