package com.ticketplatform.common.openapi;

import com.ticketplatform.common.json.PublicIds;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents ids the way {@code PublicIdsModule} writes them ({@link PublicIds}): every integer property or parameter
 * with an id name becomes a string of digits, arrays of them arrays of such strings.
 */
public class PublicIdsOpenApiCustomizer implements OpenApiCustomizer {

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
      openApi.getComponents().getSchemas().values().forEach(PublicIdsOpenApiCustomizer::rewriteProperties);
    }
    if (openApi.getPaths() != null) {
      openApi.getPaths().values().forEach(path -> {
        if (path.getParameters() != null) {
          path.getParameters().forEach(PublicIdsOpenApiCustomizer::rewrite);
        }
        path.readOperations().forEach(operation -> {
          if (operation.getParameters() != null) {
            operation.getParameters().forEach(PublicIdsOpenApiCustomizer::rewrite);
          }
        });
      });
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void rewriteProperties(Schema schema) {
    Map<String, Schema> properties = schema.getProperties();
    if (properties == null) {
      return;
    }
    properties.replaceAll((name, property) -> PublicIds.isIdName(name) ? asId(property) : property);
    properties.values().forEach(PublicIdsOpenApiCustomizer::rewriteProperties);
  }

  private static void rewrite(Parameter parameter) {
    if (PublicIds.isIdName(parameter.getName()) && parameter.getSchema() != null) {
      parameter.setSchema(asId(parameter.getSchema()));
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema asId(Schema schema) {
    if (isInteger(schema)) {
      Schema id = idSchema();
      id.setDescription(schema.getDescription());
      if (isNullable(schema)) {
        id.setNullable(true);
        id.setTypes(Set.of("string", "null"));
      }
      return id;
    }
    if (schema.getItems() != null && isInteger(schema.getItems())) {
      ArraySchema array = new ArraySchema();
      array.setItems(idSchema());
      array.setDescription(schema.getDescription());
      return array;
    }
    return schema;
  }

  @SuppressWarnings("rawtypes")
  private static Schema idSchema() {
    return new StringSchema().pattern(PublicIds.PATTERN).example("7263104932859904001");
  }

  @SuppressWarnings("rawtypes")
  private static boolean isInteger(Schema schema) {
    return "integer".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("integer"));
  }

  @SuppressWarnings("rawtypes")
  private static boolean isNullable(Schema schema) {
    return Boolean.TRUE.equals(schema.getNullable())
        || (schema.getTypes() != null && schema.getTypes().contains("null"));
  }
}
