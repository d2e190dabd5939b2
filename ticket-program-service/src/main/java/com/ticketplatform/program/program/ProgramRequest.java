package com.ticketplatform.program.program;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

public record ProgramRequest(@NotBlank @Size(max = 200) String title, @NotNull Category category,
    @Min(1) @Max(900) int durationMinutes, @NotBlank @Size(max = 16) String rating,
    @Size(max = 512) String posterUrl, @Size(max = 20000) String description,
    @Size(max = 100) List<@NotBlank @Size(max = 100) String> cast) {}
