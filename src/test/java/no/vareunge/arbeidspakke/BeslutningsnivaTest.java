package no.vareunge.arbeidspakke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision table {@code beslutningsniva} on its own, with the DMN engine and without Spring:
 * every rule, both sides of every threshold, and the FIRST hit order (docs/styringsregler.md).
 */
class BeslutningsnivaTest {

  private static final String DMN = "processes/beslutningsniva.dmn";

  /** The rules that matched in the last evaluation, recorded by the engine itself. */
  private static final List<String> treffteRegler = new ArrayList<>();

  private static DmnEngine dmnEngine;
  private static DmnDecision beslutning;

  @BeforeAll
  static void byggMotor() throws Exception {
    DefaultDmnEngineConfiguration konfig =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    // The result of a table does not tell which rule gave it; the evaluation event does.
    konfig.customPostDecisionTableEvaluationListeners(List.of(hendelse -> registrer(hendelse)));
    dmnEngine = konfig.buildEngine();
    try (InputStream dmn = ressurs()) {
      beslutning = dmnEngine.parseDecision("beslutningsniva", dmn);
    }
  }

  private static void registrer(DmnDecisionTableEvaluationEvent hendelse) {
    hendelse.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(treffteRegler::add);
  }

  private static InputStream ressurs() {
    InputStream dmn = BeslutningsnivaTest.class.getClassLoader().getResourceAsStream(DMN);
    assertThat(dmn).as("klassestiressursen %s", DMN).isNotNull();
    return dmn;
  }

  @BeforeEach
  void nullstill() {
    treffteRegler.clear();
  }

  // Empty cells are null: an unticked checkbox may arrive as no value at all.
  @ParameterizedTest(name = "[{index}] politisk={0}, flere={1}, eierfin={2}, budsjett={3}, mnd={4} -> {5} ({6})")
  @CsvSource({
      // Mindre tiltak: høyst 50 000 kr OG høyst 6 måneder
      "false, false, false,      0,  1, LOKAL_LEDER,  Rule_MindreTiltak",
      "false, false, false,  50000,  6, LOKAL_LEDER,  Rule_MindreTiltak",
      "     ,      ,      ,  50000,  6, LOKAL_LEDER,  Rule_MindreTiltak",
      "false, false, false,  50001,  6, LOKALT_STYRE, Rule_LokaltStyre",
      "false, false, false,  50000,  7, LOKALT_STYRE, Rule_LokaltStyre",
      "     ,      ,      ,  50000,  7, LOKALT_STYRE, Rule_LokaltStyre",
      "false, false, false,  50001,  7, LOKALT_STYRE, Rule_LokaltStyre",
      // Lokalt styre opp til og med 500 000 kr, uansett varighet
      "false, false, false, 500000,  1, LOKALT_STYRE, Rule_LokaltStyre",
      "false, false, false, 500000, 36, LOKALT_STYRE, Rule_LokaltStyre",
      "     ,      ,      , 200000, 12, LOKALT_STYRE, Rule_LokaltStyre",
      "false, false, false,      0, 36, LOKALT_STYRE, Rule_LokaltStyre",
      // Over 500 000 kr: eierstyret, også for en kort pilot
      "false, false, false, 500001,  1, EIERSTYRE,    Rule_StortBudsjett",
      "false, false, false, 500001, 36, EIERSTYRE,    Rule_StortBudsjett",
      "     ,      ,      , 9000000, 12, EIERSTYRE,   Rule_StortBudsjett",
      // Hvert ja-spørsmål sender selv et lite tiltak til eierstyret
      " true, false, false,  10000,  3, EIERSTYRE,    Rule_PolitiskBehandling",
      " true,      ,      ,  10000,  3, EIERSTYRE,    Rule_PolitiskBehandling",
      "false,  true, false,  10000,  3, EIERSTYRE,    Rule_FlereKommuner",
      "     ,  true,      ,  10000,  3, EIERSTYRE,    Rule_FlereKommuner",
      "false, false,  true,  10000,  3, EIERSTYRE,    Rule_Eierfinansiering",
      "     ,      ,  true,  10000,  3, EIERSTYRE,    Rule_Eierfinansiering",
      " true, false, false, 200000, 12, EIERSTYRE,    Rule_PolitiskBehandling",
      // FIRST: den første regelen som passer gjelder
      " true,  true,  true, 900000, 12, EIERSTYRE,    Rule_PolitiskBehandling",
      "false,  true,  true, 900000, 12, EIERSTYRE,    Rule_FlereKommuner",
      "false, false,  true, 900000, 12, EIERSTYRE,    Rule_Eierfinansiering",
  })
  void velgerNivaEtterFoersteRegelSomPasser(Boolean kreverPolitiskBehandling, Boolean berorerFlereKommuner,
      Boolean trengerEierfinansiering, Integer budsjett, Integer pilotvarighetMnd, String forventetNiva,
      String forventetRegel) {
    String niva = evaluer(forslag(kreverPolitiskBehandling, berorerFlereKommuner, trengerEierfinansiering,
        budsjett, pilotvarighetMnd));

    assertThat(niva).isEqualTo(forventetNiva);
    // FIRST reports exactly one matching rule: the first in the table.
    assertThat(treffteRegler).containsExactly(forventetRegel);
  }

