package no.vareunge.arbeidspakke;

import no.vareunge.felles.Tidssone;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.PILOT_SLUTTDATO;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.PILOT_STARTDATO;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Inndata.VARIGHET_MND;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Planlegg pilot / Forleng pilot: the pilot ends {@code varighetMnd} months from today (the
 * approval, or the decision to extend). The model passes the months as an input parameter.
 */
@Component
public class PlanleggPilotDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int maneder = VARIGHET_MND.from(execution).get().intValue();
    if (PILOT_STARTDATO.from(execution).getOptional().isEmpty()) {
      PILOT_STARTDATO.on(execution).set(Tidssone.naa());
    }
    Date slutt = Date.from(Tidssone.naa().toInstant().atZone(Tidssone.NORGE).plusMonths(maneder).toInstant());
    PILOT_SLUTTDATO.on(execution).set(slutt);
  }
}
