package com.ticketplatform.bench.drill;

import com.ticketplatform.bench.platform.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The processes of the local platform, as the drill hurts them: {@code ./ticket start|stop} for the pieces it started
 * (pids in {@code .ticket/pids}), signals for the rest (the machine's own MariaDB is found by its listening port).
 * Every process it pauses is resumed again by a shutdown hook, so an interrupted drill never leaves one stopped.
 */
final class Pieces {

  private final Path root;
  private final Set<Long> paused = ConcurrentHashMap.newKeySet();

  Pieces(Path root) {
    this.root = root;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> paused.forEach(pid -> signal("CONT", pid, false)),
        "drill-resume-paused"));
  }

  /** The pid of a piece {@code ./ticket} started, or -1. */
  long pidOf(String piece) {
    Path f = root.resolve(".ticket/pids/" + piece + ".pid");
    try {
      long pid = Long.parseLong(Files.readString(f).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** The pid of the process listening on a local TCP port (ss -ltnp), or -1. */
  long listenerOf(int port) {
    return Commands.listenerOf(port);
  }

  /** kill -9 of the piece's whole process group (the JVM and anything it forked), as a power cut would. */
  void kill9(String piece) {
    long pid = pidOf(piece);
    if (pid < 0) {
      throw new IllegalStateException(piece + " is not running under ./ticket; cannot kill it");
    }
    Commands.run(List.of("kill", "-KILL", "--", "-" + pid), 10);
    ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> p).join());
  }

  void pause(long pid) {
    paused.add(pid);
    signal("STOP", pid, true);
  }

  void resume(long pid) {
    signal("CONT", pid, true);
    paused.remove(pid);
  }

  /** {@code ./ticket start <piece>}: starts it and waits until it is healthy (no rebuild). */
  void start(String piece) {
    ticket("start", piece);
  }

  /** {@code ./ticket stop <piece>}: a graceful stop (TERM, then KILL after 30 s). */
  void stop(String piece) {
    ticket("stop", piece);
  }

  private void ticket(String verb, String piece) {
    ProcessBuilder pb = new ProcessBuilder(root.resolve("ticket").toString(), verb, piece).directory(root.toFile())
        .redirectErrorStream(true);
    pb.environment().put("TICKET_NO_BUILD", "1");
    String out = Commands.run(pb, 600);
    if (out.startsWith("exit ")) {
      throw new IllegalStateException("./ticket " + verb + " " + piece + " failed: " + out);
    }
  }

  private void signal(String sig, long pid, boolean strict) {
    String out = Commands.run(List.of("kill", "-" + sig, Long.toString(pid)), 10);
    if (strict && out.startsWith("exit ")) {
      throw new IllegalStateException("kill -" + sig + " " + pid + ": " + out);
    }
  }

}
