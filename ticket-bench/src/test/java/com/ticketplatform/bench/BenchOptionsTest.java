package com.ticketplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsFitTheIssueAndOptionsOverrideThem() {
    BenchOptions d = BenchOptions.parse(List.of());
    assertThat(d.integer("users")).isEqualTo(200);
    assertThat(d.integer("rows") * d.integer("cols")).isEqualTo(2000);
    assertThat(d.integer("oversell-buyers")).isEqualTo(10 * d.integer("oversell-seats"));
    assertThat(d.runs("storm")).isTrue();

    BenchOptions o = BenchOptions.parse(List.of("--users=400", "--scenarios=ceilings,onsale", "--rate-fraction=0.5"));
    assertThat(o.integer("users")).isEqualTo(400);
    assertThat(o.runs("onsale")).isTrue();
    assertThat(o.runs("storm")).isFalse();
    assertThat(o.decimal("rate-fraction")).isEqualTo(0.5);
  }

  @Test
  void unknownOrMalformedOptionsAreRefused() {
    assertThatThrownBy(() -> BenchOptions.parse(List.of("--userz=3"))).hasMessageContaining("unknown option --userz");
    assertThatThrownBy(() -> BenchOptions.parse(List.of("users=3"))).hasMessageContaining("--name=value");
    assertThatThrownBy(() -> BenchOptions.parse(List.of("--scenarios=onsale,party")))
        .hasMessageContaining("unknown scenario party");
    assertThatThrownBy(() -> BenchOptions.parse(List.of("--users=many")).integer("users"))
        .hasMessageContaining("whole number");
  }

  @Test
  void anOptionWithFixedValuesRefusesATypoBeforeTheRunStarts() {
    assertThatThrownBy(() -> BenchOptions.parse(List.of("--onsale-accept=asnyc")))
        .hasMessageContaining("--onsale-accept is one of [sync, async], not asnyc");
    assertThatThrownBy(() -> BenchOptions.parse(List.of("--onsale-reread=maps")))
        .hasMessageContaining("--onsale-reread is one of [availability, map], not maps");
    assertThat(BenchOptions.parse(List.of("--onsale-accept=async", "--onsale-reread=map")).get("onsale-reread"))
        .isEqualTo("map");
  }
}
