package com.ticketplatform.client.pay;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Several pay flows to open in one call ({@link PayClient#openAll}), each exactly as {@link PayClient#open} would. */
public record OpenPayFlows(@NotEmpty @Size(max = MAX_FLOWS) List<@Valid OpenPayFlowRequest> flows) {

  public static final int MAX_FLOWS = 200;
}
