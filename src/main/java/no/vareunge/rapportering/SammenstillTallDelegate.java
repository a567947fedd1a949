package no.vareunge.rapportering;

import static no.vareunge.rapportering.StyrerapportVariabler.RAPPORT_ID;

import java.util.Date;
import java.util.Optional;
import no.vareunge.felles.Tidssone;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sammenstill tallene: the figures from the end of the last archived report until now. The first
 * time round a new draft is stored; after «lag ny» the same report gets fresh figures.
 */
@Component
public class SammenstillTallDelegate implements JavaDelegate {

  private final Sammenstilling sammenstilling;
  private final Rapportarkiv arkiv;

  public SammenstillTallDelegate(Sammenstilling sammenstilling, Rapportarkiv arkiv) {
    this.sammenstilling = sammenstilling;
    this.arkiv = arkiv;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date fra = arkiv.forrigePeriodeSlutt().orElse(null);
    Rapporttall tall = sammenstilling.sammenstill(fra, Tidssone.naa());
    Optional<Long> id = RAPPORT_ID.from(execution).getOptional();
    if (id.isPresent()) {
      arkiv.nyeTall(id.get(), tall);
    } else {
      RAPPORT_ID.on(execution).set(arkiv.opprett(execution.getProcessInstanceId(), tall));
    }
  }
}
