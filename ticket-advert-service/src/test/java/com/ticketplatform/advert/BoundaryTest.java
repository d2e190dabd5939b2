package com.ticketplatform.advert;

import com.ticketplatform.common.test.ServiceBoundaryTest;

/** The service's package boundaries (docs/ARCHITECTURE.md §5). */
class BoundaryTest extends ServiceBoundaryTest {

  BoundaryTest() {
    super("com.ticketplatform.advert", "ticket_advert");
  }
}
