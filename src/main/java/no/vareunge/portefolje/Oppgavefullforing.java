package no.vareunge.portefolje;

import no.vareunge.tilgang.Kommuneutvalg;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import no.vareunge.api.Problem;
import no.vareunge.skjema.Skjema;
import no.vareunge.skjema.Skjemainnsending;
import no.vareunge.skjema.Skjemaregister;
import no.vareunge.skjema.Skjemaverdier;
import no.vareunge.skjema.UgyldigInnsendingException;
import no.vareunge.tilgang.InnloggetBruker;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Completes a task the domain way, as the logged-in user: the plain values of the task's form are
 * checked against the {@code .form} file (the same check as for Tasklist), the task is claimed if
 * nobody has it, and it is submitted as Tasklist submits it, claim and completion in one
 * transaction. Two people completing the same task at the same moment: the engine lets one win
 * (optimistic locking, the vedtak's unique task id, the task gone); the other is told so with a 409,
 * decided afterwards from what the winner left (the task completed, or taken by someone else).
 */
@Component
public class Oppgavefullforing {

  private final ProcessEngine engine;
  private final Skjemaregister skjemaer;
  private final Skjemainnsending innsending;
  private final Oppgaveoversikt oversikt;

  public Oppgavefullforing(ProcessEngine engine, Skjemaregister skjemaer, Skjemainnsending innsending,
      Oppgaveoversikt oversikt) {
    this.engine = engine;
    this.skjemaer = skjemaer;
    this.innsending = innsending;
    this.oversikt = oversikt;
  }

  public void fullfor(String oppgaveId, JsonNode svar, Kommuneutvalg utvalg) {
    String bruker = InnloggetBruker.id(engine)
        .orElseThrow(() -> new Problem(HttpStatus.UNAUTHORIZED, "Du må logge inn."));
    Task oppgave = oversikt.utenTilgangssjekk(() ->
        engine.getTaskService().createTaskQuery().taskId(oppgaveId).singleResult());
    if (oppgave == null) {
      throw fullfortEllerUkjent(oppgaveId, utvalg);
    }
    // Refused in the kommune's name, or by the engine's authorizations (also for a task without a
    // kommune, such as onboarding): the same 403.
    boolean synlig = engine.getTaskService().createTaskQuery().taskId(oppgaveId).count() == 1;
    if ((oppgave.getTenantId() != null && !utvalg.ser(oppgave.getTenantId())) || !synlig) {
      throw Problem.ingenTilgang("Du har ikke tilgang til oppgaven «" + oppgaveId + "».");
    }
    if (oppgave.getAssignee() != null && !oppgave.getAssignee().equals(bruker)) {
      throw tattAv(oppgaveId, oppgave.getAssignee());
    }
    Skjema skjema = skjemaer.forOppgave(oppgaveId).orElseThrow(() -> Problem.ugyldig(
        "Oppgaven «" + oppgave.getName() + "» har ikke noe skjema og kan ikke fullføres gjennom dette API-et."));
    Map<String, Object> verdier;
    try {
      verdier = Skjemaverdier.fraJson(svar);
    } catch (UgyldigInnsendingException e) {
      throw Problem.ugyldig(e.getMessage());
    }
    try {
      // Claimed before the answers are checked, so that one who may not work on the task is told
      // so (403) rather than what is wrong with the answers; a refused answer rolls the claim back.
      innsending.fullfor(oppgaveId, skjema, verdier, bruker);
    } catch (UgyldigInnsendingException e) {
      throw ugyldig(e);
    } catch (RuntimeException feil) {
      Optional<Problem> konflikt = konflikt(oppgaveId, bruker, utvalg);
      if (konflikt.isPresent()) {
        throw konflikt.get();
      }
      if (feil instanceof AuthorizationException) {
        throw Problem.ingenTilgang("Du kan ikke fullføre oppgaven «" + oppgave.getName() + "».");
      }
      throw feil;
    }
  }

  /**
   * A form not filled in as it says, as a 400: each field's message as the API has always given it
   * ({@code feil}), and placed in the form in words for people ({@code feltfeil}, without the
   * form's internal keys), for the pages to put next to each field.
   */
  public static Problem ugyldig(UgyldigInnsendingException e) {
    if (e.feil().isEmpty()) {
      return Problem.ugyldig(e.getMessage());
    }
    Problem problem = Problem.ugyldig(e.getMessage(), e.feil());
    problem.getBody().setProperty("feltfeil", e.feltfeil());
    return problem;
  }

  /** After a failed completion: did someone else complete or take the task meanwhile? */
  private Optional<Problem> konflikt(String oppgaveId, String bruker, Kommuneutvalg utvalg) {
    Task naa = oversikt.utenTilgangssjekk(() ->
        engine.getTaskService().createTaskQuery().taskId(oppgaveId).singleResult());
    if (naa == null) {
      Problem problem = fullfortEllerUkjent(oppgaveId, utvalg);
      return problem.getStatusCode().value() == 409 ? Optional.of(problem) : Optional.empty();
    }
    if (naa.getAssignee() != null && !naa.getAssignee().equals(bruker)) {
      return Optional.of(tattAv(oppgaveId, naa.getAssignee()));
    }
    return Optional.empty();
  }

  private static Problem tattAv(String oppgaveId, String annen) {
    return Problem.konflikt("Oppgaven «" + oppgaveId + "» er allerede tatt av «" + annen
        + "». Oppdater siden for å se hvem som arbeider med den.");
  }

  /** A task that is no longer open: completed (409, if the user may see its kommune) or never there (404). */
  private Problem fullfortEllerUkjent(String oppgaveId, Kommuneutvalg utvalg) {
    HistoricTaskInstance fullfort = oversikt.utenTilgangssjekk(() -> engine.getHistoryService()
        .createHistoricTaskInstanceQuery().taskId(oppgaveId).finished().singleResult());
    if (fullfort != null && (fullfort.getTenantId() == null || utvalg.ser(fullfort.getTenantId()))) {
      return Problem.konflikt(Skjemainnsending.fullfortAvAnnen(oppgaveId));
    }
    return Problem.finnesIkke("Oppgaven «" + kort(oppgaveId) + "» finnes ikke.");
  }

  private static String kort(String verdi) {
    return verdi.length() <= 60 ? verdi : verdi.substring(0, 60) + "…";
  }
}
