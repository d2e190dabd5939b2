package com.ticketplatform.order.web;

import com.ticketplatform.common.web.Caller;
import com.ticketplatform.order.eticket.ETickets;
import com.ticketplatform.common.eticket.QrCodes;
import com.ticketplatform.order.eticket.TicketSigner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A buyer's e-tickets and their QR codes, and the keys any gate verifies them with (docs/ARCHITECTURE.md §12). */
@RestController
public class ETicketController {

  private static final int PNG_SIZE = 480;

  private final ETickets tickets;
  private final TicketSigner signer;

  public ETicketController(ETickets tickets, TicketSigner signer) {
    this.tickets = tickets;
    this.signer = signer;
  }

  @Operation(summary = "The e-tickets of a paid order: one signed code per seat, to show at the door")
  @GetMapping("/api/orders/{orderNo}/tickets")
  public List<ETickets.ETicket> list(Caller caller, @PathVariable long orderNo) {
    return tickets.of(caller.requireUser(), orderNo);
  }

  @Operation(summary = "An e-ticket's QR code as a PNG")
  @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE,
      schema = @Schema(type = "string", format = "binary")))
  @GetMapping(path = "/api/orders/{orderNo}/tickets/{ticketId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
  public ResponseEntity<byte[]> png(Caller caller, @PathVariable long orderNo, @PathVariable long ticketId) {
    ETickets.ETicket ticket = tickets.one(caller.requireUser(), orderNo, ticketId);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
        .body(QrCodes.png(ticket.code(), PNG_SIZE));
  }

  @Operation(summary = "An e-ticket's QR code as an SVG")
  @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/svg+xml",
      schema = @Schema(type = "string")))
  @GetMapping(path = "/api/orders/{orderNo}/tickets/{ticketId}/qr.svg", produces = "image/svg+xml")
  public ResponseEntity<String> svg(Caller caller, @PathVariable long orderNo, @PathVariable long ticketId) {
    ETickets.ETicket ticket = tickets.one(caller.requireUser(), orderNo, ticketId);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.valueOf("image/svg+xml"))
        .body(QrCodes.svg(ticket.code(), "E-ticket, seat " + ticket.seatLabel()));
  }

  @Operation(summary = "The published e-ticket verification keys (Ed25519), newest first: what an offline gate needs")
  @GetMapping("/api/tickets/keys")
  public List<TicketSigner.VerificationKey> keys() {
    return signer.publishedKeys();
  }
}
