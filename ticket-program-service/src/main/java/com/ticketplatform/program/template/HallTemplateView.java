package com.ticketplatform.program.template;

import com.ticketplatform.program.seatmap.SeatMapSpec;
import com.ticketplatform.program.seatmap.SeatMapSpec.Position;
import com.ticketplatform.program.seatmap.SeatMapSpec.RowSetting;
import com.ticketplatform.program.seatmap.SeatMapSpec.SeatOverride;
import java.time.Instant;
import java.util.List;

/** A template as saved: its seat map in the hall request's own members, ready to send as a new hall's. */
public record HallTemplateView(long templateId, String name, int rows, int cols, List<Position> gaps,
    List<Integer> aisleColumns, List<RowSetting> rowSettings, List<SeatOverride> seatOverrides, Instant createdAt) {

  static HallTemplateView of(HallTemplate template, SeatMapSpec layout) {
    return new HallTemplateView(template.id, template.name, layout.rows(), layout.cols(), layout.gaps(),
        layout.aisleColumns(), layout.rowSettings(), layout.seatOverrides(), template.createdAt);
  }
}
