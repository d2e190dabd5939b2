package com.ticketplatform.order.saga;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Crash drill, off unless {@code ticket.order.fault-injection.halt-after-step} names a saga step: the JVM is halted
 * (like kill -9: no shutdown hooks, no compensation) right after that step, so a test can prove that a restarted
 * service brings every seat, order and pay flow back to a consistent state. Never set in a deployment.
 */
@Component
@ConditionalOnProperty("ticket.order.fault-injection.halt-after-step")
public class FaultInjection implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(FaultInjection.class);

  private final PlaceOrderSteps steps;
  private final String haltAfter;

  public FaultInjection(PlaceOrderSteps steps,
      @Value("${ticket.order.fault-injection.halt-after-step}") String haltAfter) {
    this.steps = steps;
    this.haltAfter = haltAfter;
  }

  @Override
  public void afterSingletonsInstantiated() {
    log.warn("FAULT INJECTION ACTIVE: the JVM halts after saga step {}", haltAfter);
    steps.setHook(step -> {
      if (step.equals(haltAfter)) {
        Runtime.getRuntime().halt(137);
      }
    });
  }
}
