package com.ticketplatform.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BannedWordsFilterTest {

  private final BannedWordsFilter filter = new BannedWordsFilter(List.of("scam", "Ass", "rip off", " "));

  @Test
  void matchesWholeWordsCaseInsensitively() {
    assertThat(filter.firstMatch("What a SCAM!")).contains("scam");
    assertThat(filter.firstMatch("ass.")).isPresent();
    assertThat(filter.firstMatch("(Scam)")).isPresent();
  }

  @Test
  void ignoresWordsInsideOtherWords() {
    assertThat(filter.firstMatch("a classic, first-class passage; no scammers here")).isEmpty();
    assertThat(filter.firstMatch("scam2")).isEmpty();
  }

  @Test
  void matchesPhrasesWithAnySpacingAndFullWidthForms() {
    assertThat(filter.firstMatch("total rip   off")).isPresent();
    assertThat(filter.firstMatch("ＳＣＡＭ")).isPresent();
    assertThat(filter.firstMatch("ripoff")).isEmpty();
  }

  @Test
  void emptyListAllowsEverything() {
    assertThat(new BannedWordsFilter(List.of()).firstMatch("scam")).isEmpty();
    assertThat(filter.firstMatch(null)).isEmpty();
  }
}
