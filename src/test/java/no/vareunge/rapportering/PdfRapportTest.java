package no.vareunge.rapportering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import no.vareunge.arbeidspakke.Fase;
import no.vareunge.felles.Tidssone;
import no.vareunge.portefolje.Vedtakspost;
import no.vareunge.rapportering.Rapporttall.ForfaltBeslutning;
import no.vareunge.rapportering.Rapporttall.Kommunetall;
import no.vareunge.rapportering.Rapporttall.Pilot;
import no.vareunge.vedtak.Beslutningsniva;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The board report's PDF read back: every decision's outcome and every deadline is there in full,
 * however long the titles (wrapped, not cut), Sámi and other letters print as typed, and the document
 * is tagged (language nb, a title, headings and paragraphs).
 */
class PdfRapportTest {

  private static final String LANG = "Et svært langt navn på en arbeidspakke som tar hele linjen og vel så det, "
      + "med praksisplasser, mentorer, lærlinger og samarbeid med NAV og næringslivet i hele regionen";
  private static final String SAMISK = "Čáhcesuolu ja Guovdageaidnu: ŋ đ š ŧ ž á – Ω Ж";

  @Test
  void alleTeksteneErHeleOgDokumentetErMerket() throws Exception {
    Date frist = dato(2050, 2, 15);
    Date vedtatt = dato(2050, 2, 10);
    Kommunetall k = new Kommunetall("rapportvik", "Rapportvik kommune med et langt navn som må brytes i diagrammet",
        Map.of(Fase.PILOTERING, 2L, Fase.BESLUTNING, 1L),
        List.of(new Vedtakspost("AP-2050-RAP-001", LANG, "rapportvik", Beslutningsniva.LOKALT_STYRE, "avslatt", "12/50",
            "Styret prioriterer andre tiltak.", "styre.rapportvik", vedtatt),
            new Vedtakspost("AP-2050-RAP-002", SAMISK, "rapportvik", Beslutningsniva.LOKAL_LEDER, "godkjent", null,
                null, "leder.rapportvik", vedtatt)),
        List.of(new Pilot("AP-2050-RAP-003", LANG, "rod", vedtatt)),
        List.of(new ForfaltBeslutning("AP-2050-RAP-004", LANG, "Styrebehandling", frist)),
        new BigDecimal("390000"), new BigDecimal("50000"), new BigDecimal("17000"));
    Rapporttall tall = new Rapporttall(dato(2050, 2, 1), dato(2050, 3, 21), List.of(k));
    Styrerapport rapport = new Styrerapport(1, dato(2050, 2, 1), dato(2050, 3, 21), new Date(), Rapportstatus.UTKAST,
        null, null, null, null, null, null);

    byte[] fil = new PdfRapport().lag(rapport, tall);
    // Kept for a look (target/styrerapport-lange-tekster.pdf).
    java.nio.file.Files.write(java.nio.file.Path.of("target", "styrerapport-lange-tekster.pdf"), fil);
    try (PDDocument pdf = Loader.loadPDF(fil)) {
      String tekst = String.join(" ", new PDFTextStripper().getText(pdf).lines().map(String::strip).toList());

      assertThat(tekst).doesNotContain("…").doesNotContain("?")
          .contains("10.02.2050 Rapportvik kommune med et langt navn som må brytes i diagrammet: AP-2050-RAP-001 " + LANG
              + " – Lokalt styre: Avslått (sak 12/50)")
          .contains("AP-2050-RAP-002 " + SAMISK + " – Lokal leder: Godkjent")
          .contains("AP-2050-RAP-004 " + LANG + " – Styrebehandling, frist 15.02.2050")
          .contains("AP-2050-RAP-003 " + LANG + " – Rød");

      assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("nb");
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Styrerapport til eierstyret 01.02.2050–21.03.2050");
      assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
      assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      PDStructureElement dokument = (PDStructureElement) pdf.getDocumentCatalog().getStructureTreeRoot().getKids().get(0);
      assertThat(dokument.getStructureType()).isEqualTo("Document");
      List<String> typer = dokument.getKids().stream().map(e -> ((PDStructureElement) e).getStructureType()).toList();
      assertThat(typer).startsWith("H1").contains("H2", "P", "LI");
    }
  }

  private static Date dato(int aar, int maned, int dag) {
    return Date.from(LocalDate.of(aar, maned, dag).atStartOfDay(Tidssone.NORGE).toInstant());
  }
}
