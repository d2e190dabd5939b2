package com.ticketplatform.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BannedWordsTest {

  @Test
  void wordsAreTrimmedAndDuplicatesIgnoringCaseAndWidthDropped() {
    assertThat(BannedWords.validated(List.of(" Scam ", "scam", "ＳＣＡＭ", "rip  off", "café", "cafe")))
        .containsExactly("Scam", "rip  off", "café", "cafe");
    assertThat(BannedWords.validated(List.of())).isEmpty();
  }

  @Test
  void fiveHundredDistinctWordsPassWhateverTheDuplicates() {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      words.add("word" + i);
    }
    words.add("WORD7");
    assertThat(BannedWords.validated(words)).hasSize(500);
    words.add("word500");
    assertThatThrownBy(() -> BannedWords.validated(words)).isInstanceOf(ApiException.class)
        .hasMessageContaining("at most 500 banned words, not 501");
  }

  @Test
  void lengthCountsCharactersNotBytesOrUtf16Units() {
    String sixtyFourEmoji = "😀".repeat(64);
    assertThat(BannedWords.validated(List.of(sixtyFourEmoji))).containsExactly(sixtyFourEmoji);
    assertThat(BannedWords.validated(List.of("坏".repeat(64)))).hasSize(1);
    assertThatThrownBy(() -> BannedWords.validated(List.of("ok", "坏".repeat(65))))
        .hasMessageContaining("word 2 is longer than 64 characters");
  }

  @Test
  void blankOrMissingWordsAreRefused() {
    List<String> withNull = new ArrayList<>(List.of("ok"));
    withNull.add(null);
    assertThatThrownBy(() -> BannedWords.validated(withNull)).hasMessageContaining("word 2 is blank");
    assertThatThrownBy(() -> BannedWords.validated(List.of("\t "))).hasMessageContaining("word 1 is blank");
    assertThatThrownBy(() -> BannedWords.validated(null)).hasMessageContaining("words is required");
  }
}
