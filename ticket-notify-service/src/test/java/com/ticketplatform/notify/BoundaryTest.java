package com.ticketplatform.notify;

import com.ticketplatform.common.test.ServiceBoundaryTest;

/** The service's package boundaries (docs/ARCHITECTURE.md §5). */
class BoundaryTest extends ServiceBoundaryTest {

  BoundaryTest() {
    super("com.ticketplatform.notify", "ticket_notify");
  }
}
