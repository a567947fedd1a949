package no.vareunge.skjema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SkjemaLeser} and {@link SkjemaValidator} against the real forms, without Spring. Hidden
 * fields are decided by the form's own FEEL conditions, evaluated by the same FEEL engine as in
 * the application.
 */
class SkjemaValidatorTest {

  private static Skjema forslag;
  private static Skjema eierstyre;
  private static Skjema videreDrift;
  private static SkjemaValidator validator;
  /** With registers in which every value is found (for {@code finnes}, e.g. the board members' users). */
  private static SkjemaValidator validatorMedRegistre;

  /** The minimum rows of every dynamic list in the forms: a new list is added here, and then checked. */
  private static final Map<String, Integer> LISTER = Map.of(
      "arbeidspakke-forslag/malparametere", 1,
      "arbeidspakke-bearbeiding/malparametere", 1,
      "evaluering/malresultater", 0,
      "gevinstoppfolging/gevinstresultater", 0,
      "innfasing-interessenter/interessenter", 1,
      "innfasing-lokalt-styre/styremedlemmer", 1);

  @BeforeAll
  static void lesSkjemaer() throws IOException {
    SkjemaLeser leser = new SkjemaLeser();
    forslag = les(leser, "arbeidspakke-forslag");
    eierstyre = les(leser, "vedtak-eierstyre");
    videreDrift = les(leser, "vedtak-videre-drift");

    DefaultDmnEngineConfiguration dmn =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.buildEngine();
    FeelEngine feel = dmn.getFeelEngine();
    // Unlike the application, no catch: a condition the FEEL engine cannot evaluate fails the test.
    SkjemaValidator.Betingelse betingelse = (uttrykk, verdier) -> Boolean.TRUE.equals(
        feel.evaluateSimpleExpression(uttrykk, Variables.fromMap(verdier).asVariableContext()));
    validator = new SkjemaValidator(betingelse);
    validatorMedRegistre = new SkjemaValidator(betingelse, (register, verdi) -> true);
  }

  /** Every dynamic list of every form, as {@code skjema/liste}. */
  static Stream<String> dynamiskeLister() throws IOException {
    List<String> lister = new ArrayList<>();
    try (Stream<Path> filer = Files.list(Path.of("forms"))) {
      for (Path fil : filer.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        try (InputStream inn = Files.newInputStream(fil)) {
          Skjema skjema = new SkjemaLeser().les(inn);
          skjema.felt().stream().filter(f -> "dynamiclist".equals(f.type()))
              .forEach(f -> lister.add(skjema.id() + "/" + f.key()));
        }
      }
    }
    assertThat(lister).as("dynamiske lister i skjemaene").isNotEmpty();
    return lister.stream();
  }

  private static Skjema les(SkjemaLeser leser, String id) throws IOException {
    try (InputStream inn = Files.newInputStream(Path.of("forms", id + ".form"))) {
      Skjema skjema = leser.les(inn);
      assertThat(skjema.id()).isEqualTo(id);
      return skjema;
    }
  }

