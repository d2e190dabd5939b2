package com.ticketplatform.advert.interest;

import java.util.Optional;

/** The category (ACTION, COMEDY, ...) of a program, which order events do not carry. */
public interface ProgramCategoryLookup {

  /**
   * The program's category, empty when the program does not exist (or has none).
   *
   * @throws RuntimeException when the answer cannot be known right now (the caller retries later)
   */
  Optional<String> categoryOf(long programId);
}
