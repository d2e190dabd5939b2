package com.ticketplatform.program.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.RequestOptions;
import org.springframework.stereotype.Component;

/**
 * The program index on the engine: concrete indices {@code <alias>-<millis>} behind a read alias, at most one of
 * them also carrying the building alias while a full rebuild fills it. Documents are written with external versions
 * ({@code external_gte}): a write that carries an older version than the stored document is refused by the engine,
 * which is how a late, old event never overwrites a newer document.
 */
@Component
public class SearchIndex {

  /** Searches: the short timeouts of {@code spring.elasticsearch.*}, so a stuck engine costs a caller little. */
  private final ElasticsearchClient searches;
  /** Index upkeep (create, alias swaps, bulk writes): a cold engine may take seconds to create an index. */
  private final ElasticsearchClient client;
  private final SearchProperties properties;
  private final Clock clock;

  public SearchIndex(ElasticsearchClient client, SearchProperties properties, Clock clock) {
    this.searches = client;
    this.client = client.withTransportOptions(patient(client, properties.upkeepTimeout()));
    this.properties = properties;
    this.clock = clock;
  }

  private static RestClientOptions patient(ElasticsearchClient client, Duration timeout) {
    RequestOptions base = client._transportOptions() instanceof RestClientOptions options
        ? options.restClientRequestOptions() : RequestOptions.DEFAULT;
    return new RestClientOptions(base.toBuilder().setRequestConfig(RequestConfig.custom()
        .setConnectTimeout(2000).setSocketTimeout((int) timeout.toMillis()).build()).build(), false);
  }

  public String alias() {
    return properties.index();
  }

  /** Concrete index → its aliases, for every index of this alias family. */
  Map<String, Set<String>> indices() throws IOException {
    GetAliasResponse response = client.indices().getAlias(g -> g.index(alias() + "-*").allowNoIndices(true));
    Map<String, Set<String>> out = new java.util.TreeMap<>();
    response.result().forEach((index, aliases) -> out.put(index, new TreeSet<>(aliases.aliases().keySet())));
    return out;
  }

  public boolean exists() throws IOException {
    return indices().values().stream().anyMatch(aliases -> aliases.contains(alias()));
  }

  /** Where events go: the index searches read and, during a rebuild, the one being built. */
  public Set<String> writeTargets() throws IOException {
    Set<String> targets = new TreeSet<>();
    indices().forEach((index, aliases) -> {
      if (aliases.contains(alias()) || aliases.contains(properties.buildingAlias())) {
        targets.add(index);
      }
    });
    return targets;
  }

  /** Creates an empty index and marks it as being built, so events reach it from now on. */
  public String createBuilding() throws IOException {
    String name = alias() + "-" + clock.millis();
    client.indices().create(c -> c.index(name)
        .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
        .aliases(properties.buildingAlias(), a -> a)
        .mappings(m -> m.dynamic(DynamicMapping.False)
            .properties("programId", p -> p.long_(l -> l))
            .properties("title", p -> p.text(t -> t))
            .properties("description", p -> p.text(t -> t))
            .properties("cast", p -> p.text(t -> t))
            .properties("category", p -> p.keyword(k -> k))
            .properties("cities", p -> p.keyword(k -> k))
            .properties("cinemas", p -> p.keyword(k -> k))
            .properties("nextShowtime", p -> p.date(d -> d))
            .properties("showtimes", p -> p.nested(n -> n
                .properties("showtimeId", q -> q.long_(l -> l))
                .properties("startsAt", q -> q.date(d -> d))
                .properties("cinemaId", q -> q.long_(l -> l))
                .properties("cinemaName", q -> q.keyword(k -> k))
                .properties("city", q -> q.keyword(k -> k))))));
    return name;
  }

  /**
   * Points the read alias at the freshly built index in one atomic alias update (searches see the old index or the
   * new one, never a half-filled one), then drops every other index of the family: the one it replaced and any left
   * over by a rebuild that died half-way.
   */
  public void swapIn(String built) throws IOException {
    client.indices().refresh(r -> r.index(built));
    Map<String, Set<String>> before = indices();
    List<Action> actions = new ArrayList<>();
    before.forEach((index, aliases) -> {
      if (!index.equals(built) && aliases.contains(alias())) {
        actions.add(Action.of(a -> a.remove(r -> r.index(index).alias(alias()))));
      }
    });
    actions.add(Action.of(a -> a.add(add -> add.index(built).alias(alias()))));
    actions.add(Action.of(a -> a.remove(r -> r.index(built).alias(properties.buildingAlias()))));
    client.indices().updateAliases(u -> u.actions(actions));
    for (Map.Entry<String, Set<String>> old : before.entrySet()) {
      if (!old.getKey().equals(built)) {
        client.indices().delete(d -> d.index(old.getKey()).ignoreUnavailable(true));
      }
    }
  }

  /** Drops an index whose rebuild failed half-way. */
  public void discard(String index) throws IOException {
    client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
  }

  public long count() throws IOException {
    return client.count(c -> c.index(alias())).count();
  }

  public void refresh() throws IOException {
    client.indices().refresh(r -> r.index(alias()));
  }

  /**
   * Writes documents and deletions to every target in one bulk request. Version conflicts mean the target already
   * holds a newer document: that is success. Any other refused item fails the call.
   */
  public void write(Collection<ProgramDocument> upserts, Map<Long, Long> deletesWithVersion, Collection<String> targets)
      throws IOException {
    if (targets.isEmpty() || (upserts.isEmpty() && deletesWithVersion.isEmpty())) {
      return;
    }
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (String target : targets) {
      for (ProgramDocument doc : upserts) {
        bulk.operations(op -> op.index(i -> i.index(target).id(Long.toString(doc.programId())).document(doc)
            .version(doc.version()).versionType(VersionType.ExternalGte)));
      }
      deletesWithVersion.forEach((programId, version) -> bulk.operations(op -> op.delete(d -> d.index(target)
          .id(Long.toString(programId)).version(version).versionType(VersionType.ExternalGte))));
    }
    BulkResponse response = client.bulk(bulk.build());
    if (!response.errors()) {
      return;
    }
    for (BulkResponseItem item : response.items()) {
      if (item.error() != null && item.status() != 409 && item.status() != 404) {
        throw new IndexingRefused(item.status(), item.index() + "/" + item.id() + ": " + item.error().reason());
      }
    }
  }

  public SearchResponse<ProgramDocument> search(SearchRequest request) throws IOException {
    return searches.search(request, ProgramDocument.class);
  }

  /** The engine refused a document; retrying helps only when it was overloaded or failing (429, 5xx). */
  public static class IndexingRefused extends RuntimeException {
    private final int status;

    IndexingRefused(int status, String reason) {
      super("the search engine refused a document (" + status + "): " + reason);
      this.status = status;
    }

    public boolean retryable() {
      return status == 429 || status >= 500;
    }
  }
}
