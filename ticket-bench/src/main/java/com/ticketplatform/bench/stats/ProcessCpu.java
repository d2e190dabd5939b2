package com.ticketplatform.bench.stats;

import com.ticketplatform.bench.platform.Commands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * CPU time the platform's processes spend, from /proc (user + system time of each process and its descendants), so a
 * phase's cost reads as CPU milliseconds per unit of work per process: what a machine of any speed would add up, and
 * what stays steady when the machine is noisy. The pieces are those {@code ./ticket} started ({@code .ticket/pids}),
 * the machine's MariaDB and Redis (found by their listening ports) and the generator itself, reported apart so a
 * reader can tell whose limit a figure is. {@link #jitSnapshot()} reads the part of it a JVM's JIT compiler threads
 * spent: a young process compiles while it serves, a warm one hardly at all, so that part is shown apart.
 */
public final class ProcessCpu {

  /** The generator: this process. */
  public static final String GENERATOR = "bench generator";

  private final Map<String, Long> roots;
  private final long ticksPerSecond;

  private ProcessCpu(Map<String, Long> roots, long ticksPerSecond) {
    this.roots = roots;
    this.ticksPerSecond = ticksPerSecond;
  }

  /** The local platform under {@code root}, with MariaDB and Redis on their ports. */
  public static ProcessCpu ofLocalPlatform(Path root, int mysqlPort, int redisPort) {
    Map<String, Long> roots = new LinkedHashMap<>();
    Path pids = root.resolve(".ticket/pids");
    if (Files.isDirectory(pids)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(pids, "*.pid")) {
        for (Path f : files) {
          try {
            long pid = Long.parseLong(Files.readString(f).trim());
            if (ProcessHandle.of(pid).isPresent()) {
              roots.put(f.getFileName().toString().replaceFirst("\\.pid$", ""), pid);
            }
          } catch (IOException | NumberFormatException e) {
            // a stale or half-written pid file: that piece is not measured
          }
        }
      } catch (IOException e) {
        // no pieces started by ./ticket
      }
    }
    long mysql = Commands.listenerOf(mysqlPort);
    if (mysql > 0) {
      roots.put("mariadb", mysql);
    }
    long redis = Commands.listenerOf(redisPort);
    if (redis > 0) {
      roots.put("redis", redis);
    }
    roots.put(GENERATOR, ProcessHandle.current().pid());
    return new ProcessCpu(roots, clockTicks());
  }

  /** The pid of a piece ({@code ticket-order-service}, {@code mariadb} ...), or -1 when it is not measured. */
  public long pidOf(String piece) {
    return roots.getOrDefault(piece, -1L);
  }

  /** CPU time so far per piece, in clock ticks (a piece's processes and their descendants now). */
  public Map<String, Long> snapshot() {
    return perPiece(ProcessCpu::ticksOf);
  }

  /**
   * CPU time so far of the JIT compiler threads (HotSpot's {@code C1 CompilerThreadN} and {@code C2 CompilerThreadN})
   * per piece, in clock ticks; 0 for a piece that is not a JVM.
   */
  public Map<String, Long> jitSnapshot() {
    return perPiece(ProcessCpu::compilerTicksOf);
  }

  /** {@code ticksOfPid} summed over each piece's process and its descendants now. */
  private Map<String, Long> perPiece(ToLongFunction<Long> ticksOfPid) {
    Map<String, Long> ticks = new LinkedHashMap<>();
    roots.forEach((piece, pid) -> {
      Set<Long> all = new LinkedHashSet<>();
      all.add(pid);
      ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> all.add(d.pid())));
      ticks.put(piece, all.stream().mapToLong(ticksOfPid).sum());
    });
    return ticks;
  }

  /** utime + stime of the JIT compiler threads of one process, from {@code /proc/<pid>/task/<tid>/stat}. */
  static long compilerTicksOf(long pid) {
    long sum = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks) {
        try {
          String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
          if (isCompilerThread(stat)) {
            sum += parseTicks(stat);
          }
        } catch (IOException | RuntimeException e) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return sum;
  }

  /** A HotSpot JIT compiler thread (the kernel keeps 15 characters of its name: {@code C2 CompilerThre}). */
  static boolean isCompilerThread(String stat) {
    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
  }

  /**
   * CPU milliseconds per unit between two snapshots, per piece, then the platform's total (every piece but the
   * generator) under {@code "total (platform)"}; empty when no unit was done.
   */
  public Map<String, Double> millisPerUnit(Map<String, Long> before, Map<String, Long> after, long units) {
    return perUnit(before, after, units, ticksPerSecond);
  }

  static Map<String, Double> perUnit(Map<String, Long> before, Map<String, Long> after, long units,
      long ticksPerSecond) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (units <= 0) {
      return out;
    }
    double total = 0;
    for (Map.Entry<String, Long> e : after.entrySet()) {
      long spent = Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), e.getValue()));
      double ms = spent * 1000.0 / ticksPerSecond / units;
      out.put(e.getKey(), round(ms));
      if (!e.getKey().equals(GENERATOR)) {
        total += ms;
      }
    }
    out.put("total (platform)", round(total));
    return out;
  }

  /** utime + stime of one process from {@code /proc/<pid>/stat}, or 0 when it is gone. */
  public static long ticksOf(long pid) {
    try {
      return parseTicks(Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * Fields 14 and 15 of a stat line (proc(5)); the command name (field 2) may hold spaces and parentheses, so the
   * fields are counted from its last closing parenthesis.
   */
  static long parseTicks(String stat) {
    String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // rest[0] is field 3 (state): utime is field 14, stime field 15
    return Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
  }

  private static double round(double ms) {
    return Math.round(ms * 100) / 100.0;
  }

  /** The kernel's clock ticks per second (USER_HZ), the unit of /proc's CPU times. */
  public static long clockTicks() {
    try {
      return Long.parseLong(Commands.run(List.of("getconf", "CLK_TCK"), 10).trim());
    } catch (NumberFormatException e) {
      return 100;
    }
  }
}
