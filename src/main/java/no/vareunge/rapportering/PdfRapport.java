package no.vareunge.rapportering;

import no.vareunge.vedtak.Utfall;
import no.vareunge.arbeidspakke.Pilotstatus;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import no.vareunge.arbeidspakke.Fase;
import no.vareunge.arbeidspakke.Tidssone;
import no.vareunge.portefolje.Vedtakspost;
import no.vareunge.rapportering.Rapporttall.Kommunetall;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/**
 * The report as PDF (Apache PDFBox): the key figures, a table per kommune with the sums, a bar
 * chart of the packages per kommune and phase, and the lists behind the figures (red and yellow
 * pilots, overdue decisions, new decisions). Helvetica with WinAnsi encoding covers Norwegian
 * (æøå); a character outside it (from a title someone typed) is shown as «?».
 */
@Component
public class PdfRapport {

  /** The chart's groups: the phases in progress one by one, the four end states together. */
  static final List<String> DIAGRAMGRUPPER = List.of("Forslag", "Vurdering", "Beslutning", "Pilotering",
      "Evaluering", "Drift", "Avsluttet");
  private static final Color[] FARGER = {new Color(0x9e, 0xca, 0xe1), new Color(0x42, 0x92, 0xc6),
      new Color(0x08, 0x51, 0x9c), new Color(0xfd, 0xae, 0x6b), new Color(0xe6, 0x55, 0x0d),
      new Color(0x31, 0xa3, 0x54), new Color(0xbd, 0xbd, 0xbd)};

  private static final PDType1Font VANLIG = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDType1Font FET = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private static final float MARG = 50;
  /** The left edge of the first column, then the right edge of each column of numbers. */
  private static final float[] KOLONNER = {MARG, 205, 260, 295, 330, 380, 465, 545};
  private static final String[] KOLONNETITLER = {"Kommune", "Pakker", "Nye vedtak", "Røde", "Gule", "Forfalte",
      "Bevilget (kr)", "Forbrukt (kr)"};

