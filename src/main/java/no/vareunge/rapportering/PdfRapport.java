package no.vareunge.rapportering;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import no.vareunge.arbeidspakke.Fase;
import no.vareunge.arbeidspakke.Pilotstatus;
import no.vareunge.felles.Tidssone;
import no.vareunge.portefolje.Vedtakspost;
import no.vareunge.rapportering.Rapporttall.Kommunetall;
import no.vareunge.vedtak.Utfall;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.springframework.stereotype.Component;

/**
 * The report as PDF (Apache PDFBox): the key figures, a table per kommune with the sums, a bar
 * chart of the packages per kommune and phase, and the lists behind the figures (red and yellow
 * pilots, overdue decisions, new decisions). Every text is whole: long lines wrap, never cut. The
 * font is Liberation Sans, embedded, so any Norwegian or Sámi text prints as typed. The document is
 * tagged for screen readers: language {@code nb}, a title shown as the window's title, and headings
 * and paragraphs in reading order; the chart's bars are artifacts (the table says the same).
 */
@Component
public class PdfRapport {

  /** The chart's groups: the phases in progress one by one, the four end states together. */
  /** The phases of the chart, in order; the end states share one group after them. */
  private static final List<Fase> DIAGRAMFASER = List.of(Fase.FORSLAG, Fase.VURDERING, Fase.BESLUTNING,
      Fase.PILOTERING, Fase.EVALUERING, Fase.DRIFT);
  static final List<String> DIAGRAMGRUPPER = Stream.concat(
      DIAGRAMFASER.stream().map(Fase::visningsnavn), Stream.of("Avsluttet")).toList();
  private static final Color[] FARGER = {new Color(0x9e, 0xca, 0xe1), new Color(0x42, 0x92, 0xc6),
      new Color(0x08, 0x51, 0x9c), new Color(0xfd, 0xae, 0x6b), new Color(0xe6, 0x55, 0x0d),
      new Color(0x31, 0xa3, 0x54), new Color(0xbd, 0xbd, 0xbd)};

  private static final float MARG = 50;
  private static final float BREDDE = PDRectangle.A4.getWidth() - 2 * MARG;
  /** The left edge of the first column, then the right edge of each column of numbers. */
  private static final float[] KOLONNER = {MARG, 205, 260, 295, 330, 380, 465, 545};
  private static final String[] KOLONNETITLER = {"Kommune", "Pakker", "Nye vedtak", "Røde", "Gule", "Forfalte",
      "Bevilget (kr)", "Forbrukt (kr)"};

  public byte[] lag(Styrerapport rapport, Rapporttall tall) {
    try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream ut = new ByteArrayOutputStream()) {
      String tittel = "Styrerapport til eierstyret " + tall.periode();
      PDDocumentInformation info = pdf.getDocumentInformation();
      info.setTitle(tittel);
      info.setAuthor("Våre unge – programstyring");
      Calendar laget = Calendar.getInstance();
      laget.setTime(rapport.periodeTil());
      info.setCreationDate(laget);
      PDDocumentCatalog katalog = pdf.getDocumentCatalog();
      katalog.setLanguage("nb");
      PDViewerPreferences visning = new PDViewerPreferences(new COSDictionary());
      visning.setDisplayDocTitle(true);
      katalog.setViewerPreferences(visning);
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
    s.avsnitt(StandardStructureTypes.H1, s.fet, 18, "Styrerapport til eierstyret");
    s.avsnitt(s.vanlig, 11, "Våre unge – programstyring");
    s.mellomrom(6);
    s.avsnitt(s.vanlig, 11, "Periode: " + rapport.periode());
    s.avsnitt(s.vanlig, 11, "Laget: " + Tidssone.norskDato(rapport.periodeTil()));
    s.mellomrom(10);
    s.avsnitt(StandardStructureTypes.H2, s.fet, 13, "Nøkkeltall");
    for (String linje : tall.nokkeltall()) {
      s.avsnitt(s.vanlig, 11, linje);
    }
    s.mellomrom(12);
  }

