package com.ticketplatform.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PublicIdsModuleTest {

  record Seat(long seatId, String label, int rowNo) {}

  record Order(long orderNo, Long userId, Long parentId, List<Long> seatIds, long[] ticketIds, List<Seat> seats,
      long amountCents, int count, String merchantOrderNo, Set<Integer> programIds) {}

  record Place(long showtimeId, List<Long> seatIds) {}

  /** A property that already says how it is written keeps its own serializer (here: as a number). */
  record Annotated(@tools.jackson.databind.annotation.JsonSerialize(using = AsNumber.class) Long orderNo) {}

  static final class AsNumber extends tools.jackson.databind.ser.std.StdSerializer<Long> {
    AsNumber() {
      super(Long.class);
    }

    @Override
    public void serialize(Long value, tools.jackson.core.JsonGenerator gen,
        tools.jackson.databind.SerializationContext context) {
      gen.writeNumber(value);
    }
  }

  final JsonMapper json = JsonMapper.builder().addModule(new PublicIdsModule()).build();

  @Test
  void idsAreStringsAndEverythingElseStaysAsItWas() {
    long big = 7263104932859904001L;
    JsonNode wire = json.valueToTree(new Order(big, 42L, null, List.of(big, 3L), new long[] {5L},
        List.of(new Seat(9L, "A-1", 3)), 4500L, 2, "M-1", Set.of(8)));

    assertThat(wire.get("orderNo").isString()).isTrue();
    assertThat(wire.get("orderNo").asString()).isEqualTo("7263104932859904001");
    assertThat(wire.get("userId").asString()).isEqualTo("42");
    assertThat(wire.get("parentId").isNull()).isTrue();
    assertThat(wire.get("seatIds").get(0).asString()).isEqualTo("7263104932859904001");
    assertThat(wire.get("seatIds").get(1).isString()).isTrue();
    assertThat(wire.get("ticketIds").get(0).asString()).isEqualTo("5");
    assertThat(wire.get("programIds").get(0).asString()).isEqualTo("8");
    assertThat(wire.get("seats").get(0).get("seatId").asString()).isEqualTo("9");
    assertThat(wire.get("seats").get(0).get("rowNo").isInt()).as("not an id").isTrue();
    assertThat(wire.get("amountCents").isNumber()).isTrue();
    assertThat(wire.get("count").isInt()).isTrue();
    assertThat(wire.get("merchantOrderNo").asString()).isEqualTo("M-1");
  }

  @Test
  void requestsMayCarryIdsAsStringsOrExactIntegers() {
    Seat fromString = json.readValue("{\"seatId\":\"7263104932859904001\",\"label\":\"A\",\"rowNo\":1}", Seat.class);
    Seat fromNumber = json.readValue("{\"seatId\":7263104932859904001,\"label\":\"A\",\"rowNo\":1}", Seat.class);
    assertThat(fromString.seatId()).isEqualTo(7263104932859904001L).isEqualTo(fromNumber.seatId());
    Place place = json.readValue("{\"showtimeId\":\"12\",\"seatIds\":[\"1\",2]}", Place.class);
    assertThat(place.showtimeId()).isEqualTo(12L);
    assertThat(place.seatIds()).containsExactly(1L, 2L);
    assertThat(json.readTree("{\"id\":\"12\"}").get("id").asLong()).isEqualTo(12L);
  }

  @Test
  void anIdWithItsOwnSerializerIsLeftAlone() {
    JsonNode written = json.valueToTree(new Annotated(12L)).get("orderNo");
    assertThat(written.isNumber()).isTrue();
    assertThat(written.asLong()).isEqualTo(12L);
  }

  @Test
  void problemPropertiesFollowTheSameRule() {
    assertThat(PublicIds.toWire("conflictingShowtimeId", 5L)).isEqualTo("5");
    assertThat(PublicIds.toWire("seatIds", List.of(1L, 2L))).isEqualTo(List.of("1", "2"));
    assertThat(PublicIds.toWire("limit", 6)).isEqualTo(6);
    assertThat(PublicIds.toWire("held", List.of(1L))).isEqualTo(List.of(1L));
  }
}
