package com.ticketplatform.program.search;

import org.apache.http.Header;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponseInterceptor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.elasticsearch.RestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets the 8.x Java client talk to the Elasticsearch 7.10 engine of the local platform (DESIGN §7), which rejects the
 * client's versioned media type and does not send the product header the client insists on. Only the local profile
 * turns it on ({@code ticket.search.es7-compat=true}); against Elasticsearch 8 (docker-compose) it is off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ticket.search.es7-compat", havingValue = "true")
public class Es7Compatibility {

  static final String VERSIONED_MEDIA_TYPE = "application/vnd.elasticsearch+json";
  static final String PRODUCT_HEADER = "X-Elastic-Product";

  @Bean
  RestClientBuilderCustomizer es7CompatibilityHeaders() {
    return new RestClientBuilderCustomizer() {
      @Override
      public void customize(org.elasticsearch.client.RestClientBuilder builder) {}

      @Override
      public void customize(org.apache.http.impl.nio.client.HttpAsyncClientBuilder builder) {
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
      }
    };
  }
}
