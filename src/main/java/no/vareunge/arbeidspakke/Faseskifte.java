package no.vareunge.arbeidspakke;

import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.FASE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code fase} current. Called from the models' execution listeners as
 * {@code ${faseskifte.til(execution, 'PILOTERING')}}; an unknown phase fails the deployment's
 * first run loudly instead of writing a typo into the data. The portfolio's read model follows
 * from the engine's events in the same transaction. (Phase BESLUTNING is set when the decision
 * table has run, so the row carries the decision level.)
 */
@Component("faseskifte")
public class Faseskifte {

  public void til(DelegateExecution execution, String fase) {
    FASE.on(execution).set(Fase.valueOf(fase).name());
  }
}
