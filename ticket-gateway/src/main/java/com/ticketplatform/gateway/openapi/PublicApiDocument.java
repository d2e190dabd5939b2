package com.ticketplatform.gateway.openapi;

import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.gateway.security.PublicRoutes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI documents into the one public document clients are generated from
 * (docs/ARCHITECTURE.md §6): every path of every service, each operation tagged with its service and marked with the
 * security the gateway really applies (bearer JWT, or none where {@link PublicRoutes} lets anyone in). Schemas of the
 * same name and content are shared; a name two services use for different shapes is prefixed with each one's service
 * ({@code OrderSeatView}, {@code ProgramSeatView}) and every reference rewritten. Plain functions over JSON trees, so
 * the merge is tested without a running platform.
 */
public final class PublicApiDocument {

  static final String SECURITY_SCHEME = "bearer";
  private static final String REF_PREFIX = "#/components/schemas/";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private PublicApiDocument() {}

  /** One service's document, as fetched from it. */
  public record ServiceDocument(String service, String json) {}

  public static ObjectNode merge(ObjectMapper mapper, List<ServiceDocument> documents) {
    // one census over the documents as the services gave them: which schema names mean what, which operation ids
    // repeat (springdoc makes them unique per service only)
    Map<String, Map<String, JsonNode>> variants = new HashMap<>();
    Map<String, Integer> operationIds = new HashMap<>();
    for (ServiceDocument document : documents) {
      JsonNode doc = mapper.readTree(document.json());
      for (Map.Entry<String, JsonNode> schema : doc.path("components").path("schemas").properties()) {
        variants.computeIfAbsent(schema.getKey(), k -> new LinkedHashMap<>())
            .put(document.service(), schema.getValue());
      }
      for (JsonNode item : doc.path("paths")) {
        for (Map.Entry<String, JsonNode> operation : item.properties()) {
          if (METHODS.contains(operation.getKey()) && operation.getValue().has("operationId")) {
            operationIds.merge(operation.getValue().path("operationId").asString(), 1, Integer::sum);
          }
        }
      }
    }

    ObjectNode merged = mapper.createObjectNode();
    merged.put("openapi", "3.0.1");
    merged.putObject("info")
        .put("title", "Ticket platform API")
        .put("version", "v1")
        .put("description", "Every public operation of the platform, as the gateway serves it. Ids are strings of"
            + " digits; errors are RFC 9457 problems (application/problem+json) with a stable `code`.");
    merged.putArray("servers").addObject().put("url", "/").put("description", "the gateway");
    ObjectNode paths = merged.putObject("paths");
    ObjectNode components = merged.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    components.putObject("securitySchemes").putObject(SECURITY_SCHEME)
        .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
        .put("description", "the accessToken of POST /api/users/login or /api/users/token/refresh");
    ArrayNode tags = merged.putArray("tags");

    for (ServiceDocument document : documents) {
      String json = document.json();
      Map<String, String> renames = renames(document.service(), variants);
      for (Map.Entry<String, String> rename : renames.entrySet()) {
        json = json.replace("\"" + REF_PREFIX + rename.getKey() + "\"", "\"" + REF_PREFIX + rename.getValue() + "\"");
      }
      JsonNode doc = mapper.readTree(json);
      for (Map.Entry<String, JsonNode> schema : doc.path("components").path("schemas").properties()) {
        schemas.set(renames.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue());
      }
      tags.addObject().put("name", document.service());
      for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
        ObjectNode item = (ObjectNode) path.getValue();
        for (Map.Entry<String, JsonNode> operation : item.properties()) {
          if (METHODS.contains(operation.getKey())) {
            ObjectNode op = (ObjectNode) operation.getValue();
            String operationId = op.path("operationId").asString("");
            if (operationIds.getOrDefault(operationId, 0) > 1) {
              // "list" in three services: each becomes its service's ("orderList", "advertList", ...)
              op.put("operationId", uncapitalise(prefix(document.service())) + capitalise(operationId));
            }
            secure(op, operation.getKey(), path.getKey());
            ArrayNode operationTags = ((ObjectNode) operation.getValue()).putArray("tags");
            operationTags.add(document.service());
          }
        }
        if (paths.has(path.getKey())) {
          throw new IllegalStateException(path.getKey() + " is documented by two services");
        }
        paths.set(path.getKey(), item);
      }
    }
    return merged;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String uncapitalise(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** The security the gateway applies to this operation. */
  private static void secure(ObjectNode operation, String method, String path) {
    ArrayNode security = operation.putArray("security");
    if (!PublicRoutes.isAnonymous(method.toUpperCase(Locale.ROOT), path)) {
      security.addObject().putArray(SECURITY_SCHEME);
    }
  }

  /** Names this service's schemas take in the merged document: only names used differently elsewhere change. */
  private static Map<String, String> renames(String service, Map<String, Map<String, JsonNode>> variants) {
    Map<String, String> renames = new HashMap<>();
    for (Map.Entry<String, Map<String, JsonNode>> name : variants.entrySet()) {
      Map<String, JsonNode> byService = name.getValue();
      if (byService.containsKey(service) && new ArrayList<>(byService.values()).stream().distinct().count() > 1) {
        renames.put(name.getKey(), prefix(service) + name.getKey());
      }
    }
    return renames;
  }

  /** {@code ticket-order-service} → {@code Order}. */
  static String prefix(String service) {
    String core = service.replaceFirst("^ticket-", "").replaceFirst("-service$", "");
    StringBuilder prefix = new StringBuilder();
    for (String part : core.split("-")) {
      prefix.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return prefix.toString();
  }

  /** How long a merged document is served before the services are asked again. */
  static final Duration CACHE = Duration.ofSeconds(30);

  static final String UNAVAILABLE = ErrorCodes.SERVICE_UNAVAILABLE;
}
