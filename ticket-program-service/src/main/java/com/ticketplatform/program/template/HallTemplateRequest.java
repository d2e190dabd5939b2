package com.ticketplatform.program.template;

import com.ticketplatform.program.seatmap.SeatMapSpec;
import com.ticketplatform.program.seatmap.SeatMapSpec.Position;
import com.ticketplatform.program.seatmap.SeatMapSpec.RowSetting;
import com.ticketplatform.program.seatmap.SeatMapSpec.SeatOverride;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A template's name and its seat map, the same members as a hall's (HallRequest) and checked the same way. */
public record HallTemplateRequest(@NotBlank @Size(max = 80) String name, int rows, int cols,
    List<@NotNull @Valid Position> gaps, List<@NotNull Integer> aisleColumns,
    List<@NotNull @Valid RowSetting> rowSettings, List<@NotNull @Valid SeatOverride> seatOverrides) {

  public SeatMapSpec seatMap() {
    return new SeatMapSpec(rows, cols, gaps, aisleColumns, rowSettings, seatOverrides);
  }
}
