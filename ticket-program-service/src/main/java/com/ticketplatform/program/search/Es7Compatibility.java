package com.ticketplatform.program.search;

import org.apache.http.Header;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;

/**
 * Lets the 8.x Java client talk to the Elasticsearch 7.10 engine of the local platform (docs/ARCHITECTURE.md
 * §7), which rejects the client's versioned media type and does not send the product header the client
 * insists on. Only the local profile turns it on ({@code ticket.search.es7-compat=true}); against Elasticsearch 8
 * (docker-compose) it is off.
 */
final class Es7Compatibility {

  static final String VERSIONED_MEDIA_TYPE = "application/vnd.elasticsearch+json";
  static final String PRODUCT_HEADER = "X-Elastic-Product";

  private Es7Compatibility() {}

  static HttpAsyncClientBuilder adapt(HttpAsyncClientBuilder builder) {
    builder.addInterceptorLast((HttpRequestInterceptor) (request, context) -> {
      for (String name : new String[] {"Content-Type", "Accept"}) {
        Header header = request.getFirstHeader(name);
        if (header != null && header.getValue().startsWith(VERSIONED_MEDIA_TYPE)) {
          request.setHeader(name, "application/json");
        }
      }
    });
    builder.addInterceptorLast((HttpResponseInterceptor) (response, context) -> {
      if (!response.containsHeader(PRODUCT_HEADER)) {
        response.addHeader(PRODUCT_HEADER, "Elasticsearch");
      }
    });
    return builder;
  }
}
