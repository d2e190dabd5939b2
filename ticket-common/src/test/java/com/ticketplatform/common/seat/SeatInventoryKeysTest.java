package com.ticketplatform.common.seat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeatInventoryKeysTest {

  /** The seat map reads values as bytes: they must mean what the stored strings mean. */
  @ParameterizedTest
  @ValueSource(strings = {"A", "L:123523640158322688:42", "S:123523640158322688:42", "S", "L", "AA", "", "S:"})
  void aValueReadAsBytesHasTheStatusItHasAsAString(String value) {
    assertThat(SeatInventoryKeys.statusOf(value.getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(SeatInventoryKeys.statusOf(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "L:1:2", "S:1:2"})
  void eachKindOfValueHasItsOwnStatus(String value) {
    assertThat(SeatInventoryKeys.statusOf(value.getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(switch (value.charAt(0)) {
          case 'A' -> "AVAILABLE";
          case 'S' -> "SOLD";
          default -> "LOCKED";
        });
  }
}
