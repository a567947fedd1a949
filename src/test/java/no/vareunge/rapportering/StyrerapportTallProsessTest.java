package no.vareunge.rapportering;

import static no.vareunge.Testklokke.settKlokke;
import static no.vareunge.Testklokke.tidspunkt;
import static no.vareunge.arbeidspakke.Skjemasvar.fremdriftsrapport;
import static no.vareunge.arbeidspakke.Skjemasvar.lederBeslutning;
import static no.vareunge.arbeidspakke.Skjemasvar.styrevedtak;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.vareunge.Forslag;
import no.vareunge.TestBrukere;
import no.vareunge.Testkommune;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import no.vareunge.arbeidspakke.Fase;
import no.vareunge.kommune.Kommune;
import no.vareunge.kommune.KommuneRegister;
import no.vareunge.portefolje.Vedtakspost;
import no.vareunge.tilgang.Tilgangsoppsett;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The figures of a board report, exactly, for a seeded scenario: a kommune of its own (so that the
 * other tests' packages in the shared database do not count), packages in several phases, a
 * report archived in between (the period starts there), then the report read back: the stored
 * figures, the workbook with Apache POI and the PDF's text with PDFBox. The summary's sums must be
 * the sums of the kommune rows, and each kommune's sheet must agree with its summary row.
 */
@VareungeTest
class StyrerapportTallProsessTest {

  private static final Kommune RAPPORTVIK = new Kommune("rapportvik", "Rapportvik", "RPV");
  private static final String AP = "ap.rapportvik";
  private static final String LEDER = "leder.rapportvik";
  private static final String STYRE = "styre.rapportvik";

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired KommuneRegister kommuner;
  @Autowired Tilgangsoppsett tilgang;
  @Autowired Rapportarkiv arkiv;

  @AfterEach
  void rydd() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void rapportenHarNoyaktigTalleneForKommunenOgSummeneErSummenAvKommunene() throws Exception {
    TestBrukere.opprett(identity);
    nyKommune();
    ArbeidspakkeDriver pakker = new ArbeidspakkeDriver(engine);
    StyrerapportDriver rapporter = new StyrerapportDriver(engine);

    settKlokke(tidspunkt(2050, 1, 3));
    ProcessInstance laerlinger = pakker.startForslag(AP, forslag("Rapportvik: lærlinger i kommunen", 30000, 6));
    ProcessInstance sommerjobb = pakker.startForslag(AP, forslag("Rapportvik: sommerjobb for unge", 20000, 6));
    ProcessInstance inntak = pakker.startForslag(AP, forslag("Rapportvik: felles inntak", 200000, 12));
    ProcessInstance ungdomshus = pakker.startForslag(AP, forslag("Rapportvik: åpent ungdomshus", 100000, 12));
    pakker.startForslag(AP, forslag("Rapportvik: mentorordning", 40000, 12)); // stays in VURDERING
    settKlokke(tidspunkt(2050, 1, 4));
    for (ProcessInstance p : List.of(laerlinger, sommerjobb, inntak, ungdomshus)) {
      pakker.fullfor(p, "Task_VurderForslag", LEDER, vurdering("komplett"));
    }
    pakker.fullfor(laerlinger, "Task_BesluttMindreTiltak", LEDER, lederBeslutning("godkjent"));

    // The previous report: the new one's period starts where it ended.
    long forrige = rapporter.helVeien(tidspunkt(2050, 2, 1));

    settKlokke(tidspunkt(2050, 2, 5));
    pakker.fullfor(sommerjobb, "Task_BesluttMindreTiltak", LEDER, lederBeslutning("godkjent"));
    settKlokke(tidspunkt(2050, 2, 10));
    pakker.fullfor(ungdomshus, "Task_Styrebehandling", STYRE, styrevedtak("avslatt", "12/50", "2050-02-09"));
    pakker.utforJobb(ungdomshus, "EndEvent_StyreAvslatt");
    settKlokke(tidspunkt(2050, 2, 16));
    pakker.utforJobb(laerlinger, "StartEvent_Rapportsyklus");
    pakker.fullfor(laerlinger, "Task_Fremdriftsrapport", AP, fremdriftsrapport("rod", 12000, false));
    settKlokke(tidspunkt(2050, 3, 20));
    pakker.utforJobb(sommerjobb, "StartEvent_Rapportsyklus");
    pakker.fullfor(sommerjobb, "Task_Fremdriftsrapport", AP, fremdriftsrapport("gul", 5000, false));
    // The board's decision on «felles inntak» was due after one board cycle (15.02.2050): overdue.

    long id = rapporter.helVeien(tidspunkt(2050, 3, 21));

    Styrerapport rapport = arkiv.hent(id).orElseThrow();
    assertThat(rapport.periodeFra()).isEqualTo(arkiv.hent(forrige).orElseThrow().periodeTil());
    assertThat(rapport.periode()).isEqualTo("01.02.2050–21.03.2050");
    assertThat(rapport.navn()).isEqualTo("styrerapport-2050-03");
    String laerlingRef = referanse(laerlinger);
    String sommerRef = referanse(sommerjobb);
    String inntakRef = referanse(inntak);
    String ungdomshusRef = referanse(ungdomshus);

    // 1. The stored figures.
    Rapporttall.Kommunetall tall = arkiv.tall(id).kommuner().stream()
        .filter(k -> k.kommune().equals(RAPPORTVIK.id())).findFirst().orElseThrow();
    assertThat(tall.perFase()).containsOnly(entry(Fase.PILOTERING, 2L), entry(Fase.BESLUTNING, 1L),
        entry(Fase.VURDERING, 1L), entry(Fase.AVSLATT, 1L));
    assertThat(tall.nyeVedtak()).extracting(Vedtakspost::referanse, Vedtakspost::utfall, Vedtakspost::sakNr)
        .containsExactly(tuple(sommerRef, "godkjent", null), tuple(ungdomshusRef, "avslatt", "12/50"));
    assertThat(tall.piloter()).extracting(Rapporttall.Pilot::referanse, Rapporttall.Pilot::status)
        .containsExactly(tuple(laerlingRef, "rod"), tuple(sommerRef, "gul"));
    assertThat(tall.forfalteBeslutninger()).extracting(Rapporttall.ForfaltBeslutning::referanse,
        Rapporttall.ForfaltBeslutning::oppgave).containsExactly(tuple(inntakRef, "Styrebehandling"));
    assertThat(tall.budsjett()).isEqualByComparingTo("390000");
    assertThat(tall.bevilget()).isEqualByComparingTo("50000");
    assertThat(tall.forbrukt()).isEqualByComparingTo("17000");

    // 2. The workbook.
    try (XSSFWorkbook bok = new XSSFWorkbook(new ByteArrayInputStream(arkiv.fil(id, Rapportfil.XLSX).orElseThrow()))) {
      Sheet sammendrag = bok.getSheet(Regneark.SAMMENDRAG);
      assertThat(bok.getSheetIndex(sammendrag)).isZero();
      assertThat(tekst(sammendrag, 1, 0)).isEqualTo("Periode: 01.02.2050–21.03.2050");
      Map<String, Integer> kolonne = kolonner(sammendrag.getRow(4));
      Row rapportvik = rad(sammendrag, "Rapportvik");
      assertThat(tall(rapportvik, kolonne, "Pilotering")).isEqualTo(2);
      assertThat(tall(rapportvik, kolonne, "Beslutning")).isEqualTo(1);
      assertThat(tall(rapportvik, kolonne, "Vurdering")).isEqualTo(1);
      assertThat(tall(rapportvik, kolonne, "Avslått")).isEqualTo(1);
      assertThat(tall(rapportvik, kolonne, "Drift")).isZero();
      assertThat(tall(rapportvik, kolonne, "Pakker i alt")).isEqualTo(5);
      assertThat(tall(rapportvik, kolonne, "Nye vedtak")).isEqualTo(2);
      assertThat(tall(rapportvik, kolonne, "Røde piloter")).isEqualTo(1);
      assertThat(tall(rapportvik, kolonne, "Gule piloter")).isEqualTo(1);
      assertThat(tall(rapportvik, kolonne, "Forfalte beslutninger")).isEqualTo(1);
      assertThat(tall(rapportvik, kolonne, "Budsjett (kr)")).isEqualTo(390000);
      assertThat(tall(rapportvik, kolonne, "Bevilget (kr)")).isEqualTo(50000);
      assertThat(tall(rapportvik, kolonne, "Forbrukt (kr)")).isEqualTo(17000);

      // Sum = the sum of the kommune rows, column by column; one sheet per kommune agrees with its row.
      List<Row> kommunerader = new ArrayList<>();
      for (int r = 5; r <= sammendrag.getLastRowNum() && !"Sum".equals(tekst(sammendrag, r, 0)); r++) {
        kommunerader.add(sammendrag.getRow(r));
      }
      assertThat(kommunerader).hasSize(kommuner.alle().size());
      Row sum = rad(sammendrag, "Sum");
      for (Map.Entry<String, Integer> k : kolonne.entrySet()) {
        if (!k.getKey().equals("Kommune")) {
          assertThat(tall(sum, kolonne, k.getKey())).as("sum av %s", k.getKey())
              .isEqualTo(kommunerader.stream().mapToDouble(r -> tall(r, kolonne, k.getKey())).sum());
        }
      }
      assertThat(bok.getNumberOfSheets()).isEqualTo(1 + kommunerader.size());
      for (Row r : kommunerader) {
        Sheet ark = bok.getSheet(r.getCell(0).getStringCellValue());
        assertThat(ark).as("ark for %s", r.getCell(0).getStringCellValue()).isNotNull();
        assertThat(tall(rad(ark, "I alt"), Map.of("Antall", 1), "Antall")).isEqualTo(tall(r, kolonne, "Pakker i alt"));
      }

      Sheet ark = bok.getSheet("Rapportvik");
      assertThat(tall(rad(ark, "Pilotering"), Map.of("Antall", 1), "Antall")).isEqualTo(2);
      assertThat(rad(ark, "Nye vedtak i perioden (2)")).isNotNull();
      // The decision in the form's words, not the stored value «avslatt».
      assertThat(tekster(ark)).anySatisfy(rad -> assertThat(rad).contains(ungdomshusRef, "Lokalt styre", "Avslått"));
      assertThat(rad(ark, "Piloter med rød eller gul status (2)")).isNotNull();
      assertThat(tekst(ark, rad(ark, laerlingRef).getRowNum(), 2)).isEqualTo("Rød");
      assertThat(tekst(ark, rad(ark, sommerRef).getRowNum(), 2)).isEqualTo("Gul");
      assertThat(rad(ark, "Forfalte beslutninger (1)")).isNotNull();
      assertThat(tekst(ark, rad(ark, inntakRef).getRowNum(), 2)).isEqualTo("Styrebehandling");
      assertThat(tekst(ark, rad(ark, inntakRef).getRowNum(), 3)).isEqualTo("15.02.2050");

      // 3. The PDF: the same figures, in Norwegian.
      List<String> linjer;
      try (PDDocument pdf = Loader.loadPDF(arkiv.fil(id, Rapportfil.PDF).orElseThrow())) {
        PDFTextStripper tekst = new PDFTextStripper();
        tekst.setSortByPosition(true);
        linjer = tekst.getText(pdf).lines().map(String::strip).toList();
      }
      assertThat(linjer).contains("Styrerapport til eierstyret", "Periode: 01.02.2050–21.03.2050", "Nøkkeltall",
          "Per kommune", "Arbeidspakker per kommune og fase",
          "Rapportvik 5 2 1 1 1 50 000 17 000",
          "Sum " + (long) tall(sum, kolonne, "Pakker i alt") + " " + (long) tall(sum, kolonne, "Nye vedtak") + " "
              + (long) tall(sum, kolonne, "Røde piloter") + " " + (long) tall(sum, kolonne, "Gule piloter") + " "
              + (long) tall(sum, kolonne, "Forfalte beslutninger") + " "
              + Rapporttall.kroner(java.math.BigDecimal.valueOf(tall(sum, kolonne, "Bevilget (kr)"))) + " "
              + Rapporttall.kroner(java.math.BigDecimal.valueOf(tall(sum, kolonne, "Forbrukt (kr)"))),
          "• Rapportvik: " + laerlingRef + " Rapportvik: lærlinger i kommunen – Rød",
          "• Rapportvik: " + sommerRef + " Rapportvik: sommerjobb for unge – Gul",
          "• Rapportvik: " + inntakRef + " Rapportvik: felles inntak – Styrebehandling, frist 15.02.2050",
          "• 10.02.2050 Rapportvik: " + ungdomshusRef + " Rapportvik: åpent ungdomshus – Lokalt styre: Avslått (sak 12/50)");
      assertThat(linjer).anyMatch(l -> l.startsWith("Forslag") && l.contains("Pilotering") && l.contains("Avsluttet"));
    }
  }

  /** A kommune of this test alone, with its arbeidspakke-leder, lokal leder and board member. */
  private void nyKommune() {
    Testkommune.opprett(RAPPORTVIK, kommuner, tilgang, identity);
  }

  private static Map<String, Object> forslag(String tittel, int budsjett, int maneder) {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("kommune", RAPPORTVIK.id());
    forslag.put("tittel", tittel);
    forslag.put("budsjett", budsjett);
    forslag.put("pilotvarighetMnd", maneder);
    return forslag;
  }

  private String referanse(ProcessInstance p) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(p.getId())
        .singleResult().getBusinessKey();
  }

  private static Map<String, Integer> kolonner(Row hode) {
    Map<String, Integer> kolonner = new HashMap<>();
    hode.forEach(c -> kolonner.put(c.getStringCellValue(), c.getColumnIndex()));
    return kolonner;
  }

  /** The first row whose first cell is {@code forste}. */
  /** The text cells of every row of the sheet. */
  private static List<List<String>> tekster(Sheet ark) {
    List<List<String>> rader = new ArrayList<>();
    for (Row r : ark) {
      List<String> celler = new ArrayList<>();
      r.forEach(c -> {
        if (c.getCellType() == CellType.STRING) {
          celler.add(c.getStringCellValue());
        }
      });
      rader.add(celler);
    }
    return rader;
  }

  private static Row rad(Sheet ark, String forste) {
    for (Row r : ark) {
      Cell c = r.getCell(0);
      if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(forste)) {
        return r;
      }
    }
    throw new AssertionError("Ingen rad «" + forste + "» i arket " + ark.getSheetName());
  }

  private static double tall(Row rad, Map<String, Integer> kolonner, String kolonne) {
    Cell c = rad.getCell(kolonner.get(kolonne));
    assertThat(c.getCellType()).as("%s er et tall", kolonne).isEqualTo(CellType.NUMERIC);
    return c.getNumericCellValue();
  }

  private static String tekst(Sheet ark, int rad, int kolonne) {
    return ark.getRow(rad).getCell(kolonne).getStringCellValue();
  }
}
