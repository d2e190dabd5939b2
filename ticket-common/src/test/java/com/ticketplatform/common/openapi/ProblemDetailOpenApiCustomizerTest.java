package com.ticketplatform.common.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

class ProblemDetailOpenApiCustomizerTest {

  @Test
  void everyOperationDocumentsProblemsForBothErrorRangesButKeepsItsOwn() {
    ApiResponse ownConflict = new ApiResponse().description("seats taken");
    Operation post = new Operation().responses(new ApiResponses()
        .addApiResponse("201", new ApiResponse().description("created"))
        .addApiResponse("4XX", ownConflict));
    Operation get = new Operation();
    OpenAPI api = new OpenAPI().paths(new Paths()
        .addPathItem("/api/orders", new PathItem().post(post).get(get)));

    new ProblemDetailOpenApiCustomizer().customise(api);

    assertThat(api.getComponents().getSchemas()).containsKey("ProblemDetail");
    assertThat(api.getComponents().getSchemas().get("ProblemDetail").getProperties())
        .containsKeys("type", "title", "status", "detail", "instance", "code");
    assertThat(post.getResponses()).containsKeys("201", "4XX", "5XX");
    assertThat(post.getResponses().get("4XX")).isSameAs(ownConflict);
    assertThat(get.getResponses()).containsOnlyKeys("4XX", "5XX");
    assertThat(get.getResponses().get("5XX").getContent().get("application/problem+json").getSchema().get$ref())
        .isEqualTo("#/components/schemas/ProblemDetail");
  }

  @Test
  void aDocumentWithoutPathsStillGetsTheSchema() {
    OpenAPI api = new OpenAPI();
    new ProblemDetailOpenApiCustomizer().customise(api);
    assertThat(api.getComponents().getSchemas()).containsOnlyKeys("ProblemDetail");
  }
}