  /** A proposal as {@code InnsendteVerdier} hands it over: Json numbers as BigInteger/BigDecimal. */
  private static Map<String, Object> gyldigForslag() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("tittel", "Praksisplasser i kommunale virksomheter");
    v.put("kommune", "larvik");
    v.put("utfordring", "For mange unge står utenfor opplæring og arbeid.");
    v.put("tiltak", "Faste praksisplasser med veileder.");
    v.put("innovasjon", "Kommunen som arbeidsgiver tar ansvar på tvers av sektorer.");
    v.put("malgruppe", "16–25 år utenfor opplæring og arbeid");
    v.put("partnere", List.of("kommune", "nav"));
    v.put("malparametere", List.of(rad("Antall praksisplasser", "10", "40")));
    v.put("budsjett", BigInteger.valueOf(200000));
    v.put("pilotvarighetMnd", BigInteger.valueOf(12));
    v.put("kreverPolitiskBehandling", false);
    v.put("berorerFlereKommuner", false);
    v.put("trengerEierfinansiering", false);
    v.put("horUngdomspanel", true);
    v.put("gevinster", "Flere unge i arbeid.");
    v.put("risiko", "Få veiledere.");
    v.put("medvirkning", "Ungdommer deltar i utformingen.");
    return v;
  }

  private static Map<String, Object> rad(String navn, String utgangsverdi, String malverdi) {
    Map<String, Object> rad = new LinkedHashMap<>();
    rad.put("navn", navn);
    rad.put("utgangsverdi", utgangsverdi);
    rad.put("malverdi", malverdi);
    return rad;
  }

  private static SkjemaValidator.Resultat valider(Skjema skjema, Map<String, Object> innsendt) {
    return validator.valider(skjema, innsendt, Map.of());
  }

  private static SkjemaValidator.Resultat forslagMed(String key, Object verdi) {
    Map<String, Object> v = gyldigForslag();
    v.put(key, verdi);
    return valider(forslag, v);
  }

  @Nested
  class Leser {

    @Test
    void leserFeltOgReglerFraForslagsskjemaet() {
      Skjemafelt tittel = forslag.felt("tittel").orElseThrow();
      assertThat(tittel.etikett()).isEqualTo("Tittel på arbeidspakken");
      assertThat(tittel.pakrevd()).isTrue();
      assertThat(tittel.minLengde()).isEqualTo(5);
      assertThat(tittel.maksLengde()).isEqualTo(120);

      Skjemafelt mnd = forslag.felt("pilotvarighetMnd").orElseThrow();
      assertThat(mnd.heltall()).isTrue();
      assertThat(mnd.min()).isEqualByComparingTo("1");
      assertThat(mnd.maks()).isEqualByComparingTo("36");

      assertThat(forslag.felt("kommune").orElseThrow().verdier()).containsKeys(
          "larvik", "sandefjord", "tonsberg", "faerder", "horten", "holmestrand");

      Skjemafelt malparametere = forslag.felt("malparametere").orElseThrow();
      assertThat(malparametere.type()).isEqualTo("dynamiclist");
      assertThat(malparametere.etikett()).isEqualTo("Målparametere");
      assertThat(malparametere.minAntall()).isEqualTo(1);
      assertThat(malparametere.underfelt()).extracting(Skjemafelt::key)
          .containsExactly("navn", "utgangsverdi", "malverdi");
      assertThat(malparametere.underfelt()).extracting(Skjemafelt::etikett)
          .containsExactly("Målparameter", "Utgangsverdi (i dag)", "Målverdi");
      assertThat(malparametere.underfelt()).allMatch(Skjemafelt::pakrevd);
      assertThat(malparametere.underfelt()).extracting(Skjemafelt::maksLengde).containsExactly(200, 100, 100);
      // The rows' fields are the list's, not fields of the form.
      assertThat(forslag.felt("navn")).isEmpty();

      // Text blocks carry no data and are not fields.
      assertThat(forslag.felt()).extracting(Skjemafelt::type).doesNotContain("text");
    }

    @Test
    void datofeltHarEtikettenFraDateLabel() {
      Skjemafelt motedato = eierstyre.felt("eierstyreMotedato").orElseThrow();
      assertThat(motedato.etikett()).isEqualTo("Møtedato");
      assertThat(motedato.undertype()).isEqualTo("date");
    }

    @Test
    void monsteretsEgenFeilmeldingLesesFraSkjemaet() throws IOException {
      Skjemafelt kommuneId = les(new SkjemaLeser(), "innfasing-kommune-start").felt("kommuneId").orElseThrow();
      assertThat(kommuneId.monster()).isEqualTo("^[a-z]{2,40}$");
      assertThat(kommuneId.monsterfeil()).startsWith("Bruk bare små bokstaver");
    }

    @Test
    void skjulteFeltHarBetingelsenFraSkjemaet() {
      assertThat(eierstyre.felt("bevilgetBelop").orElseThrow().skjulHvis())
          .isEqualTo("=eierstyrevedtak != \"godkjent\"");
    }
  }

  @Nested
  class ForslagTilArbeidspakke {

    @Test
    void gyldigForslagGodtas() {
      SkjemaValidator.Resultat resultat = valider(forslag, gyldigForslag());
      assertThat(resultat.feil()).isEmpty();
      assertThat(resultat.gyldig()).isTrue();
      assertThat(resultat.ignorerte()).isEmpty();
    }

    @Test
    void frivilligeFeltKanUteslas() {
      Map<String, Object> v = gyldigForslag();
      List.of("malgruppe", "partnere", "gevinster", "risiko", "medvirkning", "kreverPolitiskBehandling",
          "berorerFlereKommuner", "trengerEierfinansiering", "horUngdomspanel").forEach(v::remove);
      assertThat(valider(forslag, v).feil()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tittel", "kommune", "utfordring", "tiltak", "innovasjon", "budsjett", "pilotvarighetMnd"})
    void pakrevdFeltSomManglerAvvises(String key) {
      Map<String, Object> v = gyldigForslag();
      v.remove(key);
      String etikett = forslag.felt(key).orElseThrow().etikett();

      assertThat(valider(forslag, v).feil()).containsExactly("«" + etikett + "» (" + key + ") må fylles ut.");
    }

    @Test
    void blankTekstRegnesSomIkkeUtfylt() {
      assertThat(forslagMed("tiltak", "   ").feil())
          .containsExactly("«Hva skal prøves ut?» (tiltak) må fylles ut.");
    }

    @ParameterizedTest(name = "tittel med {0} tegn")
    @CsvSource({
        "4,   «Tittel på arbeidspakken» (tittel) må ha minst 5 tegn (har 4).",
        "5,",
        "120,",
        "121, «Tittel på arbeidspakken» (tittel) kan ha høyst 120 tegn (har 121).",
    })
    void tittelenMaHaMellom5Og120Tegn(int lengde, String forventetFeil) {
      List<String> feil = forslagMed("tittel", "x".repeat(lengde)).feil();
      if (forventetFeil == null) {
        assertThat(feil).isEmpty();
      } else {
        assertThat(feil).containsExactly(forventetFeil);
      }
    }

    @Test
    void budsjettKanIkkeVaereNegativt() {
      assertThat(forslagMed("budsjett", BigInteger.valueOf(-1)).feil())
          .containsExactly("«Budsjett (NOK)» (budsjett) må være minst 0.");
      assertThat(forslagMed("budsjett", BigInteger.ZERO).feil()).isEmpty();
      assertThat(forslagMed("budsjett", new BigDecimal("-0.01")).feil()).hasSize(1);
      // Budget is kroner, not whole kroner only: øre are allowed.
      assertThat(forslagMed("budsjett", new BigDecimal("49999.50")).feil()).isEmpty();
    }

    @ParameterizedTest(name = "pilotvarighetMnd = {0}")
    @CsvSource(delimiter = '|', value = {
        "0   | «Pilotens varighet (måneder)» (pilotvarighetMnd) må være minst 1.",
        "1   |",
        "36  |",
        "37  | «Pilotens varighet (måneder)» (pilotvarighetMnd) kan være høyst 36.",
        "6.5 | «Pilotens varighet (måneder)» (pilotvarighetMnd) må være et helt tall.",
        "6.0 |",
    })
    void pilotvarighetErHeleManederFra1Til36(BigDecimal mnd, String forventetFeil) {
      List<String> feil = forslagMed("pilotvarighetMnd", mnd).feil();
      if (forventetFeil == null) {
        assertThat(feil).isEmpty();
      } else {
        assertThat(feil).containsExactly(forventetFeil);
      }
    }

    @Test
    void talltyperFraJavaApietGodtasOgsa() {
      // Java callers and the engine use Integer, Long and Double rather than BigDecimal.
      assertThat(forslagMed("pilotvarighetMnd", 12).feil()).isEmpty();
      assertThat(forslagMed("pilotvarighetMnd", 12L).feil()).isEmpty();
      assertThat(forslagMed("budsjett", 200000.0).feil()).isEmpty();
      assertThat(forslagMed("pilotvarighetMnd", 6.5d).feil()).containsExactly(
          "«Pilotens varighet (måneder)» (pilotvarighetMnd) må være et helt tall.");
      assertThat(forslagMed("budsjett", Double.NaN).feil())
          .containsExactly("«Budsjett (NOK)» (budsjett) må være et tall.");
    }

    @Test
    void ukjentKommuneAvvises() {
      assertThat(forslagMed("kommune", "oslo").feil()).containsExactly(
          "«Kommune» (kommune) har en ugyldig verdi «oslo». Gyldige verdier: "
              + "larvik, sandefjord, tonsberg, faerder, horten, holmestrand.");
    }

    @Test
    void tekstForTallOgTallForTekstAvvises() {
      assertThat(forslagMed("budsjett", "200000").feil())
          .containsExactly("«Budsjett (NOK)» (budsjett) må være et tall.");
      assertThat(forslagMed("tittel", BigInteger.valueOf(12345)).feil())
          .containsExactly("«Tittel på arbeidspakken» (tittel) må være tekst.");
      assertThat(forslagMed("horUngdomspanel", "ja").feil())
          .containsExactly("«Be om uttalelse fra ungdomspanelet» (horUngdomspanel) må være ja eller nei (true/false).");
      assertThat(forslagMed("partnere", "nav").feil())
          .containsExactly("«Samarbeidspartnere» (partnere) må være en liste.");
    }

    @Test
    void kontrolltegnITekstAvvisesMenLinjeskiftOgUvanligUnicodeGodtas() {
      assertThat(forslagMed("tittel", "Praksisplasser\u0000 i kommunen").feil())
          .containsExactly("«Tittel på arbeidspakken» (tittel) inneholder ugyldige tegn (kontrolltegn).");
      assertThat(forslagMed("tiltak", "Første linje.\r\n\tAndre linje.").feil()).isEmpty();
      assertThat(forslagMed("tittel", "Praksisplasser \uD83D\uDE00 \u200Fe\u0301").feil()).isEmpty();
    }

    @Test
    void ukjentPartnerIAvkrysningslistenAvvises() {
      assertThat(forslagMed("partnere", List.of("nav", "kirken")).feil()).containsExactly(
          "«Samarbeidspartnere» (partnere) har en ugyldig verdi «kirken». Gyldige verdier: "
              + "kommune, nav, fylkeskommune, naeringsliv, frivillighet, forskning.");
    }

    @Test
    void minstEnMalparameter() {
      assertThat(forslagMed("malparametere", List.of()).feil())
          .containsExactly("«Målparametere» (malparametere) må ha minst 1 rad(er).");
      Map<String, Object> uten = gyldigForslag();
      uten.remove("malparametere");
      assertThat(valider(forslag, uten).feil())
          .containsExactly("«Målparametere» (malparametere) må fylles ut.");
    }

    @Test
    void malparameterUtenNavnAvvisesMedRadnummer() {
      Map<String, Object> utenNavn = rad("Antall lærekontrakter", "5", "15");
      utenNavn.remove("navn");
      List<Object> rader = List.of(rad("Antall praksisplasser", "10", "40"), utenNavn);

      assertThat(forslagMed("malparametere", rader).feil())
          .containsExactly("«Målparametere» (malparametere) rad 2: «Målparameter» (navn) må fylles ut.");
    }

    @Test
    void ukjentKolonneIMalparametereAvvises() {
      Map<String, Object> rad = rad("Antall praksisplasser", "10", "40");
      rad.put("personnummer", "01010112345");
      assertThat(forslagMed("malparametere", List.of(rad)).feil())
          .containsExactly("«Målparametere» (malparametere) rad 1: feltet «personnummer» finnes ikke i skjemaet.");
    }

    @Test
    void malparameterSomIkkeErEnRadAvvises() {
      assertThat(forslagMed("malparametere", List.of("Antall praksisplasser")).feil()).containsExactly(
          "«Målparametere» (malparametere) rad 1: må være et objekt med feltene navn, utgangsverdi, malverdi.");
    }

    @Test
    void feltSomIkkeFinnesISkjemaetAvvises() {
      SkjemaValidator.Resultat resultat = forslagMed("beslutningsniva", "LOKAL_LEDER");
      assertThat(resultat.feil()).containsExactly("Feltet «beslutningsniva» finnes ikke i skjemaet.");
      assertThat(resultat.ignorerte()).isEmpty();
    }

    @Test
    void meldingeneErPaNorskOgNavngirFeltet() {
      assertThat(forslagMed("tittel", "kort").feil()).singleElement().asString()
          .contains("Tittel på arbeidspakken").contains("(tittel)").contains("minst 5 tegn");
    }

    @Test
    void alleFeilMeldesSamtidig() {
      Map<String, Object> v = gyldigForslag();
      v.remove("tittel");
      v.put("kommune", "oslo");
      v.put("pilotvarighetMnd", BigInteger.valueOf(37));
      v.put("ekstra", "x");

      assertThat(valider(forslag, v).feil()).hasSize(4)
          .anyMatch(f -> f.contains("(tittel)"))
          .anyMatch(f -> f.contains("(kommune)"))
          .anyMatch(f -> f.contains("(pilotvarighetMnd)"))
          .anyMatch(f -> f.contains("«ekstra»"));
    }
  }

  @Nested
  class VedtakIEierstyret {

    private Map<String, Object> vedtak(String utfall) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("eierstyrevedtak", utfall);
      v.put("eierstyreSakNr", "12/26");
      v.put("eierstyreMotedato", "2026-03-18");
      v.put("eierstyreBegrunnelse", "Tiltaket er godt begrunnet.");
      return v;
    }

    @Test
    void godkjenningKreverBevilgetBelop() {
      assertThat(valider(eierstyre, vedtak("godkjent")).feil())
          .containsExactly("«Bevilget beløp (NOK)» (bevilgetBelop) må fylles ut.");

      Map<String, Object> medBelop = vedtak("godkjent");
      medBelop.put("bevilgetBelop", BigInteger.valueOf(750000));
      SkjemaValidator.Resultat resultat = valider(eierstyre, medBelop);
      assertThat(resultat.feil()).isEmpty();
      assertThat(resultat.ignorerte()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"avslatt", "returnert"})
    void bevilgetBelopErSkjultOgIgnoreresNarVedtaketIkkeErGodkjent(String utfall) {
      assertThat(valider(eierstyre, vedtak(utfall)).feil()).isEmpty();

      Map<String, Object> v = vedtak(utfall);
      v.put("bevilgetBelop", BigInteger.valueOf(-5)); // would be refused if it were checked
      SkjemaValidator.Resultat resultat = valider(eierstyre, v);
      assertThat(resultat.feil()).isEmpty();
      assertThat(resultat.ignorerte()).containsExactly("bevilgetBelop");
    }

    @Test
    void betingelsenLeserOgsaKjenteVerdier() {
      // The decision comes from the task's variables, not the submission: the field is still hidden.
      Map<String, Object> v = vedtak("avslatt");
      v.remove("eierstyrevedtak");
      v.put("bevilgetBelop", BigInteger.TEN);
      SkjemaValidator.Resultat resultat = validator.valider(eierstyre, v, Map.of("eierstyrevedtak", "avslatt"));
      assertThat(resultat.ignorerte()).containsExactly("bevilgetBelop");
      assertThat(resultat.feil()).containsExactly("«Eierstyrets vedtak» (eierstyrevedtak) må fylles ut.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-40", "2026-02-30", "18.03.2026", "i morgen"})
    void ugyldigMotedatoAvvises(String dato) {
      Map<String, Object> v = vedtak("avslatt");
      v.put("eierstyreMotedato", dato);
      assertThat(valider(eierstyre, v).feil())
          .containsExactly("«Møtedato» (eierstyreMotedato) må være en gyldig dato (ÅÅÅÅ-MM-DD).");
    }

    @Test
    void ukjentVedtakAvvises() {
      assertThat(valider(eierstyre, vedtak("loftetTilEierstyret")).feil()).containsExactly(
          "«Eierstyrets vedtak» (eierstyrevedtak) har en ugyldig verdi «loftetTilEierstyret». "
              + "Gyldige verdier: godkjent, avslatt, returnert.");
    }
  }

  @Nested
  class BeslutningOmVidereDrift {

    private Map<String, Object> beslutning(String utfall) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("videreDrift", utfall);
      v.put("videreDriftSakNr", "31/30");
      v.put("videreDriftMotedato", "2030-12-10");
      v.put("videreDriftBegrunnelse", "Evalueringen viser gode resultater.");
      return v;
    }

    @Test
    void etStyreOppgirSaksnummerOgMotedatoLokalLederIkke() {
      Map<String, Object> v = beslutning("avvikle");
      v.remove("videreDriftSakNr");
      v.remove("videreDriftMotedato");
      assertThat(validator.valider(videreDrift, v, Map.of("godkjentNiva", "LOKALT_STYRE")).feil())
          .containsExactlyInAnyOrder("«Saksnummer (f.eks. 12/26)» (videreDriftSakNr) må fylles ut.",
              "«Møtedato» (videreDriftMotedato) må fylles ut.");
      assertThat(validator.valider(videreDrift, v, Map.of("godkjentNiva", "EIERSTYRE")).feil()).hasSize(2);
      assertThat(validator.valider(videreDrift, v, Map.of("godkjentNiva", "LOKAL_LEDER")).feil()).isEmpty();
    }

    @Test
    void driftKreverDriftseierOgDriftsbudsjett() {
      assertThat(valider(videreDrift, beslutning("drift")).feil()).containsExactlyInAnyOrder(
          "«Hvem eier driften?» (driftseier) må fylles ut.",
          "«Årlig driftsbudsjett (NOK)» (driftsbudsjett) må fylles ut.");

      Map<String, Object> v = beslutning("drift");
      v.put("driftseier", "delt");
      v.put("driftsbudsjett", BigInteger.valueOf(400000));
      assertThat(valider(videreDrift, v).feil()).isEmpty();
    }

    @Test
    void forlengelseKreverAntallManederOgSkjulerDriftsfeltene() {
      Map<String, Object> v = beslutning("forleng");
      assertThat(valider(videreDrift, v).feil())
          .containsExactly("«Forlengelse (måneder)» (forlengelseMnd) må fylles ut.");

      v.put("forlengelseMnd", BigInteger.valueOf(6));
      v.put("driftseier", "ukjent"); // hidden for forleng: dropped, not checked
      SkjemaValidator.Resultat resultat = valider(videreDrift, v);
      assertThat(resultat.feil()).isEmpty();
      assertThat(resultat.ignorerte()).containsExactly("driftseier");
    }

    @Test
    void avviklingTrengerBareBegrunnelse() {
      assertThat(valider(videreDrift, beslutning("avvikle")).feil()).isEmpty();
      Map<String, Object> utenBegrunnelse = beslutning("avvikle");
      utenBegrunnelse.remove("videreDriftBegrunnelse");
      assertThat(valider(videreDrift, utenBegrunnelse).feil())
          .containsExactly("«Begrunnelse» (videreDriftBegrunnelse) må fylles ut.");
    }
  }

  /**
   * The same errors for people ({@link Feltfeil}): placed by field, row and column, and worded by
   * the labels alone, without the keys or the choices' internal values.
   */
  @Nested
  class Feltfeilene {

    private final Skjema monstre = new SkjemaLeser().les(new ByteArrayInputStream("""
        {"id": "test-monster", "components": [
          {"type": "textfield", "key": "kode", "label": "Kode",
           "validate": {"pattern": "^[A-Z]{3}$", "patternErrorMessage": "Bruk tre store bokstaver.", "maxLength": 3}},
          {"type": "textfield", "key": "id", "label": "Id", "validate": {"pattern": "^[a-z]+$", "maxLength": 9}}
        ]}
        """.getBytes(StandardCharsets.UTF_8)));

    @Test
    void etFeltUtenforListerNavngisMedEtikettenAlene() {
      Map<String, Object> v = gyldigForslag();
      v.remove("tittel");
      SkjemaValidator.Resultat resultat = valider(forslag, v);

      assertThat(resultat.feil()).containsExactly("«Tittel på arbeidspakken» (tittel) må fylles ut.");
      assertThat(resultat.feltfeil()).containsExactly(
          new Feltfeil("tittel", null, null, "«Tittel på arbeidspakken» må fylles ut."));
    }

    @Test
    void enRadsFeltHarListenRadnummeretOgFeltet() {
      Map<String, Object> utenUtgangsverdi = rad("Antall lærekontrakter", "5", "15");
      utenUtgangsverdi.remove("utgangsverdi");
      Map<String, Object> forLang = rad("x".repeat(201), "1", "2");
      SkjemaValidator.Resultat resultat = forslagMed("malparametere",
          List.of(rad("Antall praksisplasser", "10", "40"), utenUtgangsverdi, forLang));

      assertThat(resultat.feil()).containsExactly(
          "«Målparametere» (malparametere) rad 2: «Utgangsverdi (i dag)» (utgangsverdi) må fylles ut.",
          "«Målparametere» (malparametere) rad 3: «Målparameter» (navn) kan ha høyst 200 tegn (har 201).");
      assertThat(resultat.feltfeil()).containsExactly(
          new Feltfeil("malparametere", 2, "utgangsverdi", "«Målparametere» rad 2: «Utgangsverdi (i dag)» må fylles ut."),
          new Feltfeil("malparametere", 3, "navn", "«Målparametere» rad 3: «Målparameter» kan ha høyst 200 tegn (har 201)."));
    }

    @Test
    void listenSomHelhetOgRadenSomHelhet() {
      assertThat(forslagMed("malparametere", List.of()).feltfeil()).containsExactly(
          new Feltfeil("malparametere", null, null, "«Målparametere» må ha minst 1 rad(er)."));
      assertThat(forslagMed("malparametere", List.of("Antall praksisplasser")).feltfeil()).containsExactly(
          new Feltfeil("malparametere", 1, null, "«Målparametere» rad 1 har feil form; den skal ha feltene "
              + "«Målparameter», «Utgangsverdi (i dag)», «Målverdi»."));
      Map<String, Object> medEkstra = rad("Antall praksisplasser", "10", "40");
      medEkstra.put("personnummer", "01010112345");
      assertThat(forslagMed("malparametere", List.of(medEkstra)).feltfeil()).containsExactly(
          new Feltfeil("malparametere", 1, "personnummer",
              "«Målparametere» rad 1 har et felt som ikke finnes: «personnummer»."));
    }

    @Test
    void valgfeltNevnerIkkeDeInterneVerdiene() {
      assertThat(forslagMed("kommune", "oslo").feltfeil()).containsExactly(
          new Feltfeil("kommune", null, null, "«Kommune» har en ugyldig verdi. Velg et av alternativene."));
      assertThat(forslagMed("partnere", List.of("nav", "kirken")).feltfeil()).containsExactly(
          new Feltfeil("partnere", null, null, "«Samarbeidspartnere» har en ugyldig verdi. Velg et av alternativene."));
      assertThat(forslagMed("horUngdomspanel", "ja").feltfeil()).extracting(Feltfeil::tekst)
          .containsExactly("«Be om uttalelse fra ungdomspanelet» må være ja eller nei.");
    }

    @Test
    void monsteretVisesIkkeMenSkjemaetsEgenForklaringGjorDet() {
      SkjemaValidator.Resultat resultat = validator.valider(monstre,
          new LinkedHashMap<>(Map.of("kode", "ab", "id", "Ab")), Map.of());

      assertThat(resultat.feil()).containsExactlyInAnyOrder(
          "«Kode» (kode) har ikke riktig format: «ab» passer ikke mønsteret ^[A-Z]{3}$.",
          "«Id» (id) har ikke riktig format: «Ab» passer ikke mønsteret ^[a-z]+$.");
      assertThat(resultat.feltfeil()).containsExactlyInAnyOrder(
          new Feltfeil("kode", null, null, "«Kode» har ikke riktig format. Bruk tre store bokstaver."),
          new Feltfeil("id", null, null, "«Id» har ikke riktig format."));
    }

    @Test
    void feltSomIkkeFinnesNavngisMedNokkelen() {
      assertThat(forslagMed("beslutningsniva", "LOKAL_LEDER").feltfeil()).containsExactly(
          new Feltfeil("beslutningsniva", null, null, "Skjemaet har et felt som ikke finnes: «beslutningsniva»."));
    }

    @Test
    void ingenTekstForFolkNevnerEnNokkelEllerEnInternVerdi() {
      Map<String, Object> utenNavn = rad("", "5", "15");
      Map<String, Object> medEkstra = rad("Antall praksisplasser", "10", "40");
      medEkstra.put("personnummer", "01010112345");
      Map<String, Object> v = gyldigForslag();
      v.put("tittel", "kort");
      v.put("kommune", "oslo");
      v.put("partnere", List.of("kirken"));
      v.put("horUngdomspanel", "ja");
      v.put("budsjett", BigInteger.valueOf(-1));
      v.put("pilotvarighetMnd", new BigDecimal("6.5"));
      v.put("tiltak", "Praksis\u0000plasser");
      v.put("malparametere", List.of(rad("Antall praksisplasser", "10", "40"), utenNavn, medEkstra, "x"));
      SkjemaValidator.Resultat resultat = valider(forslag, v);

      assertThat(resultat.feltfeil()).hasSize(10).hasSameSizeAs(resultat.feil());
      List<String> nokler = new ArrayList<>();
      forslag.felt().forEach(f -> {
        nokler.add(f.key());
        f.underfelt().forEach(u -> nokler.add(u.key()));
      });
      for (Feltfeil f : resultat.feltfeil()) {
        assertThat(f.tekst()).as(f.toString()).startsWith("«").endsWith(".")
            .doesNotContain("oslo", "kirken", "larvik", "kommune, nav");
        nokler.forEach(key -> assertThat(f.tekst()).as(f.toString()).doesNotContain("(" + key + ")"));
      }
      assertThat(resultat.feltfeil()).extracting(Feltfeil::felt, Feltfeil::rad, Feltfeil::underfelt).containsExactly(
          tuple("tittel", null, null),
          tuple("kommune", null, null),
          tuple("tiltak", null, null),
          tuple("partnere", null, null),
          tuple("malparametere", 2, "navn"),
          tuple("malparametere", 3, "personnummer"),
          tuple("malparametere", 4, null),
          tuple("budsjett", null, null),
          tuple("pilotvarighetMnd", null, null),
          tuple("horUngdomspanel", null, null));
    }
  }

  /** Every dynamic list of the forms keeps the rules of its rows, on the server as in the browser. */
  @Nested
  class DynamiskeLister {

    @ParameterizedTest(name = "{0}")
    @MethodSource("no.vareunge.skjema.SkjemaValidatorTest#dynamiskeLister")
    void listenHarMinsteAntallOgRadenesRegler(String skjemaOgListe) throws IOException {
      assertThat(LISTER).as("minste antall rader for %s (ny liste? legg den til i LISTER)", skjemaOgListe)
          .containsKey(skjemaOgListe);
      String[] deler = skjemaOgListe.split("/");
      Skjema skjema = les(new SkjemaLeser(), deler[0]);
      Skjemafelt liste = skjema.felt(deler[1]).orElseThrow();
      String l = "«" + liste.etikett() + "»";

      assertThat(liste.minAntall()).isEqualTo(LISTER.get(skjemaOgListe));
      assertThat(liste.underfelt()).as("radenes felt").isNotEmpty().anyMatch(Skjemafelt::pakrevd)
          .extracting(Skjemafelt::etikett).noneMatch(e -> e.matches(".*\\d$"));

      assertThat(listefeil(skjema, liste, List.of())).containsExactlyElementsOf(liste.minAntall() == 0 ? List.of()
          : List.of(new Feltfeil(liste.key(), null, null, l + " må ha minst " + liste.minAntall() + " rad(er).")));
      assertThat(listefeil(skjema, liste, List.of(gyldigRad(liste), gyldigRad(liste)))).as("gyldige rader").isEmpty();

      for (Skjemafelt kolonne : liste.underfelt()) {
        if (kolonne.pakrevd()) {
          Map<String, Object> uten = gyldigRad(liste);
          uten.remove(kolonne.key());
          assertThat(listefeil(skjema, liste, List.of(gyldigRad(liste), uten))).containsExactly(new Feltfeil(
              liste.key(), 2, kolonne.key(), l + " rad 2: «" + kolonne.etikett() + "» må fylles ut."));
        }
        if (kolonne.maksLengde() != null) {
          Map<String, Object> forLang = gyldigRad(liste);
          forLang.put(kolonne.key(), "x".repeat(kolonne.maksLengde() + 1));
          assertThat(listefeil(skjema, liste, List.of(forLang))).extracting(Feltfeil::rad, Feltfeil::underfelt)
              .containsExactly(tuple(1, kolonne.key()));
        }
        if (kolonne.harFasteVerdier()) {
          Map<String, Object> ukjentValg = gyldigRad(liste);
          ukjentValg.put(kolonne.key(), "finnes-ikke");
          assertThat(listefeil(skjema, liste, List.of(ukjentValg))).containsExactly(new Feltfeil(liste.key(), 1,
              kolonne.key(), l + " rad 1: «" + kolonne.etikett() + "» har en ugyldig verdi. Velg et av alternativene."));
        }
      }

      Map<String, Object> ukjent = gyldigRad(liste);
      ukjent.put("ukjent", "x");
      assertThat(listefeil(skjema, liste, List.of(ukjent))).containsExactly(
          new Feltfeil(liste.key(), 1, "ukjent", l + " rad 1 har et felt som ikke finnes: «ukjent»."));
    }

    /** The errors of the list when it alone is submitted (the form's other fields are left out). */
    private List<Feltfeil> listefeil(Skjema skjema, Skjemafelt liste, List<Map<String, Object>> rader) {
      SkjemaValidator.Resultat resultat = validatorMedRegistre.valider(skjema, Map.of(liste.key(), rader), Map.of());
      assertThat(resultat.feltfeil()).as("én plassert feil per melding").hasSameSizeAs(resultat.feil());
      return resultat.feltfeil().stream().filter(f -> f.felt().equals(liste.key())).toList();
    }

    /** A row every field of which is valid. */
    private Map<String, Object> gyldigRad(Skjemafelt liste) {
      Map<String, Object> rad = new LinkedHashMap<>();
      for (Skjemafelt kolonne : liste.underfelt()) {
        Object verdi = switch (kolonne.type()) {
          case "textfield", "textarea" -> "x".repeat(kolonne.minLengde() == null ? 1 : kolonne.minLengde());
          case "select", "radio" -> kolonne.verdier().keySet().iterator().next();
          case "number" -> kolonne.min() == null ? BigDecimal.ONE : kolonne.min();
          default -> throw new IllegalStateException("Ny felttype i en liste: " + kolonne.type());
        };
        rad.put(kolonne.key(), verdi);
      }
      return rad;
    }
  }

  /** A minimal form shows the rule for read-only and disabled fields. */
  @Nested
  class SkrivebeskyttedeFelt {

    private final Skjema skjema = new SkjemaLeser().les(new ByteArrayInputStream("""
        {"id": "test-skrivebeskyttet", "components": [
          {"type": "textfield", "key": "referanse", "label": "Referanse", "readonly": true,
           "validate": {"required": true, "maxLength": 5}},
          {"type": "number", "key": "belop", "label": "Beløp", "disabled": true, "validate": {"min": 0}},
          {"type": "textfield", "key": "kommentar", "label": "Kommentar", "validate": {"maxLength": 100}}
        ]}
        """.getBytes(StandardCharsets.UTF_8)));

    @Test
    void skrivebeskyttedeFeltIgnoreresOgKontrolleresIkke() {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("referanse", "AP-2026-LAR-001"); // too long, but the browser would not send it at all
      v.put("belop", BigInteger.valueOf(-1));
      v.put("kommentar", "ok");
      SkjemaValidator.Resultat resultat = validator.valider(skjema, v, Map.of());

      assertThat(resultat.feil()).isEmpty();
      assertThat(resultat.ignorerte()).containsExactlyInAnyOrder("referanse", "belop");
    }

    @Test
    void pakrevdSkrivebeskyttetFeltKanMangle() {
      assertThat(validator.valider(skjema, new LinkedHashMap<>(Map.of("kommentar", "ok")), Map.of()).feil())
          .isEmpty();
    }
  }
}
