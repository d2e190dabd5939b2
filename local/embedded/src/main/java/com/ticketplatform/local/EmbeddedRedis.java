package com.ticketplatform.local;

import java.util.concurrent.CountDownLatch;
import redis.embedded.RedisServer;

/**
 * Fallback Redis for machines without one (docs/ARCHITECTURE.md §7). Argument: port. In-memory only (no RDB/AOF): the seat
 * inventory is rebuilt from MySQL, the truth, so losing Redis on restart is a case the services already handle.
 */
public final class EmbeddedRedis {

  private EmbeddedRedis() {
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    RedisServer redis = RedisServer.newRedisServer()
        .port(port)
        .bind("127.0.0.1")
        .setting("save \"\"")
        .setting("appendonly no")
        .setting("maxclients 2000")
        .build();
    redis.start();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        redis.stop();
      } catch (Exception e) {
        System.err.println("Redis did not stop cleanly: " + e);
      } finally {
        stopped.countDown();
      }
    }, "redis-shutdown"));
    System.out.println("Embedded Redis ready on 127.0.0.1:" + port);
    stopped.await();
  }
}
