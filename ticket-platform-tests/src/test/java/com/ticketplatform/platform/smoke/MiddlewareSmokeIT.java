package com.ticketplatform.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.junit.jupiter.api.Test;

/** The middleware `./ticket up` runs answers like the real thing. */
class MiddlewareSmokeIT {

  @Test
  void kafkaBrokerAnswersAndServesMetadata() throws Exception {
    Properties config = new Properties();
    config.putAll(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalPlatform.kafkaBootstrap(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    try (Admin admin = Admin.create(config)) {
      DescribeClusterResult cluster = admin.describeCluster();

      assertThat(cluster.nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
      assertThat(cluster.clusterId().get(10, TimeUnit.SECONDS)).isNotBlank();
      assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).isNotNull();
    }
  }

  @Test
  void seataTransactionCoordinatorListens() {
    assertThat(LocalPlatform.portAnswers(8091)).as("Seata TC on 8091").isTrue();
  }

  @Test
  void elasticsearchAnswersWithItsVersion() throws Exception {
    HttpResponse<String> response = LocalPlatform.get("http://" + LocalPlatform.host() + ":9200/");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = LocalPlatform.json(response);
    assertThat(body.path("version").path("number").asText()).startsWith("7.");
    assertThat(body.path("cluster_name").asText()).isNotBlank();
  }

  @Test
  void elasticsearchClusterIsUsable() throws Exception {
    HttpResponse<String> response =
        LocalPlatform.get("http://" + LocalPlatform.host() + ":9200/_cluster/health?wait_for_status=yellow&timeout=10s");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(LocalPlatform.json(response).path("status").asText()).isIn("green", "yellow");
  }
}
