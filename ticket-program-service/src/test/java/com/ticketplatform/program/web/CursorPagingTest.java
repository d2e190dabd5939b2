package com.ticketplatform.program.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The paging edges the program list relies on (LIMIT size + 1, id-descending cursor). */
class CursorPagingTest {

  @Test
  void lastPageHasNoCursorAndAFullPageHasOne() {
    PageRequest page = PageRequest.of(null, 2);
    CursorPage<Long> last = page.page(List.of(9L, 8L), String::valueOf);
    assertThat(last.nextCursor()).isNull();
    CursorPage<Long> more = page.page(List.of(9L, 8L, 7L), String::valueOf);
    assertThat(more.items()).containsExactly(9L, 8L);
    assertThat(PageRequest.of(more.nextCursor(), 2).afterLong()).isEqualTo(8L);
  }

  @Test
  void sizeBoundsAreEnforced() {
    assertThat(PageRequest.of(null, null).size()).isEqualTo(20);
    assertThat(PageRequest.of(null, 100).size()).isEqualTo(100);
    assertThatThrownBy(() -> PageRequest.of(null, 101)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> PageRequest.of(null, 0)).isInstanceOf(ApiException.class);
  }

  @Test
  void foreignOrNonNumericCursorsAreRejected() {
    assertThatThrownBy(() -> PageRequest.of("not-a-cursor!", 5)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> PageRequest.of(PageRequest.encode("abc"), 5).afterLong())
        .isInstanceOf(ApiException.class);
  }
}
