package com.ticketplatform.program.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import com.ticketplatform.program.program.Category;
import com.ticketplatform.program.program.ProgramService;
import com.ticketplatform.program.program.ProgramSummary;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Program search on the engine: relevance (title weighs most, fuzzy, so a typo still finds) times a boost for an
 * upcoming showtime that fades with its distance from now, highlights and facets, paged with search_after.
 *
 * <p>When the engine is down or slow (short client timeouts) the same request is answered by the MySQL query with
 * {@code degraded=true}; after repeated failures a circuit breaker skips the engine for a while, so a dead engine
 * does not cost every request a timeout. A cursor remembers where its list came from: an engine cursor carries the
 * ranking's "now" so every page ranks alike, a MySQL cursor keeps paging MySQL.
 */
@Service
public class ProgramSearch {

  static final String CURSOR_PREFIX = "es:";
  private static final Logger log = LoggerFactory.getLogger(ProgramSearch.class);

  private final SearchIndex index;
  private final ProgramService programs;
  private final SearchProperties properties;
  private final Clock clock;
  private final CircuitBreaker breaker;
  private final Counter degraded;

  public ProgramSearch(SearchIndex index, ProgramService programs, SearchProperties properties, Clock clock,
      MeterRegistry meters) {
    this.index = index;
    this.programs = programs;
    this.properties = properties;
    this.clock = clock;
    this.breaker = CircuitBreaker.of("program-search", CircuitBreakerConfig.custom()
        .slidingWindowSize(4)
        .minimumNumberOfCalls(2)
        .failureRateThreshold(50)
        .waitDurationInOpenState(properties.breakerOpenFor())
        .permittedNumberOfCallsInHalfOpenState(1)
        .build());
    this.degraded = Counter.builder("ticket.search.degraded")
        .description("program searches answered from MySQL because the search engine was unavailable")
        .register(meters);
  }

  /** The sort position of the last hit of a page, with the ranking's reference time. */
  record EngineCursor(long originMillis, double score, long programId) {

    String encode() {
      return PageRequest.encode(CURSOR_PREFIX + originMillis + ":" + score + ":" + programId);
    }

    static EngineCursor parse(String raw) {
      String[] parts = raw.substring(CURSOR_PREFIX.length()).split(":");
      try {
        if (parts.length != 3) {
          throw new IllegalArgumentException();
        }
        double score = Double.parseDouble(parts[1]);
        if (!Double.isFinite(score)) {
          throw new IllegalArgumentException();
        }
        return new EngineCursor(Long.parseLong(parts[0]), score, Long.parseLong(parts[2]));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(ErrorCodes.BAD_CURSOR, "cursor is not valid for this list");
      }
    }
  }

