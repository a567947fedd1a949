package no.vareunge.arbeidspakke;

import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.FASE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code fase} current. Called from the models' execution listeners as
 * {@code ${faseskifte.til(execution, 'PILOTERING')}}; an unknown phase fails the deployment's
 * first run loudly instead of writing a typo into the data.
 */
@Component("faseskifte")
public class Faseskifte {

  public void til(DelegateExecution execution, String fase) {
    FASE.on(execution).set(Fase.valueOf(fase).name());
  }
}
