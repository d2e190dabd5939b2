package com.ticketplatform.program.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** The search ITs run against the real local engine, which `./ticket up` (or `./ticket start elasticsearch`) starts. */
public final class SearchEngine {

  public static final int PORT = 9200;

  private SearchEngine() {}

  public static void requireRunning() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", PORT), 1000);
    } catch (IOException e) {
      fail("Elasticsearch is not answering on 127.0.0.1:" + PORT + ". The search tests need the real engine: start "
          + "it with `./ticket up` or `./ticket start elasticsearch` (CI's `./ticket test` starts it).");
    }
  }
}
