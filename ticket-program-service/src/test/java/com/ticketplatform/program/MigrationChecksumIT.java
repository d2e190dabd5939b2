package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.program.support.IntegrationTestBase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A schema migrated before V1's comment-only change still validates: its recorded checksum is moved from exactly the
 * old file's to exactly the new file's, and nothing else is touched.
 */
class MigrationChecksumIT extends IntegrationTestBase {

  @Autowired
  Flyway flyway;

  private Integer v1Checksum() {
    return jdbc.queryForObject("SELECT checksum FROM flyway_schema_history WHERE version = '1'", Integer.class);
  }

  @Test
  void aSchemaMigratedBeforeTheCommentOnlyChangeStillValidates() {
    jdbc.update("UPDATE flyway_schema_history SET checksum = ? WHERE version = '1'", 2031137938);

    flyway.validate();

    assertThat(v1Checksum()).isEqualTo(1861699533);
  }

  @Test
  void anyOtherMismatchIsStillRefused() {
    jdbc.update("UPDATE flyway_schema_history SET checksum = ? WHERE version = '1'", 12345);
    try {
      assertThat(flyway.validateWithResult().validationSuccessful).isFalse();
      assertThat(v1Checksum()).isEqualTo(12345);
    } finally {
      jdbc.update("UPDATE flyway_schema_history SET checksum = ? WHERE version = '1'", 1861699533);
    }
  }
}
