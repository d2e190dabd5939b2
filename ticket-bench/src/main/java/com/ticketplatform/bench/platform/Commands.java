package com.ticketplatform.bench.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The machine's own commands, as the bench and the drill run them (ss, kill, jcmd, getconf, ./ticket). */
public final class Commands {

  private Commands() {}

  public static String run(List<String> command, int timeoutSeconds) {
    return run(new ProcessBuilder(command).redirectErrorStream(true), timeoutSeconds);
  }

  /** The command's output; "exit N: output" when it failed. */
  public static String run(ProcessBuilder pb, int timeoutSeconds) {
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "exit timeout: " + String.join(" ", pb.command());
      }
      String text = new String(out, StandardCharsets.UTF_8);
      return p.exitValue() == 0 ? text : "exit " + p.exitValue() + ": " + lastLines(text, 8);
    } catch (IOException e) {
      return "exit io: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "exit interrupted";
    }
  }

  /** The pid of the process listening on a local TCP port (ss -ltnp), or -1. */
  public static long listenerOf(int port) {
    Matcher m = Pattern.compile("pid=(\\d+)").matcher(run(List.of("ss", "-ltnpH", "sport = :" + port), 10));
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private static String lastLines(String text, int n) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n")));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }
}
