package no.vareunge.arbeidspakke;

import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.RAPPORTLOGG;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.FORBRUKT_BELOP;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.FREMDRIFT;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.PILOTSTATUS;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.TRENGER_BESLUTNING;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
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

  private final Portefoljeskriver portefolje;

  public FremdriftsrapportListener(Portefoljeskriver portefolje) {
    this.portefolje = portefolje;
  }

  private static final Map<String, String> STATUS = Map.of("gronn", "grønn", "gul", "gul", "rod", "rød");

  @Override
  public void notify(DelegateTask oppgave) {
    if (TRENGER_BESLUTNING.from(oppgave).getOptional().isEmpty()) {
      TRENGER_BESLUTNING.on(oppgave).set(false);
    }
    String status = PILOTSTATUS.from(oppgave).get();
    StringBuilder linje = new StringBuilder(Tidssone.norskDato(Tidssone.naa()))
        .append(": status ").append(STATUS.getOrDefault(status, status))
        .append(", forbrukt ")
        .append(NumberFormat.getIntegerInstance(Locale.forLanguageTag("nb-NO"))
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
