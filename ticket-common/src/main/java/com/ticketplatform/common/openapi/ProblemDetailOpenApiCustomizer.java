package com.ticketplatform.common.openapi;

import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.json.PublicIds;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Every operation of every service may answer an RFC 9457 problem (ticket-common's error contract), so each one
 * documents the 4XX and 5XX ranges as {@code application/problem+json} with the stable {@code code} member. Codes an
 * operation documents itself (a specific 409, say) are left as they are.
 */
public class ProblemDetailOpenApiCustomizer implements OpenApiCustomizer {

  static final String SCHEMA = "ProblemDetail";
  static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  /** In this order on every run (a Map.of would change it from one JVM to the next, and the document with it). */
  private static final Map<String, String> RANGES = new LinkedHashMap<>();

  static {
    RANGES.put("4XX",
        "the request was refused: validation, authentication, authorisation, not found, conflict, rate limit");
    RANGES.put("5XX", "the service or one it depends on failed; the request may be retried later");
  }

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getComponents() == null) {
      openApi.setComponents(new Components());
    }
    openApi.getComponents().addSchemas(SCHEMA, problemSchema());
    if (openApi.getPaths() == null) {
      return;
    }
    openApi.getPaths().values().forEach(path -> path.readOperations().forEach(ProblemDetailOpenApiCustomizer::document));
  }

  private static void document(Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    RANGES.forEach((range, description) -> operation.getResponses().putIfAbsent(range, new ApiResponse()
        .description(description)
        .content(new Content().addMediaType(MEDIA_TYPE,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))))));
  }

  @SuppressWarnings("rawtypes")
  private static Schema problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details; clients switch on `code`, never on `detail`")
        .addProperty("type", new StringSchema().format("uri").example("about:blank"))
        .addProperty("title", new StringSchema().example("Conflict"))
        .addProperty("status", new IntegerSchema().example(409))
        .addProperty("detail", new StringSchema().example("some of the requested seats are no longer available"))
        .addProperty("instance", new StringSchema().format("uri-reference").example("/api/orders"))
        .addProperty(ErrorCodes.PROPERTY, new StringSchema()
            .description("stable, machine-readable error code").example("SEATS_TAKEN"))
        // the extension members some problems carry (RFC 9457 §3.2 lets a problem type add members)
        .addProperty("errors", new ObjectSchema().additionalProperties(new StringSchema())
            .description("VALIDATION_FAILED: what is wrong with each field, by field name"))
        .addProperty("retryAfterSeconds", new IntegerSchema()
            .description("429 and 503: when to try again, as the Retry-After header says"))
        .addProperty("seatIds", new ArraySchema().items(new StringSchema().pattern(PublicIds.PATTERN))
            .description("SEATS_TAKEN, UNKNOWN_SEATS: the seats concerned"))
        .additionalProperties(true)
        .addRequiredItem("status")
        .addRequiredItem(ErrorCodes.PROPERTY);
  }
}
