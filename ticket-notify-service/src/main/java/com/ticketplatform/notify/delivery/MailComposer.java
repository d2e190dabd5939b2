package com.ticketplatform.notify.delivery;

import com.ticketplatform.client.order.OrderClient;
import com.ticketplatform.client.user.UserClient;
import com.ticketplatform.common.eticket.QrCodes;
import com.ticketplatform.notify.notice.Notice;
import com.ticketplatform.notify.notice.NoticeKind;
import com.ticketplatform.notify.notice.NoticeTexts;
import com.ticketplatform.notify.notice.NotifyProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes one delivery's mail (docs/ARCHITECTURE.md §14): subject and text from the notice's messages, an HTML and a
 * plain-text alternative from the Thymeleaf templates {@code mail/notice.html} and {@code mail/notice.txt}, and for
 * an order confirmation its e-tickets, fetched from the order service when the mail is written: each QR code inline
 * in the HTML and all of them in a PDF attachment. The Message-ID is the delivery's own, the same on every attempt.
 */
public class MailComposer {

  /** A seat's ticket as the templates show it. */
  public record TicketView(String seatLabel, String cid, String code) {}

  private static final int INLINE_QR_PIXELS = 240;

  private final ITemplateEngine templates;
  private final NoticeTexts texts;
  private final OrderClient orders;
  private final String from;

  public MailComposer(ITemplateEngine templates, NoticeTexts texts, OrderClient orders, NotifyProperties properties) {
    this.templates = templates;
    this.texts = texts;
    this.orders = orders;
    this.from = properties.from();
  }

  public MimeMessage compose(Session session, Deliveries.Delivery delivery, Notice.Facts facts,
      UserClient.Contact to, Locale locale) throws MessagingException {
    List<TicketView> tickets = new ArrayList<>();
    byte[] pdf = null;
    Notice.Facts shown = facts;
    Map<String, byte[]> inline = new LinkedHashMap<>();
    if (delivery.kind() == NoticeKind.ORDER_CONFIRMED && delivery.orderNo() != null) {
      OrderClient.OrderTickets order = orders.tickets(delivery.orderNo());
      shown = new Notice.Facts(order.programTitle(), order.startsAt(), order.amount(), order.currency(), null, null);
      List<TicketPdf.Page> pages = new ArrayList<>();
      for (OrderClient.TicketLine t : order.tickets()) {
        String cid = "qr-" + t.ticketId();
        tickets.add(new TicketView(t.seatLabel(), cid, t.code()));
        inline.put(cid, QrCodes.png(t.code(), INLINE_QR_PIXELS));
        pages.add(new TicketPdf.Page(List.of(nonNull(order.programTitle()),
            "Starts " + texts.time(order.startsAt(), Locale.ENGLISH), "Seat " + t.seatLabel(),
            "Order " + order.orderNo() + " - ticket " + t.ticketId()), t.code()));
      }
      pdf = TicketPdf.of("E-tickets, order " + order.orderNo(), pages);
    }
    NoticeTexts.Text text = texts.of(delivery.kind(), delivery.orderNo(), shown, locale);

    Context context = new Context(locale);
    context.setVariable("title", text.title());
    context.setVariable("body", text.body());
    context.setVariable("name", to.displayName());
    context.setVariable("orderNo", delivery.orderNo());
    context.setVariable("tickets", tickets);
    context.setVariable("reminder", delivery.kind().isReminder());
    String html = templates.process("mail/notice.html", context);
    String plain = templates.process("mail/notice.txt", context);

    String messageId = delivery.messageId();
    MimeMessage message = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    MimeMessageHelper mail = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
    mail.setFrom(from);
    mail.setTo(to.email());
    mail.setSubject(text.title());
    mail.setText(plain, html);
    for (Map.Entry<String, byte[]> image : inline.entrySet()) {
      mail.addInline(image.getKey(), new ByteArrayResource(image.getValue()), "image/png");
    }
    if (pdf != null) {
      mail.addAttachment("e-tickets-" + delivery.orderNo() + ".pdf", new ByteArrayResource(pdf), "application/pdf");
    }
    message.setHeader("Content-Language", locale.toLanguageTag());
    return message;
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