  private void tabell(Skriver s, Rapporttall tall) throws IOException {
    s.plass(60);
    s.avsnitt(StandardStructureTypes.H2, s.fet, 13, "Per kommune");
    s.rad(s.fet, KOLONNETITLER);
    for (Kommunetall k : tall.kommuner()) {
      s.rad(s.vanlig, k.kommunenavn(), String.valueOf(k.antallPakker()), String.valueOf(k.nyeVedtak().size()),
          String.valueOf(k.antallPiloter(Pilotstatus.ROD)), String.valueOf(k.antallPiloter(Pilotstatus.GUL)),
          String.valueOf(k.forfalteBeslutninger().size()), Rapporttall.kroner(k.bevilget()), Rapporttall.kroner(k.forbrukt()));
    }
    s.rad(s.fet, "Sum", String.valueOf(tall.sum(Kommunetall::antallPakker)),
        String.valueOf(tall.sum(k -> k.nyeVedtak().size())), String.valueOf(tall.sum(k -> k.antallPiloter(Pilotstatus.ROD))),
        String.valueOf(tall.sum(k -> k.antallPiloter(Pilotstatus.GUL))),
        String.valueOf(tall.sum(k -> k.forfalteBeslutninger().size())),
        Rapporttall.kroner(tall.sumBelop(Kommunetall::bevilget)),
        Rapporttall.kroner(tall.sumBelop(Kommunetall::forbrukt)));
    s.mellomrom(14);
  }

  /**
   * Horizontal bars, one per kommune, a segment per phase group, scaled to the largest kommune; a
   * long name wraps and its bar's row grows with it.
   */
  private void diagram(Skriver s, Rapporttall tall) throws IOException {
    float bar = 10;
    float navnebredde = 105;
    float venstre = MARG + 110;
    float bredde = 330;
    s.plass(60);
    s.avsnitt(StandardStructureTypes.H2, s.fet, 13, "Arbeidspakker per kommune og fase");
    s.mellomrom(6);
    long storst = Math.max(1, tall.kommuner().stream().mapToLong(Kommunetall::antallPakker).max().orElse(1));
    for (Kommunetall k : tall.kommuner()) {
      List<String> navn = brytt(s.vanlig, 9, k.kommunenavn(), navnebredde);
      float hoyde = Math.max(bar + 4, navn.size() * 11f);
      s.plass(hoyde);
      float topp = s.y;
      for (int i = 0; i < navn.size(); i++) {
        s.tekst(StandardStructureTypes.P, s.vanlig, 9, MARG, topp - 9 - i * 11f, navn.get(i));
      }
      float x = venstre;
      long[] grupper = grupper(k);
      for (int g = 0; g < grupper.length; g++) {
        float w = bredde * grupper[g] / storst;
        if (w > 0) {
          s.rektangel(x, topp - bar - 1, w, bar, FARGER[g]);
          x += w;
        }
      }
      s.tekst(StandardStructureTypes.P, s.vanlig, 9, x + 4, topp - 9, String.valueOf(k.antallPakker()));
      s.y -= hoyde;
    }
    s.mellomrom(6);
    s.plass(16);
    float x = MARG;
    for (int g = 0; g < DIAGRAMGRUPPER.size(); g++) {
      float w = 14 + bredde(s.vanlig, 8, DIAGRAMGRUPPER.get(g)) + 10;
      if (x + w > MARG + BREDDE) {
        x = MARG;
        s.y -= 14;
        s.plass(16);
      }
      s.rektangel(x, s.y - 9, 8, 8, FARGER[g]);
      s.tekst(StandardStructureTypes.P, s.vanlig, 8, x + 11, s.y - 8, DIAGRAMGRUPPER.get(g));
      x += w;
    }
    s.y -= 16;
    s.mellomrom(12);
  }

