package no.vareunge.vedtak;

import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.GODKJENT_NIVA;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.EIERSTYREVEDTAK;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.EIERSTYRE_BEGRUNNELSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.EIERSTYRE_MOTEDATO;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.EIERSTYRE_SAK_NR;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.LEDER_BEGRUNNELSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.LEDER_BESLUTNING;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.STYREVEDTAK;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.STYRE_BEGRUNNELSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.STYRE_BETINGELSER;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.STYRE_MOTEDATO;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.STYRE_SAK_NR;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.VIDERE_DRIFT;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.VIDERE_DRIFT_BEGRUNNELSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.VIDERE_DRIFT_MOTEDATO;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.VIDERE_DRIFT_SAK_NR;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The decision tasks of {@code arbeidspakke} and where each keeps its outcome and basis. */
public enum Beslutningspunkt {
  MINDRE_TILTAK("Task_BesluttMindreTiltak", Beslutningsniva.LOKAL_LEDER, LEDER_BESLUTNING, LEDER_BEGRUNNELSE, null,
      null, null),
  STYREBEHANDLING("Task_Styrebehandling", Beslutningsniva.LOKALT_STYRE, STYREVEDTAK, STYRE_BEGRUNNELSE,
      STYRE_SAK_NR, STYRE_MOTEDATO, STYRE_BETINGELSER),
  EIERSTYREBEHANDLING("Task_BehandlingEierstyre", Beslutningsniva.EIERSTYRE, EIERSTYREVEDTAK, EIERSTYRE_BEGRUNNELSE,
      EIERSTYRE_SAK_NR, EIERSTYRE_MOTEDATO, null),
  /** Decided at the level that approved the package; a board (not the lokal leder) also gives its meeting. */
  VIDERE_DRIFT_BESLUTNING("Task_BeslutningVidereDrift", null, VIDERE_DRIFT, VIDERE_DRIFT_BEGRUNNELSE,
      VIDERE_DRIFT_SAK_NR, VIDERE_DRIFT_MOTEDATO, null);

  private final String oppgave;
  private final Beslutningsniva fastNiva;
  final VariableFactory<String> utfall;
  final VariableFactory<String> begrunnelse;
  final VariableFactory<String> sakNr;
  final VariableFactory<String> motedato;
  /** Conditions attached to an approval; part of the decision. */
  final VariableFactory<String> betingelser;

  Beslutningspunkt(String oppgave, Beslutningsniva fastNiva, VariableFactory<String> utfall,
      VariableFactory<String> begrunnelse, VariableFactory<String> sakNr, VariableFactory<String> motedato,
      VariableFactory<String> betingelser) {
    this.oppgave = oppgave;
    this.fastNiva = fastNiva;
    this.utfall = utfall;
    this.begrunnelse = begrunnelse;
    this.sakNr = sakNr;
    this.motedato = motedato;
    this.betingelser = betingelser;
  }

  public static Beslutningspunkt forOppgave(String taskDefinitionKey) {
    return Arrays.stream(values()).filter(p -> p.oppgave.equals(taskDefinitionKey)).findFirst()
        .orElseThrow(() -> new ProcessEngineException("«" + taskDefinitionKey + "» er ikke et beslutningspunkt."));
  }

  public String oppgave() {
    return oppgave;
  }

  public Beslutningsniva niva(VariableScope scope) {
    return fastNiva != null ? fastNiva : Beslutningsniva.valueOf(GODKJENT_NIVA.from(scope).get());
  }

  static String valgfri(VariableFactory<String> variabel, VariableScope scope) {
    return variabel == null ? null : variabel.from(scope).getOptional().orElse(null);
  }
}
