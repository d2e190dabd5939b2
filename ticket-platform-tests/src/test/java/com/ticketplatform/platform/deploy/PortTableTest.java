package com.ticketplatform.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.platform.Ports;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** The port tables people read (README, docs/ARCHITECTURE.md §1) say what deploy/ports, the one machines read, says. */
class PortTableTest {

  private static final Pattern ROW = Pattern.compile("(?m)^\\| (ticket-[a-z-]+) \\| (\\d+) \\|");

  @Test
  void theDocumentsShowThePortsThePlatformStartsOn() {
    Map<String, Integer> ports = Ports.of(DeployFiles.root());
    assertThat(ports).containsKeys("ticket-gateway", "kafka", "prometheus");
    SoftAssertions soft = new SoftAssertions();
    for (String document : new String[] {"README.md", "docs/ARCHITECTURE.md"}) {
      Matcher row = ROW.matcher(DeployFiles.read(DeployFiles.root().resolve(document)));
      int rows = 0;
      while (row.find()) {
        rows++;
        soft.assertThat(Integer.parseInt(row.group(2))).as("%s: %s", document, row.group(1))
            .isEqualTo(ports.get(row.group(1)));
      }
      soft.assertThat(rows).as("%s has a port table", document).isEqualTo(Ports.applications(DeployFiles.root()).size());
    }
    soft.assertAll();
  }
}