  static long[] grupper(Kommunetall k) {
    long[] grupper = new long[DIAGRAMGRUPPER.size()];
    for (Fase f : Rapporttall.FASER) {
      grupper[f.erAvsluttet() ? grupper.length - 1 : DIAGRAMFASER.indexOf(f)] += k.antall(f);
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
    s.avsnitt(StandardStructureTypes.H2, s.fet, 13, tittel + " (" + linjer.size() + ")");
    if (linjer.isEmpty()) {
      s.avsnitt(s.vanlig, 10, "Ingen.");
    }
    for (String linje : linjer) {
      s.punkt(s.vanlig, 10, linje);
    }
    s.mellomrom(10);
  }

  /** The text as lines of at most {@code bredde} points, broken between words (inside a word if it must). */
  static List<String> brytt(PDFont font, float storrelse, String tekst, float bredde) throws IOException {
    List<String> linjer = new ArrayList<>();
    StringBuilder linje = new StringBuilder();
    for (String ord : lovlig(font, tekst).split(" ")) {
      String forsok = linje.isEmpty() ? ord : linje + " " + ord;
      if (bredde(font, storrelse, forsok) <= bredde) {
        linje.setLength(0);
        linje.append(forsok);
        continue;
      }
      if (!linje.isEmpty()) {
        linjer.add(linje.toString());
        linje.setLength(0);
      }
      String rest = ord;
      while (bredde(font, storrelse, rest) > bredde) {
        int n = rest.length() - 1;
        while (n > 1 && bredde(font, storrelse, rest.substring(0, n)) > bredde) {
          n--;
        }
        linjer.add(rest.substring(0, n));
        rest = rest.substring(n);
      }
      linje.append(rest);
    }
    if (!linje.isEmpty() || linjer.isEmpty()) {
      linjer.add(linje.toString());
    }
    return linjer;
  }

  static float bredde(PDFont font, float storrelse, String tekst) throws IOException {
    return font.getStringWidth(tekst) / 1000 * storrelse;
  }

  /**
   * Characters the font has no glyph for (an emoji, say) become «?», and line breaks and tabs a space,
   * so that no typed title stops the report.
   */
  static String lovlig(PDFont font, String tekst) {
    StringBuilder ut = new StringBuilder(tekst.length());
    tekst.codePoints().forEach(c -> {
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        ut.append(' ');
        return;
      }
      String tegn = new String(Character.toChars(c));
      try {
        font.encode(tegn);
        ut.append(tegn);
      } catch (IOException | IllegalArgumentException e) {
        ut.append('?');
      }
    });
    return ut.toString();
  }

  /**
   * Writes downwards on A4 pages, starts a new page when the next thing does not fit, and tags what it
   * writes: each text in marked content, referred to by its element in the structure tree.
   */
  private static final class Skriver implements AutoCloseable {
    private final PDDocument pdf;
    final PDFont vanlig;
    final PDFont fet;
    private final PDStructureElement dokument;
    private final Map<Integer, COSArray> foreldre = new HashMap<>();
    private PDPage siden;
    private PDPageContentStream side;
    private int sidenummer = -1;
    private int mcid;
    float y;

    Skriver(PDDocument pdf) throws IOException {
      this.pdf = pdf;
      vanlig = skrift(pdf, "LiberationSans-Regular.ttf");
      fet = skrift(pdf, "LiberationSans-Bold.ttf");
      PDStructureTreeRoot rot = new PDStructureTreeRoot();
      pdf.getDocumentCatalog().setStructureTreeRoot(rot);
      PDMarkInfo merket = new PDMarkInfo();
      merket.setMarked(true);
      pdf.getDocumentCatalog().setMarkInfo(merket);
      dokument = new PDStructureElement(StandardStructureTypes.DOCUMENT, rot);
      rot.appendKid(dokument);
      nySide();
    }

    private static PDFont skrift(PDDocument pdf, String fil) throws IOException {
      try (InputStream inn = PdfRapport.class.getResourceAsStream("/liberation/" + fil)) {
        if (inn == null) {
          throw new IOException("Skriften " + fil + " mangler (avhengigheten openpdf-fonts-extra).");
        }
        return PDType0Font.load(pdf, inn);
      }
    }

