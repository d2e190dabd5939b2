package com.ticketplatform.program.program;

public record ProgramSummary(long programId, String title, String category, int durationMinutes, String rating,
    String posterUrl) {

  static ProgramSummary of(Program p) {
    return new ProgramSummary(p.id, p.title, p.category, p.durationMinutes, p.rating, p.posterUrl);
  }
}
