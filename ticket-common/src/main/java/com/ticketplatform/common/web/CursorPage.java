package com.ticketplatform.common.web;

import java.util.List;

/** One page of a cursor-paged list; {@code nextCursor} is null on the last page. */
public record CursorPage<T>(List<T> items, String nextCursor) {

  public CursorPage {
    items = List.copyOf(items);
  }
}
