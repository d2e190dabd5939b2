package com.ticketplatform.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  @Test
  void readsUserAndSystemTimeEvenWhenTheCommandNameHasSpacesAndParentheses() {
    String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 1234 0 5 0 1500 250 7 8 20 0 42 0 100 0";
    assertThat(ProcessCpu.parseTicks(stat)).isEqualTo(1500 + 250);
  }

  @Test
  void thisProcessHasSpentSomeCpuAndItOnlyGrows() {
    long pid = ProcessHandle.current().pid();
    long before = ProcessCpu.ticksOf(pid);
    long x = 0;
    for (long i = 0; i < 300_000_000L; i++) {
      x += i ^ (x >>> 3);
    }
    assertThat(x).isNotZero();
    assertThat(ProcessCpu.ticksOf(pid)).isGreaterThan(before);
    assertThat(ProcessCpu.ticksOf(Long.MAX_VALUE)).as("a process that is not there").isZero();
  }

  @Test
  void costsArePerUnitPerPieceAndTheTotalLeavesTheGeneratorOut() {
    Map<String, Long> before = Map.of("ticket-order-service", 1000L, "redis", 50L, ProcessCpu.GENERATOR, 10L);
    Map<String, Long> after = new java.util.LinkedHashMap<>();
    after.put("ticket-order-service", 1400L);
    after.put("redis", 70L);
    after.put(ProcessCpu.GENERATOR, 310L);
    Map<String, Double> ms = ProcessCpu.perUnit(before, after, 100, 100);
    assertThat(ms).containsEntry("ticket-order-service", 40.0).containsEntry("redis", 2.0)
        .containsEntry(ProcessCpu.GENERATOR, 30.0).containsEntry("total (platform)", 42.0);
    assertThat(ProcessCpu.perUnit(before, after, 0, 100)).isEmpty();
  }

  @Test
  void compilerThreadsAreHotSpotsC1AndC2ThreadsAndNoOthers() {
    assertThat(ProcessCpu.isCompilerThread("77 (C2 CompilerThre) S 1 2 3 0 -1 0 0 0 0 0 900 10 0 0")).isTrue();
    assertThat(ProcessCpu.isCompilerThread("78 (C1 CompilerThre) S 1 2 3 0 -1 0 0 0 0 0 90 1 0 0")).isTrue();
    assertThat(ProcessCpu.isCompilerThread("79 (http-nio-127.0.) S 1 2 3 0 -1 0 0 0 0 0 90 1 0 0")).isFalse();
    assertThat(ProcessCpu.isCompilerThread("80 (java) S 1 2 3 0 -1 0 0 0 0 0 90 1 0 0")).isFalse();
  }

  @Test
  void thisJvmsCompilerThreadsAreFoundAndHaveCompiled() {
    long pid = ProcessHandle.current().pid();
    long compiled = ProcessCpu.compilerTicksOf(pid);
    // the test JVM has compiled its own startup; the compiler threads are part of the process, never more than it
    assertThat(compiled).isPositive().isLessThanOrEqualTo(ProcessCpu.ticksOf(pid));
    assertThat(ProcessCpu.compilerTicksOf(Long.MAX_VALUE)).as("a process that is not there").isZero();
  }

  @Test
  void theLocalPlatformAlwaysIncludesTheGenerator() {
    ProcessCpu cpu = ProcessCpu.ofLocalPlatform(Path.of("/nonexistent-root"), 1, 1);
    assertThat(cpu.snapshot()).containsKey(ProcessCpu.GENERATOR);
  }
}
