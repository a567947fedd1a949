package no.vareunge.arbeidspakke;

import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.RAPPORTLOGG;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.FORBRUKT_BELOP;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.FREMDRIFT;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.PILOTSTATUS;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.TRENGER_BESLUTNING;

import java.text.NumberFormat;
import java.util.Locale;
import no.vareunge.portefolje.Portefoljeskriver;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every progress report in the package's report log, which the evaluation shows: the
 * report's own variables are overwritten by the next cycle's report. The portfolio keeps each
 * report as a row.
 */
@Component
public class FremdriftsrapportListener implements TaskListener {

  private static final Locale NORSK = Locale.forLanguageTag("nb-NO");

  private final Portefoljeskriver portefolje;

  public FremdriftsrapportListener(Portefoljeskriver portefolje) {
    this.portefolje = portefolje;
  }


  @Override
  public void notify(DelegateTask oppgave) {
    if (TRENGER_BESLUTNING.from(oppgave).getOptional().isEmpty()) {
      TRENGER_BESLUTNING.on(oppgave).set(false);
    }
    String status = PILOTSTATUS.from(oppgave).get();
    StringBuilder linje = new StringBuilder(Tidssone.norskDato(Tidssone.naa()))
        .append(": status ").append(Pilotstatus.tekst(status).toLowerCase(NORSK))
        .append(", forbrukt ")
        .append(NumberFormat.getIntegerInstance(NORSK)
            .format(FORBRUKT_BELOP.from(oppgave).get()))
        .append(" kr");
    if (Boolean.TRUE.equals(TRENGER_BESLUTNING.from(oppgave).get())) {
      linje.append(", trenger beslutning");
    }
    linje.append(". ").append(FREMDRIFT.from(oppgave).get());
    RAPPORTLOGG.on(oppgave).set(RAPPORTLOGG.from(oppgave).getOptional().map(s -> s + "\n").orElse("") + linje);
    portefolje.registrerRapport(oppgave);
  }
}
