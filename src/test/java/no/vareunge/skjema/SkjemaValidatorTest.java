package no.vareunge.skjema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    validator = new SkjemaValidator((uttrykk, verdier) -> Boolean.TRUE.equals(
        feel.evaluateSimpleExpression(uttrykk, Variables.fromMap(verdier).asVariableContext())));
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
      assertThat(malparametere.minAntall()).isEqualTo(1);
      assertThat(malparametere.underfelt()).extracting(Skjemafelt::key)
          .containsExactly("navn", "utgangsverdi", "malverdi");

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
