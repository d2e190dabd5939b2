package com.ticketplatform.starter.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcKeyRowsTest {

  @Test
  void theTableAServiceCreatesHoldsEveryColumnTheRowsUse() {
    String ddl = JdbcKeyRows.createTable();

    assertThat(ddl).startsWith("CREATE TABLE t_key (").endsWith(";").doesNotContain("--");
    assertThat(ddl).contains("kid            VARCHAR(64)  NOT NULL PRIMARY KEY",
        "purpose        VARCHAR(" + KeyRing.MAX_PURPOSE_LENGTH + ")  NOT NULL", "generation", "wrapped_secret",
        "public_part", "active_from", "created_at", "UNIQUE KEY uk_key_purpose_generation (purpose, generation)");
  }
}
