package com.ticketplatform.program.hall;

import com.ticketplatform.program.seatmap.SeatMapSpec;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A hall and its seat map; see {@link SeatMapSpec} for how gaps, aisles, row settings and overrides combine. */
public record HallRequest(@NotBlank @Size(max = 64) String name, int rows, int cols,
    List<SeatMapSpec.Position> gaps, List<Integer> aisleColumns, List<SeatMapSpec.RowSetting> rowSettings,
    List<SeatMapSpec.SeatOverride> seatOverrides) {

  public SeatMapSpec seatMap() {
    return new SeatMapSpec(rows, cols, gaps, aisleColumns, rowSettings, seatOverrides);
  }
}
