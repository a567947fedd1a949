package no.vareunge.arbeidspakke;

import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.ANBEFALING;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.TIDLIGERE_EVALUERINGER;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.LAERING;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.MALOPPNAELSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.REALISERTE_GEVINSTER;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import no.vareunge.skjema.Skjemaregister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A new evaluation after the pilot was extended (created before NullstillSkjemaListener clears the
 * form): the previous evaluation's answers are kept as a paragraph of {@code tidligereEvalueringer},
 * which the evaluation and the decision on drift show read-only, so the new one starts empty while
 * the earlier one stays part of the basis.
 */
@Component
public class EvalueringListener implements TaskListener {

  private final Skjemaregister skjemaer;

  public EvalueringListener(Skjemaregister skjemaer) {
    this.skjemaer = skjemaer;
  }

  @Override
  public void notify(DelegateTask oppgave) {
    DelegateExecution pakke = oppgave.getExecution();
    String anbefaling = ANBEFALING.from(pakke).getOptional().orElse(null);
    if (anbefaling == null) {
      return; // the first evaluation
    }
    String tidligere = TIDLIGERE_EVALUERINGER.from(pakke).getOptional().orElse("");
    int nummer = tidligere.isEmpty() ? 1 : tidligere.split("\n\n").length + 1;
    String etikett = skjemaer.forOppgave(oppgave).map(s -> s.etikettForVerdi(ANBEFALING.getName(), anbefaling))
        .orElse(anbefaling);
    String avsnitt = nummer + ". evaluering – anbefaling: " + etikett + "." + del(" Måloppnåelse: ", MALOPPNAELSE, pakke)
        + del(" Realiserte gevinster: ", REALISERTE_GEVINSTER, pakke) + del(" Hva vi lærte: ", LAERING, pakke);
    TIDLIGERE_EVALUERINGER.on(pakke).set(tidligere.isEmpty() ? avsnitt : tidligere + "\n\n" + avsnitt);
  }

  private static String del(String tittel, VariableFactory<String> variabel, DelegateExecution pakke) {
    return variabel.from(pakke).getOptional().filter(t -> !t.isBlank()).map(t -> tittel + t).orElse("");
  }
}
