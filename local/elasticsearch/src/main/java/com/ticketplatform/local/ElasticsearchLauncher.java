package com.ticketplatform.local;

import static org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner.newConfigs;

import java.util.concurrent.CountDownLatch;
import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;

/**
 * One Elasticsearch 7.10.2 node in this JVM for the local platform (docs/ARCHITECTURE.md §7).
 * Arguments: base path (config, data and logs live there, so indices survive a restart) and the HTTP port.
 * Runs until the process is terminated; the shutdown hook closes the node cleanly so the next start is quick.
 */
public final class ElasticsearchLauncher {

  private ElasticsearchLauncher() {
  }

  public static void main(String[] args) throws Exception {
    String basePath = args.length > 0 ? args[0] : ".ticket/elasticsearch";
    int httpPort = args.length > 1 ? Integer.parseInt(args[1]) : 9200;

    ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
    // The runner only fills in settings we leave unset, so these win over its defaults (e.g. http port 9201).
    runner.onBuild((number, settings) -> {
      settings.put("http.port", httpPort);
      settings.put("network.host", "127.0.0.1");
      settings.put("transport.port", "9300-9399");
      // a developer's disk is often above the 90% watermark; never let that turn indices read-only locally
      settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
      settings.put("action.destructive_requires_name", true);
    }).build(newConfigs()
        .basePath(basePath)
        .numOfNode(1)
        .clusterName("ticket-local")
        .printOnFailure());
    runner.ensureYellow();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        runner.close();
      } catch (Exception e) {
        System.err.println("Elasticsearch did not close cleanly: " + e);
      } finally {
        stopped.countDown();
      }
    }, "es-shutdown"));
    System.out.println("Elasticsearch ready on http://127.0.0.1:" + httpPort);
    stopped.await();
  }
}
