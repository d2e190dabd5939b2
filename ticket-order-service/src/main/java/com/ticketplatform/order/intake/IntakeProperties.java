package com.ticketplatform.order.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Accepted orders ({@code Prefer: respond-async}, docs/ARCHITECTURE.md §2 "Accepted orders"), under
 * {@code ticket.order.intake}.
 *
 * @param workers sagas one instance runs at once for accepted orders (a batch from the topic is spread over them)
 * @param sendTimeout how long an accepted order waits for the broker to have its intent before the buyer gets 503
 * @param keepFor how long an intent's status and the buyer's Idempotency-Key record are kept in Redis
 * @param lostAfter an intent still waiting this long after it was accepted is given up (its seats freed, its buyer
 *     told): one whose send was lost, or a backlog far beyond anything the workers could drain
 * @param sweepInterval how often intents are checked for that
 * @param inDoubtAfter a placement still PROCESSING this long after it began (well past the saga's own timeout) has
 *     ended or crashed: the saga's log decides its outcome
 */
@ConfigurationProperties("ticket.order.intake")
public record IntakeProperties(int workers, Duration sendTimeout, Duration keepFor, Duration lostAfter,
    Duration sweepInterval, Duration inDoubtAfter) {

  public IntakeProperties {
    workers = workers <= 0 ? 16 : workers;
    sendTimeout = sendTimeout == null ? Duration.ofSeconds(3) : sendTimeout;
    keepFor = keepFor == null ? Duration.ofDays(1) : keepFor;
    lostAfter = lostAfter == null ? Duration.ofMinutes(10) : lostAfter;
    sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
    inDoubtAfter = inDoubtAfter == null ? Duration.ofMinutes(3) : inDoubtAfter;
  }
}