  public ProgramSearchPage search(String keyword, String city, String category, String cursor, Integer size) {
    PageRequest page = PageRequest.of(cursor, size);
    String kw = blankToNull(keyword);
    String where = blankToNull(city);
    String cat = blankToNull(category);
    if (cat != null && !Category.isKnown(cat)) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "unknown category " + category);
    }
    if (page.after() != null && !page.after().startsWith(CURSOR_PREFIX)) {
      // a list that started in MySQL (while the engine was down) goes on there
      return fromMySql(kw, where, cat, page);
    }
    EngineCursor after = page.after() == null ? null : EngineCursor.parse(page.after());
    try {
      return breaker.executeCheckedSupplier(() -> fromEngine(kw, where, cat, page.size(), after));
    } catch (ApiException e) {
      throw e;
    } catch (Throwable e) {
      degraded.increment();
      log.warn("search engine unavailable, answering from MySQL: {}", e.toString());
      if (after != null) {
        throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
            "search is temporarily limited; start the list again without a cursor");
      }
      return fromMySql(kw, where, cat, page);
    }
  }

  private ProgramSearchPage fromMySql(String keyword, String city, String category, PageRequest page) {
    CursorPage<ProgramSummary> rows = programs.search(keyword, city, category, page);
    List<ProgramHit> items = rows.items().stream().map(p -> new ProgramHit(p.programId(), p.title(), p.category(),
        p.durationMinutes(), p.rating(), p.posterUrl(), null, List.of(), Map.of())).toList();
    return new ProgramSearchPage(items, rows.nextCursor(), true, ProgramSearchPage.Facets.NONE);
  }

  ProgramSearchPage fromEngine(String keyword, String city, String category, int size, EngineCursor after)
      throws IOException {
    Instant origin = after == null ? clock.instant() : Instant.ofEpochMilli(after.originMillis());
    SearchRequest request = SearchRequest.of(s -> {
      s.index(index.alias())
          .size(size + 1)
          .trackTotalHits(t -> t.enabled(false))
          .source(src -> src.filter(f -> f.includes("programId", "title", "category", "durationMinutes", "rating",
              "posterUrl", "nextShowtime", "cities")))
          .query(ranked(keyword, city, category, origin))
          .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
          .sort(o -> o.field(f -> f.field("programId").order(SortOrder.Desc)))
          .highlight(h -> h.preTags("<em>").postTags("</em>")
              .fields("title", f -> f.numberOfFragments(0))
              .fields("description", f -> f.fragmentSize(160).numberOfFragments(2)))
          .aggregations("category", a -> a.terms(t -> t.field("category").size(Category.values().length)))
          .aggregations("city", a -> a.terms(t -> t.field("cities").size(50)));
      if (after != null) {
        s.searchAfter(FieldValue.of(after.score()), FieldValue.of(after.programId()));
      }
      return s;
    });
    SearchResponse<ProgramDocument> response = index.search(request);
    List<Hit<ProgramDocument>> hits = response.hits().hits();
    List<ProgramHit> items = new ArrayList<>();
    for (Hit<ProgramDocument> hit : hits.subList(0, Math.min(size, hits.size()))) {
      ProgramDocument d = hit.source();
      items.add(new ProgramHit(d.programId(), d.title(), d.category(), d.durationMinutes(), d.rating(),
          d.posterUrl(), d.nextShowtime(), d.cities() == null ? List.of() : d.cities(),
          hit.highlight() == null ? Map.of() : Map.copyOf(hit.highlight())));
    }
    String next = null;
    if (hits.size() > size) {
      Hit<ProgramDocument> last = hits.get(size - 1);
      // the engine prints a score as a float, but a whole one may come back as an integer value
      double score = ((Number) last.sort().get(0)._get()).doubleValue();
      next = new EngineCursor(origin.toEpochMilli(), score, last.source().programId()).encode();
    }
    return new ProgramSearchPage(items, next, false,
        new ProgramSearchPage.Facets(buckets(response.aggregations().get("category")),
            buckets(response.aggregations().get("city"))));
  }

  /**
   * score = relevance × (1 + gauss(next showtime)): the boost is at most ×2, so a better text match (title over
   * description) still ranks first, while among equal matches the sooner showtime wins; without a keyword the list
   * is simply upcoming first.
   */
  private Query ranked(String keyword, String city, String category, Instant origin) {
    Query text = keyword == null ? Query.of(q -> q.matchAll(m -> m))
        : Query.of(q -> q.multiMatch(m -> m.query(keyword).fields("title^3", "cast^2", "description")
            .fuzziness("AUTO").prefixLength(1)));
    List<Query> filters = new ArrayList<>();
    if (category != null) {
      filters.add(Query.of(q -> q.term(t -> t.field("category").value(category))));
    }
    if (city != null) {
      filters.add(Query.of(q -> q.nested(n -> n.path("showtimes").query(nq -> nq.bool(b -> b
          .filter(f -> f.term(t -> t.field("showtimes.city").value(city)))
          .filter(f -> f.range(r -> r.date(d -> d.field("showtimes.startsAt").gt(origin.toString())))))))));
    }
    Query matched = Query.of(q -> q.bool(b -> b.must(text).filter(filters)));
    return Query.of(q -> q.functionScore(fs -> fs.query(matched)
        .functions(f -> f.scriptScore(ss -> ss.script(sc -> sc.source("1"))))
        .functions(f -> f.filter(e -> e.exists(x -> x.field("nextShowtime")))
            .gauss(g -> g.untyped(u -> u.field("nextShowtime").placement(p -> p
                .origin(JsonData.of(origin.toString())).scale(JsonData.of(properties.originDecayScale())).decay(0.5)))))
        .scoreMode(FunctionScoreMode.Sum)
        .boostMode(FunctionBoostMode.Multiply)));
  }

  private static List<ProgramSearchPage.Bucket> buckets(Aggregate aggregate) {
    if (aggregate == null || !aggregate.isSterms()) {
      return List.of();
    }
    return aggregate.sterms().buckets().array().stream()
        .map(b -> new ProgramSearchPage.Bucket(b.key().stringValue(), b.docCount())).toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
