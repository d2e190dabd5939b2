package com.ticketplatform.user.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.starter.keys.JdbcKeyRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The service's own migration creates {@code t_key} exactly as the starter's key ring expects it. */
class KeyTableTest {

  @Test
  void theMigrationCreatesTheStartersKeyTable() throws IOException {
    String migration = Files.readString(Path.of("../sql/user/V2__key_ring.sql"));

    assertThat(statement(migration)).isEqualTo(statement(JdbcKeyRows.createTable()));
  }

  private static String statement(String sql) {
    return sql.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining(" "))
        .replaceAll("\\s+", " ").strip();
  }
}