  /** budsjett is typed double in the table: kroner and øre on both sides of the thresholds. */
  @ParameterizedTest(name = "[{index}] budsjett={0}, mnd={1} -> {2}")
  @CsvSource({
      "  49999.99, 6, LOKAL_LEDER",
      "  50000.0,  6, LOKAL_LEDER",
      "  50000.01, 6, LOKALT_STYRE",
      " 500000.0,  6, LOKALT_STYRE",
      " 500000.01, 6, EIERSTYRE",
  })
  void budsjettMedDesimalerGirSammeTerskler(Double budsjett, Integer pilotvarighetMnd, String forventetNiva) {
    assertThat(evaluer(forslag(false, false, false, budsjett, pilotvarighetMnd))).isEqualTo(forventetNiva);
  }

  /**
   * The values arrive with the types a REST client or Tasklist gives them (Long, Double): the
   * table must convert them, not fail, at the month threshold too.
   */
  @Test
  void talltyperFraSkjemaetGirSammeNiva() {
    assertThat(evaluer(forslag(false, false, false, 50000L, 6L))).isEqualTo("LOKAL_LEDER");
    assertThat(evaluer(forslag(false, false, false, 50000.0, 6.0))).isEqualTo("LOKAL_LEDER");
    assertThat(evaluer(forslag(false, false, false, 50000.0, 7.0))).isEqualTo("LOKALT_STYRE");
    assertThat(evaluer(forslag(false, false, false, 500001L, 6L))).isEqualTo("EIERSTYRE");
  }

  @Test
  void tabellenHarFirstOgReglerIRiktigRekkefolge() throws Exception {
    DmnModelInstance modell;
    try (InputStream dmn = ressurs()) {
      modell = Dmn.readModelFromStream(dmn);
    }
    DecisionTable tabell = modell.getModelElementsByType(DecisionTable.class).iterator().next();

    assertThat(tabell.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    // The catch-all rule must stay last, or it would shadow every rule after it.
    assertThat(tabell.getRules()).extracting(Rule::getId).containsExactly(
        "Rule_PolitiskBehandling", "Rule_FlereKommuner", "Rule_Eierfinansiering", "Rule_StortBudsjett",
        "Rule_MindreTiltak", "Rule_LokaltStyre");
  }

  private static VariableMap forslag(Boolean politisk, Boolean flereKommuner, Boolean eierfinansiering,
      Number budsjett, Number pilotvarighetMnd) {
    return Variables.createVariables()
        .putValue("kreverPolitiskBehandling", politisk)
        .putValue("berorerFlereKommuner", flereKommuner)
        .putValue("trengerEierfinansiering", eierfinansiering)
        .putValue("budsjett", budsjett)
        .putValue("pilotvarighetMnd", pilotvarighetMnd);
  }

  private static String evaluer(VariableMap variabler) {
    DmnDecisionTableResult resultat = dmnEngine.evaluateDecisionTable(beslutning, variabler);
    assertThat(resultat).as("nøyaktig ett resultat").hasSize(1);
    return resultat.getSingleEntry();
  }
}
