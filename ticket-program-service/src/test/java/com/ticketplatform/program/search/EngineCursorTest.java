package com.ticketplatform.program.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.web.PageRequest;
import org.junit.jupiter.api.Test;

class EngineCursorTest {

  private static String raw(String encoded) {
    return PageRequest.of(encoded, null).after();
  }

  @Test
  void roundTripsTheRankingTimeScoreAndId() {
    ProgramSearch.EngineCursor cursor = new ProgramSearch.EngineCursor(1_790_000_000_000L, 1.2345678f, 42L);
    String encoded = cursor.encode();
    assertThat(encoded).doesNotContain(":").doesNotContain("=");
    assertThat(ProgramSearch.EngineCursor.parse(raw(encoded))).isEqualTo(cursor);
  }

  @Test
  void aCursorThatDoesNotParseIsABadCursor() {
    for (String forged : new String[] {"es:", "es:1:2", "es:x:1.0:3", "es:1:NaN:3", "es:1:1.0:3:4", "es:1:1.0:x"}) {
      assertThatThrownBy(() -> ProgramSearch.EngineCursor.parse(forged)).as(forged)
          .isInstanceOf(ApiException.class)
          .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("BAD_CURSOR"));
    }
  }
}