    void nySide() throws IOException {
      if (side != null) {
        side.close();
      }
      siden = new PDPage(PDRectangle.A4);
      sidenummer++;
      siden.setStructParents(sidenummer);
      foreldre.put(sidenummer, new COSArray());
      mcid = 0;
      pdf.addPage(siden);
      side = new PDPageContentStream(pdf, siden);
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

    void avsnitt(PDFont font, float storrelse, String tekst) throws IOException {
      avsnitt(StandardStructureTypes.P, font, storrelse, tekst);
    }

    /** A paragraph or heading across the page, wrapped. */
    void avsnitt(String type, PDFont font, float storrelse, String tekst) throws IOException {
      skriv(type, font, storrelse, MARG, BREDDE, "", tekst);
    }

    /** A list item: «• » and the text, wrapped and indented under itself. */
    void punkt(PDFont font, float storrelse, String tekst) throws IOException {
      skriv(StandardStructureTypes.LI, font, storrelse, MARG, BREDDE, "• ", tekst);
    }

    private void skriv(String type, PDFont font, float storrelse, float x, float bredde, String foran, String tekst)
        throws IOException {
      float innrykk = bredde(font, storrelse, foran);
      List<String> linjer = brytt(font, storrelse, tekst, bredde - innrykk);
      float linje = storrelse * 1.4f;
      for (int i = 0; i < linjer.size(); i++) {
        plass(linje);
        y -= linje;
        tekst(type, font, storrelse, i == 0 ? x : x + innrykk, y, i == 0 ? foran + linjer.get(i) : linjer.get(i));
      }
    }

    /**
     * A table row: the first column left-aligned and wrapped, the numbers right-aligned at their
     * column's end on its first line; the row is as high as its first column.
     */
    void rad(PDFont font, String... celler) throws IOException {
      float storrelse = 9;
      float linje = storrelse * 1.6f;
      List<String> forste = brytt(font, storrelse, celler[0], KOLONNER[1] - KOLONNER[0] - 40);
      plass(linje * forste.size());
      y -= linje;
      for (int i = 0; i < forste.size(); i++) {
        tekst(StandardStructureTypes.P, font, storrelse, KOLONNER[0], y - i * linje, forste.get(i));
      }
      for (int i = 1; i < celler.length; i++) {
        String t = lovlig(font, celler[i]);
        tekst(StandardStructureTypes.P, font, storrelse, KOLONNER[i] - bredde(font, storrelse, t), y, t);
      }
      y -= linje * (forste.size() - 1);
    }

    /** One line of text at a place, tagged as {@code type} in reading order. */
    void tekst(String type, PDFont font, float storrelse, float x, float yy, String tekst) throws IOException {
      COSDictionary egenskaper = new COSDictionary();
      egenskaper.setInt(COSName.MCID, mcid);
      side.beginMarkedContent(COSName.getPDFName(type), PDPropertyList.create(egenskaper));
      side.beginText();
      side.setFont(font, storrelse);
      side.newLineAtOffset(x, yy);
      side.showText(lovlig(font, tekst));
      side.endText();
      side.endMarkedContent();
      PDStructureElement element = new PDStructureElement(type, dokument);
      element.setPage(siden);
      element.appendKid(PDMarkedContent.create(COSName.getPDFName(type), egenskaper));
      dokument.appendKid(element);
      foreldre.get(sidenummer).add(element);
      mcid++;
    }

    /** A coloured box of the chart: decoration for the reader (an artifact), as the table gives the numbers. */
    void rektangel(float x, float yy, float w, float h, Color farge) throws IOException {
      side.beginMarkedContent(COSName.ARTIFACT);
      side.setNonStrokingColor(farge);
      side.addRect(x, yy, w, h);
      side.fill();
      side.setNonStrokingColor(Color.BLACK);
      side.endMarkedContent();
    }

    @Override
    public void close() throws IOException {
      side.close();
      PDNumberTreeNode treet = new PDNumberTreeNode(PDParentTreeValue.class);
      Map<Integer, PDParentTreeValue> verdier = new HashMap<>();
      foreldre.forEach((nr, elementer) -> verdier.put(nr, new PDParentTreeValue(elementer)));
      treet.setNumbers(verdier);
      PDStructureTreeRoot rot = pdf.getDocumentCatalog().getStructureTreeRoot();
      rot.setParentTree(treet);
      rot.setParentTreeNextKey(sidenummer + 1);
    }
  }
}
