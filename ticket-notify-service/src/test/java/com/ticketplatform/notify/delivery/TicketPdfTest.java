package com.ticketplatform.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class TicketPdfTest {

  @Test
  void onePagePerTicketWithItsLinesAndCharactersTheFontCannotWriteAsQuestionMarks() throws Exception {
    byte[] pdf = TicketPdf.of("E-tickets", List.of(
        new TicketPdf.Page(List.of("流浪地球 Wandering Earth", "Seat A-1"), "T1.first"),
        new TicketPdf.Page(List.of("Wandering Earth", "Seat A-2"), "T1.second")));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("???? Wandering Earth", "Seat A-1", "Seat A-2");
    }
  }
}
