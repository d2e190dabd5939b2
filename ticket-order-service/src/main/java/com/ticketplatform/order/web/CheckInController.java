package com.ticketplatform.order.web;

import com.ticketplatform.common.web.Caller;
import com.ticketplatform.order.eticket.CheckIn;
import com.ticketplatform.order.eticket.ScanResult;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The door: scans by door staff of the ticket's cinema, offline packs and their sync (docs/ARCHITECTURE.md §12). */
@RestController
public class CheckInController {

  private final CheckIn checkIn;

  public CheckInController(CheckIn checkIn) {
    this.checkIn = checkIn;
  }

  /**
   * @param code the text of the QR code
   * @param gate the gate's name, as staff will read it back ("Hall 3 door")
   * @param showtimeId the showtime this gate admits, when it admits only one
   */
  public record ScanRequest(@NotBlank @Size(max = 1024) String code, @NotBlank @Size(max = 64) String gate,
      Long showtimeId) {}

  @Operation(summary = "Scan an e-ticket at a gate: ADMITTED once, then ALREADY_USED; revoked, early, late, "
      + "foreign or forged codes are refused with the reason")
  @PostMapping("/api/checkin/scans")
  public ScanResult scan(Caller caller, @Valid @RequestBody ScanRequest request) {
    return checkIn.scan(caller, request.code(), request.gate().strip(), request.showtimeId());
  }

  @Operation(summary = "A showtime's pack for an offline gate: verification keys, revoked and admitted tickets")
  @GetMapping("/api/checkin/showtimes/{showtimeId}/pack")
  public CheckIn.Pack pack(Caller caller, @PathVariable long showtimeId) {
    return checkIn.pack(caller, showtimeId);
  }

  /** One admission an offline gate made: the code it read and when (its own clock). */
  public record OfflineScanRequest(@NotBlank @Size(max = 1024) String code, Instant scannedAt) {}

  /** The admissions an offline gate made, in the order it made them. */
  public record SyncRequest(@NotBlank @Size(max = 64) String gate,
      @NotNull @Size(max = 5000) @Valid List<OfflineScanRequest> scans) {}

  @Operation(summary = "Sync an offline gate's admissions: the earliest admission of each ticket is kept and every "
      + "ticket two gates let in is reported")
  @PostMapping("/api/checkin/showtimes/{showtimeId}/sync")
  public CheckIn.SyncReport sync(Caller caller, @PathVariable long showtimeId,
      @Valid @RequestBody SyncRequest request) {
    return checkIn.sync(caller, showtimeId, request.gate().strip(), request.scans().stream()
        .map(scan -> new CheckIn.OfflineScan(scan.code(), scan.scannedAt())).toList());
  }
}
