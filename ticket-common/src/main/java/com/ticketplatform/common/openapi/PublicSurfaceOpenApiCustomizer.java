package com.ticketplatform.common.openapi;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * A service's document describes what a client can call through the gateway, nothing else: no {@code /internal/**}
 * operation (callable only with the internal credential), no header the gateway sets itself (identity, internal
 * credential, forwarding), no {@code caller} argument (resolved from those headers), and no schema left unused.
 */
public class PublicSurfaceOpenApiCustomizer implements OpenApiCustomizer {

  /**
   * Headers the gateway replaces on every routed request (a client's copy never reaches a service), and
   * Authorization, which the document describes once, as its security scheme.
   */
  static final Set<String> GATEWAY_HEADERS = Set.of("x-user-id", "x-user-roles", "x-ticket-internal",
      "x-forwarded-for", "forwarded", "authorization");

  private static final Pattern REF = Pattern.compile("#/components/schemas/([^\"]+)\"");

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getPaths() != null) {
      openApi.getPaths().keySet().removeIf(path -> path.startsWith("/internal/") || path.equals("/internal"));
      openApi.getPaths().values().forEach(item -> {
        if (item.getParameters() != null) {
          item.getParameters().removeIf(PublicSurfaceOpenApiCustomizer::setByTheGateway);
        }
        item.readOperations().forEach(PublicSurfaceOpenApiCustomizer::strip);
      });
    }
    pruneUnusedSchemas(openApi);
  }

  private static void strip(Operation operation) {
    if (operation.getParameters() != null) {
      operation.getParameters().removeIf(PublicSurfaceOpenApiCustomizer::setByTheGateway);
      if (operation.getParameters().isEmpty()) {
        operation.setParameters(null);
      }
    }
  }

  static boolean setByTheGateway(Parameter parameter) {
    String name = parameter.getName() == null ? "" : parameter.getName();
    return ("header".equals(parameter.getIn()) && GATEWAY_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)))
        || ("query".equals(parameter.getIn()) && "caller".equals(name));
  }

  /** Drops schemas nothing refers to any more (those of the internal operations). */
  @SuppressWarnings("rawtypes")
  private static void pruneUnusedSchemas(OpenAPI openApi) {
    if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = openApi.getComponents().getSchemas();
    Set<String> used = new HashSet<>();
    Set<String> frontier = refs(Json31.pretty(openApi.getPaths()));
    while (!frontier.isEmpty()) {
      Set<String> next = new HashSet<>();
      for (String name : frontier) {
        if (used.add(name) && schemas.containsKey(name)) {
          next.addAll(refs(Json31.pretty(schemas.get(name))));
        }
      }
      frontier = next;
    }
    schemas.keySet().removeIf(name -> !used.contains(name));
  }

  private static Set<String> refs(String json) {
    Set<String> names = new HashSet<>();
    Matcher matcher = REF.matcher(json);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
