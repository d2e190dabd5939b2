package com.ticketplatform.program.search;

import java.util.List;

/**
 * A page of program search. {@code degraded} is true when the search engine could not answer and the page comes
 * from the plain MySQL query (newest first, no facets, no highlights); {@code facets} count the programs of the whole
 * result (not just this page) per category and per city with upcoming showtimes.
 */
public record ProgramSearchPage(List<ProgramHit> items, String nextCursor, boolean degraded, Facets facets) {

  public record Facets(List<Bucket> category, List<Bucket> city) {
    public static final Facets NONE = new Facets(List.of(), List.of());
  }

  public record Bucket(String value, long count) {}
}
