package no.vareunge.rapportering;

import static no.vareunge.rapportering.StyrerapportVariabler.RAPPORT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Arkiver rapporten: downloadable from now on, and where the next report's period starts. */
@Component
public class ArkiverRapportDelegate implements JavaDelegate {

  private final Rapportarkiv arkiv;

  public ArkiverRapportDelegate(Rapportarkiv arkiv) {
    this.arkiv = arkiv;
  }

  @Override
  public void execute(DelegateExecution execution) {
    arkiv.arkiver(RAPPORT_ID.from(execution).get());
  }
}
