package no.vareunge.rapportering;

import no.vareunge.vedtak.Utfall;
import no.vareunge.arbeidspakke.Pilotstatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.vareunge.arbeidspakke.Fase;
import no.vareunge.felles.Tidssone;
import no.vareunge.portefolje.Vedtakspost;
import no.vareunge.rapportering.Rapporttall.Kommunetall;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The report as an Excel workbook (Apache POI): the sheet «Sammendrag» with one row per kommune
 * and the sums, then one sheet per kommune with its packages per phase, money, new decisions,
 * red and yellow pilots and overdue decisions. Numbers are numbers, so the board can sum and
 * filter on its own.
 */
@Component
public class Regneark {

  public static final String SAMMENDRAG = "Sammendrag";
  /** The columns of the summary after «Kommune»: each phase, then these. */
  static final List<String> SAMMENDRAG_ETTER_FASER = List.of("Pakker i alt", "Nye vedtak", "Røde piloter",
      "Gule piloter", "Forfalte beslutninger", "Budsjett (kr)", "Bevilget (kr)", "Forbrukt (kr)");

  public byte[] lag(Styrerapport rapport, Rapporttall tall) {
    try (XSSFWorkbook bok = new XSSFWorkbook(); ByteArrayOutputStream ut = new ByteArrayOutputStream()) {
      Stiler stiler = new Stiler(bok);
      sammendrag(bok.createSheet(SAMMENDRAG), stiler, rapport, tall);
      Set<String> brukt = new HashSet<>(Set.of(SAMMENDRAG.toLowerCase(Locale.ROOT)));
      for (Kommunetall k : tall.kommuner()) {
        kommune(bok.createSheet(arknavn(k.kommunenavn(), brukt)), stiler, rapport, k);
      }
      bok.getProperties().getCoreProperties().setTitle("Styrerapport til eierstyret " + tall.periode());
      bok.getProperties().getCoreProperties().setCreator("Våre unge – programstyring");
      bok.write(ut);
      return ut.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Regnearket kunne ikke lages", e);
    }
  }

  /** The kommune's name as a valid, unique sheet name (Excel: at most 31 characters, no []:*?/\). */
  static String arknavn(String navn, Set<String> brukt) {
    String grunn = WorkbookUtil.createSafeSheetName(navn);
    String kandidat = grunn;
    for (int i = 2; !brukt.add(kandidat.toLowerCase(Locale.ROOT)); i++) {
      String tillegg = " (" + i + ")";
      kandidat = grunn.substring(0, Math.min(grunn.length(), 31 - tillegg.length())) + tillegg;
    }
    return kandidat;
  }

  private void sammendrag(Sheet ark, Stiler s, Styrerapport rapport, Rapporttall tall) {
    int r = overskrift(ark, s, "Styrerapport til eierstyret – Våre unge", rapport);
    List<String> kolonner = new ArrayList<>();
    kolonner.add("Kommune");
    Rapporttall.FASER.forEach(f -> kolonner.add(f.visningsnavn()));
    kolonner.addAll(SAMMENDRAG_ETTER_FASER);
    rad(ark, r++, s.hode, kolonner.toArray());
    for (Kommunetall k : tall.kommuner()) {
      Row rad = ark.createRow(r++);
      tekst(rad, 0, k.kommunenavn(), null);
      int c = 1;
      for (Fase f : Rapporttall.FASER) {
        tall(rad, c++, k.antall(f), null);
      }
      tall(rad, c++, k.antallPakker(), null);
      tall(rad, c++, k.nyeVedtak().size(), null);
      tall(rad, c++, k.antallPiloter(Pilotstatus.ROD), null);
      tall(rad, c++, k.antallPiloter(Pilotstatus.GUL), null);
      tall(rad, c++, k.forfalteBeslutninger().size(), null);
      belop(rad, c++, k.budsjett(), s.kroner);
      belop(rad, c++, k.bevilget(), s.kroner);
      belop(rad, c, k.forbrukt(), s.kroner);
    }
    Row sum = ark.createRow(r);
    tekst(sum, 0, "Sum", s.sum);
    int c = 1;
    for (Fase f : Rapporttall.FASER) {
      tall(sum, c++, tall.sum(k -> k.antall(f)), s.sum);
    }
    tall(sum, c++, tall.sum(Kommunetall::antallPakker), s.sum);
    tall(sum, c++, tall.sum(k -> k.nyeVedtak().size()), s.sum);
    tall(sum, c++, tall.sum(k -> k.antallPiloter(Pilotstatus.ROD)), s.sum);
    tall(sum, c++, tall.sum(k -> k.antallPiloter(Pilotstatus.GUL)), s.sum);
    tall(sum, c++, tall.sum(k -> k.forfalteBeslutninger().size()), s.sum);
    belop(sum, c++, tall.sumBelop(Kommunetall::budsjett), s.sumKroner);
    belop(sum, c++, tall.sumBelop(Kommunetall::bevilget), s.sumKroner);
    belop(sum, c, tall.sumBelop(Kommunetall::forbrukt), s.sumKroner);
    bredder(ark, 22, kolonner.size(), 13);
    ark.createFreezePane(1, 0);
  }

