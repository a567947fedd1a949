package no.vareunge.arbeidspakke;

import no.vareunge.felles.Tidssone;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.AVBRUDD_BEGRUNNELSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.AVBRUTT_AV;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.PILOT_AVBRUTT;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.PILOT_SLUTTDATO;

import no.vareunge.tilgang.InnloggetBruker;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The pilot was stopped early (message AvbrytPilot): records who stopped it, why, and that it ended
 * today; the read model and the API show all three.
 */
@Component
public class RegistrerAvbruddDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String begrunnelse = AVBRUDD_BEGRUNNELSE.from(execution).getOptional().filter(b -> !b.isBlank())
        .orElseThrow(() -> new ProcessEngineException(
            "En pilot kan bare avbrytes med en begrunnelse (variabelen avbruddBegrunnelse)."));
    if (begrunnelse.length() > 4000) {
      throw new ProcessEngineException("Begrunnelsen for å avbryte piloten kan ha høyst 4000 tegn.");
    }
    PILOT_AVBRUTT.on(execution).set(true);
    // The pilot ended now, not on the planned day.
    PILOT_SLUTTDATO.on(execution).set(Tidssone.naa());
    AVBRUTT_AV.on(execution).set(InnloggetBruker.id(execution.getProcessEngineServices()).orElse(null));
  }
}
