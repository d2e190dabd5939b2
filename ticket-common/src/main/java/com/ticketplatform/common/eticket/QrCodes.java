package com.ticketplatform.common.eticket;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * An e-ticket's code as a QR code (ZXing, docs/ARCHITECTURE.md §12), as a PNG for mail and wallets and as an SVG for the web: black modules on
 * white, error correction M (a scratched screen still reads), a four-module quiet zone as the standard asks.
 */
public final class QrCodes {

  private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.ERROR_CORRECTION,
      ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4, EncodeHintType.CHARACTER_SET, "ISO-8859-1");

  private QrCodes() {}

  /** The modules of the code (quiet zone included), one bit per module. */
  static BitMatrix matrix(String text) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
    }
  }

  /** A PNG of about {@code size} pixels a side (whole pixels per module, so a scanner sees sharp edges). */
  public static byte[] png(String text, int size) {
    BitMatrix modules = matrix(text);
    int scale = Math.max(1, size / modules.getWidth());
    int side = modules.getWidth() * scale;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.setRGB(x, y, modules.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An SVG with one path of unit squares, scalable to any size without blur. */
  public static String svg(String text, String title) {
    BitMatrix modules = matrix(text);
    int side = modules.getWidth();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        if (modules.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side + "\" role=\"img\""
        + " shape-rendering=\"crispEdges\"><title>" + escape(title) + "</title>"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
