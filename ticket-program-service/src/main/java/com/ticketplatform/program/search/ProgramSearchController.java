package com.ticketplatform.program.search;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public program list: search over the catalogue. */
@RestController
public class ProgramSearchController {

  private final ProgramSearch search;

  public ProgramSearchController(ProgramSearch search) {
    this.search = search;
  }

  /** Program search: ranked by the search engine, or by MySQL (newest first, degraded) while it is unavailable. */
  @GetMapping("/api/programs")
  public ProgramSearchPage search(@RequestParam(required = false) String keyword,
      @RequestParam(required = false) String city, @RequestParam(required = false) String category,
      @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
    return search.search(keyword, city, category, cursor, size);
  }
}
