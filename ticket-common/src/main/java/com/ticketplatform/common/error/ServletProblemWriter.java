package com.ticketplatform.common.error;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/**
 * Writes a problem straight to a servlet response, for the filters that answer before any controller runs (the
 * internal credential, the body limit): the same shape as {@link Problems}, without a JSON library in the way.
 */
public final class ServletProblemWriter {

  private ServletProblemWriter() {}

  public static void write(HttpServletResponse response, HttpStatus status, String code, String detail,
      String instance) throws IOException {
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"" + Problems.ABOUT_BLANK + "\",\"title\":\""
        + json(status.getReasonPhrase()) + "\",\"status\":" + status.value() + ",\"detail\":\"" + json(detail) + "\",\"instance\":\"" + json(instance)
        + "\",\"" + ErrorCodes.PROPERTY + "\":\"" + json(code) + "\"}");
  }

  static String json(String s) {
    StringBuilder b = new StringBuilder();
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        b.append('\\').append(ch);
      } else if (ch < 0x20) {
        b.append(String.format("\\u%04x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }
}
