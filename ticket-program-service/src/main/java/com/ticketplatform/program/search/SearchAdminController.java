package com.ticketplatform.program.search;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin only (the /api/admin/** guard): rebuild the whole index from MySQL without a gap for searches. */
@RestController
public class SearchAdminController {

  private final Reindexer reindexer;

  public SearchAdminController(Reindexer reindexer) {
    this.reindexer = reindexer;
  }

  @PostMapping("/api/admin/search/reindex")
  public Reindexer.Result reindex() {
    try {
      return reindexer.reindex();
    } catch (IOException e) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
          "the search engine is unreachable; try again later");
    }
  }
}