  public byte[] lag(Styrerapport rapport, Rapporttall tall) {
    try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream ut = new ByteArrayOutputStream()) {
      PDDocumentInformation info = pdf.getDocumentInformation();
      info.setTitle("Styrerapport til eierstyret " + tall.periode());
      info.setAuthor("Våre unge – programstyring");
      Calendar laget = Calendar.getInstance();
      laget.setTime(rapport.periodeTil());
      info.setCreationDate(laget);
      try (Skriver s = new Skriver(pdf)) {
        forside(s, rapport, tall);
        tabell(s, tall);
        diagram(s, tall);
        lister(s, tall);
      }
      pdf.save(ut);
      return ut.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF-en kunne ikke lages", e);
    }
  }

  private void forside(Skriver s, Styrerapport rapport, Rapporttall tall) throws IOException {
    s.linje(FET, 18, "Styrerapport til eierstyret");
    s.linje(VANLIG, 11, "Våre unge – programstyring");
    s.mellomrom(6);
    s.linje(VANLIG, 11, "Periode: " + rapport.periode());
    s.linje(VANLIG, 11, "Laget: " + Tidssone.norskDato(rapport.periodeTil()));
    s.mellomrom(10);
    s.linje(FET, 13, "Nøkkeltall");
    for (String linje : tall.nokkeltall()) {
      s.linje(VANLIG, 11, linje);
    }
    s.mellomrom(12);
  }

  private void tabell(Skriver s, Rapporttall tall) throws IOException {
    s.plass(60);
    s.linje(FET, 13, "Per kommune");
    s.rad(FET, KOLONNETITLER);
    for (Kommunetall k : tall.kommuner()) {
      s.rad(VANLIG, k.kommunenavn(), String.valueOf(k.antallPakker()), String.valueOf(k.nyeVedtak().size()),
          String.valueOf(k.antallPiloter("rod")), String.valueOf(k.antallPiloter("gul")),
          String.valueOf(k.forfalteBeslutninger().size()), Rapporttall.kroner(k.bevilget()), Rapporttall.kroner(k.forbrukt()));
    }
    s.rad(FET, "Sum", String.valueOf(tall.sum(Kommunetall::antallPakker)),
        String.valueOf(tall.sum(k -> k.nyeVedtak().size())), String.valueOf(tall.sum(k -> k.antallPiloter("rod"))),
        String.valueOf(tall.sum(k -> k.antallPiloter("gul"))),
        String.valueOf(tall.sum(k -> k.forfalteBeslutninger().size())),
        Rapporttall.kroner(tall.sumBelop(Kommunetall::bevilget)),
        Rapporttall.kroner(tall.sumBelop(Kommunetall::forbrukt)));
    s.mellomrom(14);
  }

  /** Horizontal bars, one per kommune, a segment per phase group, scaled to the largest kommune. */
  private void diagram(Skriver s, Rapporttall tall) throws IOException {
    float hoyde = 14;
    float bredde = 330;
    float venstre = MARG + 110;
    s.plass(40 + hoyde * 2);
    s.linje(FET, 13, "Arbeidspakker per kommune og fase");
    long storst = Math.max(1, tall.kommuner().stream().mapToLong(Kommunetall::antallPakker).max().orElse(1));
    for (Kommunetall k : tall.kommuner()) {
      s.plass(hoyde + 4);
      float y = s.y - hoyde + 3;
      s.tekst(VANLIG, 9, MARG, y + 3, kortet(VANLIG, 9, k.kommunenavn(), 105));
      float x = venstre;
      long[] grupper = grupper(k);
      for (int g = 0; g < grupper.length; g++) {
        float w = bredde * grupper[g] / storst;
        if (w > 0) {
          s.rektangel(x, y, w, hoyde - 4, FARGER[g]);
          x += w;
        }
      }
      s.tekst(VANLIG, 9, x + 4, y + 3, String.valueOf(k.antallPakker()));
      s.y -= hoyde;
    }
    s.mellomrom(6);
    s.plass(16);
    float x = MARG;
    for (int g = 0; g < DIAGRAMGRUPPER.size(); g++) {
      s.rektangel(x, s.y - 9, 8, 8, FARGER[g]);
      s.tekst(VANLIG, 8, x + 11, s.y - 8, DIAGRAMGRUPPER.get(g));
      x += 14 + VANLIG.getStringWidth(DIAGRAMGRUPPER.get(g)) / 1000 * 8 + 10;
    }
    s.y -= 16;
    s.mellomrom(12);
  }

  static long[] grupper(Kommunetall k) {
    long[] grupper = new long[DIAGRAMGRUPPER.size()];
    for (Fase f : Rapporttall.FASER) {
      grupper[f.erAvsluttet() ? grupper.length - 1 : f.ordinal()] += k.antall(f);
    }
    return grupper;
  }

  private void lister(Skriver s, Rapporttall tall) throws IOException {
    List<String> piloter = new ArrayList<>();
    List<String> forfalte = new ArrayList<>();
    List<String> vedtak = new ArrayList<>();
    for (Kommunetall k : tall.kommuner()) {
      k.piloter().forEach(p -> piloter.add(k.kommunenavn() + ": " + p.referanse() + " " + p.tittel() + " – "
          + Pilotstatus.tekst(p.status())));
      k.forfalteBeslutninger().forEach(f -> forfalte.add(k.kommunenavn() + ": " + f.referanse() + " " + f.tittel()
          + " – " + f.oppgave() + ", frist " + (f.frist() == null ? "–" : Tidssone.norskDato(f.frist()))));
      for (Vedtakspost v : k.nyeVedtak()) {
        vedtak.add(Tidssone.norskDato(v.tidspunkt()) + " " + k.kommunenavn() + ": " + v.referanse() + " "
            + v.tittel() + " – " + v.niva().visningsnavn() + ": " + Utfall.tekst(v.utfall())
            + (v.sakNr() == null ? "" : " (sak " + v.sakNr() + ")"));
      }
    }
    liste(s, "Piloter med rød eller gul status", piloter);
    liste(s, "Forfalte beslutninger", forfalte);
    liste(s, "Nye vedtak i perioden", vedtak);
  }

  private void liste(Skriver s, String tittel, List<String> linjer) throws IOException {
    s.plass(40);
    s.linje(FET, 13, tittel + " (" + linjer.size() + ")");
    if (linjer.isEmpty()) {
      s.linje(VANLIG, 10, "Ingen.");
    }
    for (String linje : linjer) {
      s.linje(VANLIG, 10, "• " + linje);
    }
    s.mellomrom(10);
  }

  /** The text cut to {@code bredde} points, with «…» when it is cut. */
  static String kortet(PDType1Font font, float storrelse, String tekst, float bredde) throws IOException {
    String t = lovlig(font, tekst);
    if (font.getStringWidth(t) / 1000 * storrelse <= bredde) {
      return t;
    }
    while (!t.isEmpty() && font.getStringWidth(t + "…") / 1000 * storrelse > bredde) {
      t = t.substring(0, t.length() - 1);
    }
    return t + "…";
  }

  /** Characters the font cannot encode become «?», so that a typed title never stops the report. */
  static String lovlig(PDType1Font font, String tekst) {
    StringBuilder ut = new StringBuilder(tekst.length());
    tekst.codePoints().forEach(c -> {
      String tegn = new String(Character.toChars(c));
      try {
        font.encode(tegn);
        ut.append(tegn);
      } catch (IOException | IllegalArgumentException e) {
        ut.append(Character.isWhitespace(c) ? " " : "?");
      }
    });
    return ut.toString();
  }

  /** Writes downwards on A4 pages and starts a new page when the next thing does not fit. */
  private static final class Skriver implements AutoCloseable {
    private final PDDocument pdf;
    private PDPageContentStream side;
    float y;

    Skriver(PDDocument pdf) throws IOException {
      this.pdf = pdf;
      nySide();
    }

    void nySide() throws IOException {
      if (side != null) {
        side.close();
      }
      PDPage ny = new PDPage(PDRectangle.A4);
      pdf.addPage(ny);
      side = new PDPageContentStream(pdf, ny);
      y = PDRectangle.A4.getHeight() - MARG;
    }

    /** A new page unless {@code punkter} fit on this one. */
    void plass(float punkter) throws IOException {
      if (y - punkter < MARG) {
        nySide();
      }
    }

    void mellomrom(float punkter) {
      y -= punkter;
    }

    void linje(PDType1Font font, float storrelse, String tekst) throws IOException {
      float linje = storrelse * 1.4f;
      plass(linje);
      y -= linje;
      tekst(font, storrelse, MARG, y, kortet(font, storrelse, tekst, PDRectangle.A4.getWidth() - 2 * MARG));
    }

    /** A table row: the first column left-aligned, the numbers right-aligned at their column's end. */
    void rad(PDType1Font font, String... celler) throws IOException {
      float storrelse = 9;
      plass(storrelse * 1.6f);
      y -= storrelse * 1.6f;
      tekst(font, storrelse, KOLONNER[0], y, kortet(font, storrelse, celler[0], KOLONNER[1] - KOLONNER[0] - 40));
      for (int i = 1; i < celler.length; i++) {
        String t = lovlig(font, celler[i]);
        tekst(font, storrelse, KOLONNER[i] - font.getStringWidth(t) / 1000 * storrelse, y, t);
      }
    }

    void tekst(PDType1Font font, float storrelse, float x, float yy, String tekst) throws IOException {
      side.beginText();
      side.setFont(font, storrelse);
      side.newLineAtOffset(x, yy);
      side.showText(lovlig(font, tekst));
      side.endText();
    }

    void rektangel(float x, float yy, float w, float h, Color farge) throws IOException {
      side.setNonStrokingColor(farge);
      side.addRect(x, yy, w, h);
      side.fill();
      side.setNonStrokingColor(Color.BLACK);
    }

    @Override
    public void close() throws IOException {
      side.close();
    }
  }
}
