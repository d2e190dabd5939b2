package com.ticketplatform.notify.delivery;

import com.ticketplatform.common.eticket.QrCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The e-tickets of an order as a PDF (PDFBox): one A6 page per ticket with its QR code (ZXing through
 * {@link QrCodes}, the picture the order service shows) and the lines given. The standard fonts carry Latin text
 * only: any other character is written as '?', and the QR code, which the door reads, is always exact.
 */
public final class TicketPdf {

  /** One page: the lines above the code, the code itself. */
  public record Page(List<String> lines, String code) {}

  private static final int QR_PIXELS = 600;

  private TicketPdf() {}

  public static byte[] of(String title, List<Page> pages) {
    try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      pdf.getDocumentInformation().setTitle(latin(title));
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (Page content : pages) {
        PDPage page = new PDPage(PDRectangle.A6);
        pdf.addPage(page);
        float width = page.getMediaBox().getWidth();
        float top = page.getMediaBox().getHeight() - 28;
        PDImageXObject qr = PDImageXObject.createFromByteArray(pdf, QrCodes.png(content.code(), QR_PIXELS), "qr");
        try (PDPageContentStream canvas = new PDPageContentStream(pdf, page)) {
          float y = top;
          for (int i = 0; i < content.lines().size(); i++) {
            canvas.beginText();
            canvas.setFont(i == 0 ? bold : regular, i == 0 ? 13 : 10);
            canvas.newLineAtOffset(20, y);
            canvas.showText(latin(content.lines().get(i)));
            canvas.endText();
            y -= i == 0 ? 18 : 14;
          }
          float side = Math.min(width - 40, y - 20);
          canvas.drawImage(qr, (width - side) / 2, y - 10 - side, side, side);
        }
      }
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What WinAnsiEncoding (the standard fonts) can write; anything else becomes '?'. */
  static String latin(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.append(c >= 0x20 && c <= 0x7E || c >= 0xA0 && c <= 0xFF ? (char) c : '?'));
    return out.toString();
  }
}
