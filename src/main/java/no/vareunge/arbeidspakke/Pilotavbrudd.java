package no.vareunge.arbeidspakke;

import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.AVBRUDD_BEGRUNNELSE;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import no.vareunge.tilgang.InnloggetBruker;
import no.vareunge.tilgang.Tilgangsoppsett;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
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
    Optional<String> feil = feilIBegrunnelse(begrunnelse);
    if (feil.isPresent()) {
      throw new IllegalArgumentException(feil.get());
    }
    String tekst = begrunnelse.strip();
    ProcessEngineConfigurationImpl konfigurasjon = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    // Several clicks at once: each stop first waits for the instance's row, so the next one sees the
    // pilot already stopped (nothing to correlate, 409) instead of racing the first through the
    // engine's stale state (which fails in ways that are not all optimistic locking).
    try {
      List<MessageCorrelationResult> treff = konfigurasjon.getCommandExecutorTxRequired().execute(kommando -> {
        vent(kommando, instansId);
        return kommando.runWithoutAuthorization(() -> new MessageCorrelationBuilderImpl(kommando, "AvbrytPilot")
            .processInstanceId(instansId)
            .setVariable(AVBRUDD_BEGRUNNELSE.getName(), tekst)
            .correlateAllWithResult());
      });
      return treff.isEmpty() ? Resultat.IKKE_I_PILOT : Resultat.AVBRUTT;
    } catch (OptimisticLockingException e) {
      // The pilot ended in the same moment by the model itself (its end timer).
      return Resultat.IKKE_I_PILOT;
    }
  }

  /** What is wrong with a reason for stopping a pilot, if anything: said before anyone is asked to confirm. */
  public static Optional<String> feilIBegrunnelse(String begrunnelse) {
    String tekst = begrunnelse == null ? "" : begrunnelse.strip();
    if (tekst.isEmpty()) {
      return Optional.of("Skriv hvorfor piloten avbrytes.");
    }
    if (tekst.length() > MAKS_BEGRUNNELSE) {
      return Optional.of("Begrunnelsen kan ha høyst " + MAKS_BEGRUNNELSE + " tegn (har " + tekst.length() + ").");
    }
    return Optional.empty();
  }

  /** Holds the process instance's row for the rest of the command's transaction. */
  private static void vent(CommandContext kommando, String instansId) {
    try (PreparedStatement laas = kommando.getDbSqlSession().getSqlSession().getConnection()
        .prepareStatement("SELECT ID_ FROM ACT_RU_EXECUTION WHERE ID_ = ? FOR UPDATE")) {
      laas.setString(1, instansId);
      laas.executeQuery().close();
    } catch (SQLException e) {
      throw new ProcessEngineException("Kunne ikke vente på arbeidspakken " + instansId, e);
    }
  }
}
