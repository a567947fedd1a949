package no.vareunge.arbeidspakke;

import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.AVBRUDD_BEGRUNNELSE;

import java.util.List;
import no.vareunge.tilgang.InnloggetBruker;
import no.vareunge.tilgang.Tilgangsoppsett;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.springframework.stereotype.Component;

/**
 * Stopping a pilot early (message {@code AvbrytPilot}): the one way to do it, for the lokal leder
 * and the local board of the package's kommune. The engine's own way, a message correlation, needs
 * UPDATE_INSTANCE, which would also let them edit the package's data and move it around the model;
 * so no role holds it, and this service checks exactly the right to stop a pilot and then sends the
 * message as the system, with the user still known: the model records who stopped it and why
 * ({@link RegistrerAvbruddDelegate}).
 */
@Component
public class Pilotavbrudd {

  public static final int MAKS_BEGRUNNELSE = 4000;

  public enum Resultat {
    AVBRUTT,
    /** The package is not in a pilot (any more): not yet decided, already stopped, or past it. */
    IKKE_I_PILOT
  }

  private final ProcessEngine engine;

  public Pilotavbrudd(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Whether the logged-in user may stop a pilot of {@code kommune}. */
  public boolean kanAvbryte(String kommune) {
    List<String> grupper = InnloggetBruker.grupper(engine.getIdentityService());
    return grupper.contains(Tilgangsoppsett.leder(kommune)) || grupper.contains(Tilgangsoppsett.styre(kommune));
  }

  /**
   * Stops the pilot of the instance {@code instansId} in {@code kommune}, as the logged-in user.
   *
   * @throws AuthorizationException if the user is neither lokal leder nor on the local board there
   * @throws IllegalArgumentException if the reason is missing or too long
   */
  public Resultat avbryt(String instansId, String kommune, String begrunnelse) {
    if (!kanAvbryte(kommune)) {
      throw new AuthorizationException("Bare lokal leder og det lokale styret i kommunen kan avbryte en pilot.");
    }
    String tekst = begrunnelse == null ? "" : begrunnelse.strip();
    if (tekst.isEmpty()) {
      throw new IllegalArgumentException("Skriv hvorfor piloten avbrytes.");
    }
    if (tekst.length() > MAKS_BEGRUNNELSE) {
      throw new IllegalArgumentException("Begrunnelsen kan ha høyst " + MAKS_BEGRUNNELSE + " tegn (har "
          + tekst.length() + ").");
    }
    ProcessEngineConfigurationImpl konfigurasjon = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try {
      List<MessageCorrelationResult> treff = konfigurasjon.getCommandExecutorTxRequired().execute(kommando ->
          kommando.runWithoutAuthorization(() -> new MessageCorrelationBuilderImpl(kommando, "AvbrytPilot")
              .processInstanceId(instansId)
              .setVariable(AVBRUDD_BEGRUNNELSE.getName(), tekst)
              .correlateAllWithResult()));
      return treff.isEmpty() ? Resultat.IKKE_I_PILOT : Resultat.AVBRUTT;
    } catch (ProcessEngineException e) {
      // Someone else stopped it (or the pilot ended) in the same moment: the engine then fails the
      // correlation (optimistic locking, or the subscription gone between finding and triggering it).
      if (venterPaAvbrudd(konfigurasjon, instansId)) {
        throw e;
      }
      return Resultat.IKKE_I_PILOT;
    }
  }

  private boolean venterPaAvbrudd(ProcessEngineConfigurationImpl konfigurasjon, String instansId) {
    return konfigurasjon.getCommandExecutorTxRequired().execute(kommando -> kommando.runWithoutAuthorization(() ->
        engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(instansId)
            .eventType("message").eventName("AvbrytPilot").count() > 0));
  }
}
