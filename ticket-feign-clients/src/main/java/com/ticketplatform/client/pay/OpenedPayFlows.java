package com.ticketplatform.client.pay;

import java.util.List;

/**
 * What {@link PayClient#openAll} did with each flow asked for: opened (or already open with the same amount), or
 * refused with the code and detail {@link PayClient#open} would have answered with a 409.
 */
public record OpenedPayFlows(List<PayFlowView> opened, List<Refused> refused) {

  /** A flow that was not opened, and why. */
  public record Refused(long orderNo, String code, String detail) {}
}
