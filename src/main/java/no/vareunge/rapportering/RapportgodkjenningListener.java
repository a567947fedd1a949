package no.vareunge.rapportering;

import static no.vareunge.rapportering.StyrerapportVariabler.GODKJENT;
import static no.vareunge.rapportering.StyrerapportVariabler.RAPPORTBESLUTNING;
import static no.vareunge.rapportering.StyrerapportVariabler.RAPPORTENDRING;
import static no.vareunge.rapportering.StyrerapportVariabler.RAPPORTKOMMENTAR;
import static no.vareunge.rapportering.StyrerapportVariabler.RAPPORT_ID;

import no.vareunge.tilgang.InnloggetBruker;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Godkjenn rapport, on completion: records in the report who approved it and the comment, or
 * programleder's reason for a new draft, in the transaction of the completion.
 */
@Component
public class RapportgodkjenningListener implements TaskListener {

  private final Rapportarkiv arkiv;

  public RapportgodkjenningListener(Rapportarkiv arkiv) {
    this.arkiv = arkiv;
  }

  @Override
  public void notify(DelegateTask oppgave) {
    long id = RAPPORT_ID.from(oppgave).get();
    if (GODKJENT.equals(RAPPORTBESLUTNING.from(oppgave).get())) {
      arkiv.godkjenn(id, InnloggetBruker.id(oppgave.getProcessEngineServices()).orElse(oppgave.getAssignee()),
          RAPPORTKOMMENTAR.from(oppgave).getOptional().filter(k -> !k.isBlank()).orElse(null));
    } else {
      arkiv.kommenter(id, RAPPORTENDRING.from(oppgave).getOptional().orElse(null));
    }
  }
}
