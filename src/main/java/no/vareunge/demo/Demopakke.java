package no.vareunge.demo;

import java.util.List;
import java.util.Map;

/**
 * One work package of the demo portfolio, as written in {@code demo/portefolje.yaml}: the proposal
 * (the fields of form {@code arbeidspakke-forslag}), when it was submitted, and what its people
 * did with it afterwards.
 *
 * @param kommune the kommune (tenant) of the package
 * @param startet days before today the proposal was submitted
 * @param fase the phase the package is expected to be in today (for the log and the test)
 * @param forslag what the start form submits
 * @param hendelser the users' actions, in order
 */
record Demopakke(String kommune, int startet, String fase, Map<String, Object> forslag, List<Hendelse> hendelser) {

  Demopakke {
    hendelser = hendelser == null ? List.of() : hendelser;
  }

  /**
   * A user's action. Either {@code oppgave}: the open task with that activity id is completed by
   * {@code av}, {@code etter} days after it appeared, with {@code svar} (the fields of its form);
   * or {@code avbryt}: {@code av} stops the pilot (message AvbrytPilot) with that reason, {@code
   * etter} days after the previous action.
   *
   * @param av {@code ap}, {@code leder} or {@code styre} (the kommune's demo users), {@code
   *     eierstyret} or {@code ungdom}
   */
  record Hendelse(String oppgave, String av, int etter, Map<String, Object> svar, String avbryt) {

    Hendelse {
      svar = svar == null ? Map.of() : svar;
    }
  }
}