  private void kommune(Sheet ark, Stiler s, Styrerapport rapport, Kommunetall k) {
    int r = overskrift(ark, s, k.kommunenavn(), rapport);

    rad(ark, r++, s.seksjon, "Arbeidspakker per fase");
    rad(ark, r++, s.hode, "Fase", "Antall");
    for (Fase f : Rapporttall.FASER) {
      Row rad = ark.createRow(r++);
      tekst(rad, 0, f.visningsnavn(), null);
      tall(rad, 1, k.antall(f), null);
    }
    Row iAlt = ark.createRow(r++);
    tekst(iAlt, 0, "I alt", s.sum);
    tall(iAlt, 1, k.antallPakker(), s.sum);
    r++;

    rad(ark, r++, s.seksjon, "Økonomi");
    rad(ark, r++, s.hode, "Budsjett (kr)", "Bevilget (kr)", "Forbrukt (kr)");
    Row okonomi = ark.createRow(r++);
    belop(okonomi, 0, k.budsjett(), s.kroner);
    belop(okonomi, 1, k.bevilget(), s.kroner);
    belop(okonomi, 2, k.forbrukt(), s.kroner);
    r++;

    rad(ark, r++, s.seksjon, "Nye vedtak i perioden (" + k.nyeVedtak().size() + ")");
    rad(ark, r++, s.hode, "Dato", "Referanse", "Tittel", "Nivå", "Utfall", "Saksnr.");
    for (Vedtakspost v : k.nyeVedtak()) {
      rad(ark, r++, null, dato(v.tidspunkt()), v.referanse(), v.tittel(), v.niva().visningsnavn(), Utfall.tekst(v.utfall()),
          v.sakNr());
    }
    r++;

    rad(ark, r++, s.seksjon, "Piloter med rød eller gul status (" + k.piloter().size() + ")");
    rad(ark, r++, s.hode, "Referanse", "Tittel", "Status", "Siste rapport");
    for (Rapporttall.Pilot p : k.piloter()) {
      rad(ark, r++, null, p.referanse(), p.tittel(), Pilotstatus.tekst(p.status()), dato(p.sisteRapport()));
    }
    r++;

    rad(ark, r++, s.seksjon, "Forfalte beslutninger (" + k.forfalteBeslutninger().size() + ")");
    rad(ark, r++, s.hode, "Referanse", "Tittel", "Oppgave", "Frist");
    for (Rapporttall.ForfaltBeslutning f : k.forfalteBeslutninger()) {
      rad(ark, r++, null, f.referanse(), f.tittel(), f.oppgave(), dato(f.frist()));
    }
    bredder(ark, 16, 6, 16);
    ark.setColumnWidth(2, 45 * 256);
  }

  /**
   * Fixed widths, in characters: POI's auto-size measures text with the system's fonts, which a
   * server image may not have.
   */
  private static void bredder(Sheet ark, int forste, int antall, int ovrige) {
    ark.setColumnWidth(0, forste * 256);
    for (int i = 1; i < antall; i++) {
      ark.setColumnWidth(i, ovrige * 256);
    }
  }

  /** Title, period and date; returns the first free row. */
  private static int overskrift(Sheet ark, Stiler s, String tittel, Styrerapport rapport) {
    rad(ark, 0, s.tittel, tittel);
    rad(ark, 1, null, "Periode: " + rapport.periode());
    rad(ark, 2, null, "Laget: " + Tidssone.norskDato(rapport.periodeTil()));
    return 4;
  }

  private static void rad(Sheet ark, int nr, CellStyle stil, Object... verdier) {
    Row rad = ark.createRow(nr);
    for (int i = 0; i < verdier.length; i++) {
      tekst(rad, i, verdier[i] == null ? "" : verdier[i].toString(), stil);
    }
  }

  private static void tekst(Row rad, int kolonne, String verdi, CellStyle stil) {
    Cell celle = rad.createCell(kolonne);
    celle.setCellValue(verdi);
    if (stil != null) {
      celle.setCellStyle(stil);
    }
  }

  private static void tall(Row rad, int kolonne, long verdi, CellStyle stil) {
    Cell celle = rad.createCell(kolonne);
    celle.setCellValue(verdi);
    if (stil != null) {
      celle.setCellStyle(stil);
    }
  }

  private static void belop(Row rad, int kolonne, BigDecimal verdi, CellStyle stil) {
    Cell celle = rad.createCell(kolonne);
    celle.setCellValue(verdi == null ? 0 : verdi.doubleValue());
    celle.setCellStyle(stil);
  }

  private static String dato(Date dato) {
    return dato == null ? "" : Tidssone.norskDato(dato);
  }

  /** The few cell styles of the workbook, made once (a workbook has a limit on styles). */
  private static final class Stiler {
    final CellStyle tittel;
    final CellStyle seksjon;
    final CellStyle hode;
    final CellStyle sum;
    final CellStyle kroner;
    final CellStyle sumKroner;

    Stiler(XSSFWorkbook bok) {
      Font stor = bok.createFont();
      stor.setBold(true);
      stor.setFontHeightInPoints((short) 14);
      Font fet = bok.createFont();
      fet.setBold(true);
      short kr = bok.createDataFormat().getFormat("#,##0");
      tittel = bok.createCellStyle();
      tittel.setFont(stor);
      seksjon = bok.createCellStyle();
      seksjon.setFont(fet);
      hode = bok.createCellStyle();
      hode.setFont(fet);
      hode.setWrapText(true);
      sum = bok.createCellStyle();
      sum.setFont(fet);
      kroner = bok.createCellStyle();
      kroner.setDataFormat(kr);
      sumKroner = bok.createCellStyle();
      sumKroner.setFont(fet);
      sumKroner.setDataFormat(kr);
    }
  }
}
