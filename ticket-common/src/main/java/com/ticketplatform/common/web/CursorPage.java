package com.ticketplatform.common.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a cursor-paged list; {@code nextCursor} is null on the last page. */
public record CursorPage<T>(List<T> items,
    @Schema(nullable = true, description = "pass as cursor for the next page; null on the last page")
    String nextCursor) {

  public CursorPage {
    items = List.copyOf(items);
  }
}
