package no.vareunge.skjema;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a form is submitted, whatever the entry point: the REST API and Tasklist
 * ({@link SkjemaValideringFilter}, which checks and passes the request on), the application's own
 * API, the program's pages and the demo data (which submit through here). The values are checked
 * against the task's or start event's {@code .form} ({@link Skjemaregister#kontroller}); a refusal
 * names each field in Norwegian and changes nothing. A task that was completed meanwhile is told
 * in one way everywhere ({@link #fullfortAvAnnen}).
 */
@Component
public class Skjemainnsending {

  private final ProcessEngine engine;
  private final Skjemaregister skjemaer;
  private final TransactionTemplate transaksjon;

  public Skjemainnsending(ProcessEngine engine, Skjemaregister skjemaer, TransactionTemplate transaksjon) {
    this.engine = engine;
    this.skjemaer = skjemaer;
    this.transaksjon = transaksjon;
  }

  /** The checked values (read-only and hidden fields dropped), or the form's messages. */
  public Map<String, Object> kontroller(Skjema skjema, Map<String, Object> innsendt, Map<String, Object> kjente)
      throws UgyldigInnsendingException {
    Skjemaregister.Kontrollert kontrollert = skjemaer.kontroller(skjema, innsendt, kjente);
    if (!kontrollert.gyldig()) {
      throw new UgyldigInnsendingException("Skjemaet er ikke riktig utfylt: " + String.join(" ", kontrollert.feil()),
          kontrollert.feil(), kontrollert.feltfeil());
    }
    return kontrollert.verdier();
  }

  /**
   * Completes a task as {@code bruker} with the plain values of its form: claimed if nobody has it,
   * checked, submitted as Tasklist submits it; claim and completion in one transaction, so a refused
   * answer leaves the task as it was.
   */
  public void fullfor(String oppgaveId, Skjema skjema, Map<String, Object> innsendt, String bruker)
      throws UgyldigInnsendingException {
    try {
      transaksjon.executeWithoutResult(tx -> {
        if (engine.getTaskService().createTaskQuery().taskId(oppgaveId).taskUnassigned().count() == 1) {
          engine.getTaskService().claim(oppgaveId, bruker);
        }
        engine.getFormService().submitTaskForm(oppgaveId,
            ukontrollert(() -> variabler(skjema, innsendt, engine.getTaskService().getVariables(oppgaveId))));
      });
    } catch (Ugyldig e) {
      throw e.arsak;
    }
  }

  /** Starts a process with its start form's plain values; returns the new instance's id. */
  public String start(String prosessdefinisjonId, Skjema skjema, Map<String, Object> innsendt)
      throws UgyldigInnsendingException {
    return engine.getFormService().submitStartForm(prosessdefinisjonId, variabler(skjema, innsendt, Map.of())).getId();
  }

  /** The task as completed, if the caller may see it in the history. */
  public Optional<HistoricTaskInstance> fullfort(String oppgaveId) {
    return Optional.ofNullable(engine.getHistoryService().createHistoricTaskInstanceQuery()
        .taskId(oppgaveId).finished().singleResult());
  }

  /** Says no more than the caller knows already: the task id, not its name or its package. */
  public static String fullfortAvAnnen(String oppgaveId) {
    return "Oppgaven «" + oppgaveId + "» er allerede fullført av en annen. Oppdater siden for å se vedtaket.";
  }

  private VariableMap variabler(Skjema skjema, Map<String, Object> innsendt, Map<String, Object> kjente)
      throws UgyldigInnsendingException {
    return Skjemaverdier.somVariabler(kontroller(skjema, innsendt, kjente));
  }

  /** Carries a refusal out of the transaction's callback, which rolls back on it. */
  private static final class Ugyldig extends RuntimeException {
    private final UgyldigInnsendingException arsak;

    Ugyldig(UgyldigInnsendingException arsak) {
      super(arsak.getMessage(), arsak, false, false);
      this.arsak = arsak;
    }
  }

  private interface Kontroll {
    VariableMap utfor() throws UgyldigInnsendingException;
  }

  private static VariableMap ukontrollert(Kontroll kontroll) {
    try {
      return kontroll.utfor();
    } catch (UgyldigInnsendingException e) {
      throw new Ugyldig(e);
    }
  }
}
