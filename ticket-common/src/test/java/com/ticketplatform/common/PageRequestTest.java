package com.ticketplatform.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void defaultsAndBounds() {
    assertThat(PageRequest.of(null, null).size()).isEqualTo(20);
    assertThat(PageRequest.of("", 100).isFirst()).isTrue();
    for (int bad : new int[] {0, -1, 101}) {
      assertThatThrownBy(() -> PageRequest.of(null, bad))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
    }
  }

  @Test
  void aCursorOfThisServerRoundTripsAndAForgedOneIs400() {
    PageRequest first = PageRequest.of(null, 2);
    CursorPage<Long> page = first.page(List.of(10L, 9L, 8L), String::valueOf);
    assertThat(page.items()).containsExactly(10L, 9L);
    assertThat(PageRequest.of(page.nextCursor(), 2).afterLong()).isEqualTo(9L);
    assertThat(first.page(List.of(1L, 2L), String::valueOf).nextCursor()).isNull();

    for (String forged : new String[] {"not-base64!!", "MTIz", PageRequest.encode("abc")}) {
      assertThatThrownBy(() -> PageRequest.of(forged, 20).afterLong())
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.BAD_CURSOR));
    }
  }
}
