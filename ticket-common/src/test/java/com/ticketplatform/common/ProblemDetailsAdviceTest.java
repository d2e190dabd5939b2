package com.ticketplatform.common;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ProblemDetailsAdvice;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

class ProblemDetailsAdviceTest {

  record Body(@NotBlank String name, @Positive int seats) {}

  @RestController
  static class Probe {
    @PostMapping("/things")
    Body create(@Valid @RequestBody Body body) {
      return body;
    }

    @GetMapping("/things/{id}")
    String get(@PathVariable long id) {
      if (id == 1) {
        throw new ApiException(HttpStatus.CONFLICT, "SEAT_TAKEN", "seats taken", Map.of("seatIds", List.of(3, 4), "held", 2));
      }
      if (id == 3) {
        throw ApiException.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "BUSY", "too busy, try again",
            Duration.ofMillis(1));
      }
      throw new IllegalStateException("secret internals");
    }
  }

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Probe())
      .setControllerAdvice(new ProblemDetailsAdvice()).build();

  @Test
  void apiExceptionKeepsItsStatusCodeAndProperties() throws Exception {
    mvc.perform(get("/things/1"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("SEAT_TAKEN"))
        .andExpect(jsonPath("$.seatIds[1]").value("4"))
        .andExpect(jsonPath("$.held").value(2));
  }

  @Test
  void aRetryLaterRefusalTellsWhenWithAtLeastOneSecond() throws Exception {
    mvc.perform(get("/things/3"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "1"))
        .andExpect(jsonPath("$.code").value("BUSY"))
        .andExpect(jsonPath("$.retryAfterSeconds").value(1));
    mvc.perform(get("/things/1"))
        .andExpect(header().doesNotExist("Retry-After"));
  }

  @Test
  void validationNamesTheFields() throws Exception {
    mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"seats\":-1}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors.name").exists())
        .andExpect(jsonPath("$.errors.seats").exists());
  }

  @Test
  void malformedJsonAndWrongTypesAre400WithCodes() throws Exception {
    mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{nope"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
    mvc.perform(get("/things/abc"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
  }

  @Test
  void unexpectedFailuresLeakNothing() throws Exception {
    mvc.perform(get("/things/2"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
        .andExpect(jsonPath("$.detail").value("unexpected error"));
  }
}
