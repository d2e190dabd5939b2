package com.ticketplatform.notify.preference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

  @Test
  void theClientsFirstSupportedLanguageWins() {
    assertThat(Language.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).contains(Language.ZH_CN);
    assertThat(Language.fromAcceptLanguage("fr-FR, en-GB;q=0.7, zh;q=0.5")).contains(Language.EN);
    assertThat(Language.fromAcceptLanguage("zh-TW")).contains(Language.ZH_CN);
    assertThat(Language.fromAcceptLanguage("fr, de")).isEmpty();
    assertThat(Language.fromAcceptLanguage("not a ; header ;;")).isEmpty();
    assertThat(Language.fromAcceptLanguage(null)).isEmpty();
  }

  @Test
  void aChosenLanguageIsOneOfTheTwoTags() {
    assertThat(Language.ofTag("zh-cn")).contains(Language.ZH_CN);
    assertThat(Language.ofTag("en")).contains(Language.EN);
    assertThat(Language.ofTag("zh")).isEmpty();
    assertThat(Language.ofTag("")).isEmpty();
  }
}
