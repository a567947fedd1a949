package no.vareunge.arbeidspakke;

import no.vareunge.felles.Norsk;
import no.vareunge.felles.Tidssone;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.RAPPORTLOGG;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.FORBRUKT_BELOP;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.FREMDRIFT;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.PILOTSTATUS;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.TRENGER_BESLUTNING;

import java.text.NumberFormat;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every progress report in the package's report log, which the evaluation shows: the
 * report's own variables are overwritten by the next cycle's report. (The portfolio keeps each
 * report as a row of its own, from the engine's events.)
 */
@Component
public class FremdriftsrapportListener implements TaskListener {


  @Override
  public void notify(DelegateTask oppgave) {
    if (TRENGER_BESLUTNING.from(oppgave).getOptional().isEmpty()) {
      TRENGER_BESLUTNING.on(oppgave).set(false);
    }
    String status = PILOTSTATUS.from(oppgave).get();
    StringBuilder linje = new StringBuilder(Tidssone.norskDato(Tidssone.naa()))
        .append(": status ").append(Pilotstatus.tekst(status).toLowerCase(Norsk.BOKMAL))
        .append(", forbrukt ")
        .append(NumberFormat.getIntegerInstance(Norsk.BOKMAL)
            .format(FORBRUKT_BELOP.from(oppgave).get()))
        .append(" kr");
    if (Boolean.TRUE.equals(TRENGER_BESLUTNING.from(oppgave).get())) {
      linje.append(", trenger beslutning");
    }
    linje.append(". ").append(FREMDRIFT.from(oppgave).get());
    RAPPORTLOGG.on(oppgave).set(RAPPORTLOGG.from(oppgave).getOptional().map(s -> s + "\n").orElse("") + linje);
  }
}
