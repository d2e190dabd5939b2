package com.ticketplatform.starter.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The key rows in the service's own {@code t_key} table, on its DataSource (behind ShardingSphere a single table).
 * The table is created by the service's own Flyway migration with the statement of {@link #createTable()}
 * ({@code t_key.sql} beside this class). DATETIME(3) columns hold UTC wall time.
 */
public final class JdbcKeyRows implements KeyRows {

  /** The classpath resource with the table's DDL. */
  public static final String DDL_RESOURCE = "com/ticketplatform/starter/keys/t_key.sql";

  private static final String COLUMNS =
      "kid, purpose, generation, wrapped_secret, public_part, active_from, created_at";

  private final JdbcTemplate jdbc;

  public JdbcKeyRows(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public List<StoredKey> generations(String purpose) {
    return jdbc.query("SELECT " + COLUMNS + " FROM t_key WHERE purpose = ? ORDER BY generation", JdbcKeyRows::row,
        purpose);
  }

  @Override
  public boolean insert(StoredKey key) {
    try {
      return jdbc.update("INSERT INTO t_key (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", key.kid(), key.purpose(),
          key.generation(), key.wrappedSecret(), key.publicPart(), utc(key.activeFrom()), utc(key.createdAt())) == 1;
    } catch (DuplicateKeyException raced) {
      return false;
    }
  }

  @Override
  public boolean rewrap(String kid, String stale, String fresh) {
    return jdbc.update("UPDATE t_key SET wrapped_secret = ? WHERE kid = ? AND wrapped_secret = ?", fresh, kid,
        stale) == 1;
  }

  /** The {@code CREATE TABLE t_key} statement a service puts in one of its migrations (without the comments). */
  public static String createTable() {
    try (InputStream in = JdbcKeyRows.class.getClassLoader().getResourceAsStream(DDL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DDL_RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.strip().startsWith("--"))
          .collect(Collectors.joining("\n"))
          .strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StoredKey row(ResultSet rs, int rowNum) throws SQLException {
    return new StoredKey(rs.getString("kid"), rs.getString("purpose"), rs.getInt("generation"),
        rs.getString("wrapped_secret"), rs.getString("public_part"), instant(rs, "active_from"),
        instant(rs, "created_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
  }
}
