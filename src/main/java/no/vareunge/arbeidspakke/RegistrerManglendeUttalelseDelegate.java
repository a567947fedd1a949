package no.vareunge.arbeidspakke;

import no.vareunge.felles.Tidssone;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.UNGDOMSPANEL_UTTALELSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.UTTALELSE_UTEBLITT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The youth panel's deadline passed: the decision goes on, and the basis says so. */
@Component
public class RegistrerManglendeUttalelseDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    UTTALELSE_UTEBLITT.on(execution).set(true);
    UNGDOMSPANEL_UTTALELSE.on(execution).set(
        "Ungdomspanelet ga ingen uttalelse innen fristen (" + Tidssone.norskDato(Tidssone.naa()) + ").");
  }
}
