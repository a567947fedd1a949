package no.vareunge.arbeidsflate;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpSession;
import no.vareunge.api.Problem;
import no.vareunge.portefolje.ApenOppgave;
import no.vareunge.portefolje.Oppgavefullforing;
import no.vareunge.portefolje.Oppgaveoversikt;
import no.vareunge.portefolje.Portefolje;
import no.vareunge.skjema.Skjema;
import no.vareunge.skjema.Skjemainnsending;
import no.vareunge.skjema.Skjemaregister;
import no.vareunge.skjema.Skjemaverdier;
import no.vareunge.skjema.UgyldigInnsendingException;
import no.vareunge.tilgang.Kommuneutvalg;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the pages' forms are sent (by the browser's script, as JSON, with the page's CSRF token):
 * a task's form and a start form. The values go through the one form-submission service, so the
 * rules, the refusals and the handling of a task completed by someone else are those of the API.
 * The answer says what happened and where to go next; a refusal is a Norwegian problem detail with
 * one message per field ({@code feltfeil}), and nothing is changed.
 */
@RestController
class Innsendinger {

  /** What the page is told: the message for the next page, and its address. */
  record Kvittering(String melding, String adresse) {}

  private final ProcessEngine engine;
  private final Oppgaveoversikt oppgaver;
  private final Oppgavefullforing fullforing;
  private final Skjemaregister skjemaer;
  private final Skjemainnsending innsending;
  private final Portefolje portefolje;

  Innsendinger(ProcessEngine engine, Oppgaveoversikt oppgaver, Oppgavefullforing fullforing, Skjemaregister skjemaer,
      Skjemainnsending innsending, Portefolje portefolje) {
    this.engine = engine;
    this.oppgaver = oppgaver;
    this.fullforing = fullforing;
    this.skjemaer = skjemaer;
    this.innsending = innsending;
    this.portefolje = portefolje;
  }

  @PostMapping(path = "/oppgaver/{id}/send", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Kvittering oppgave(@PathVariable String id, @RequestBody JsonNode svar, HttpSession okt) {
    ApenOppgave oppgave = oppgaver.synlig(id).orElseThrow(() -> Problem.finnesIkke(
        "Fant ikke oppgaven. Den kan være fullført av en annen; gå til «Mine oppgaver» for å se hva som venter."));
    fullforing.fullfor(id, svar, Kommuneutvalg.forInnlogget(engine));
    String melding = oppgave.referanse() == null
        ? "«" + oppgave.navn() + "» er sendt inn."
        : "«" + oppgave.navn() + "» er sendt inn for " + oppgave.referanse() + ".";
    Meldinger.tilNesteSide(okt, melding);
    return new Kvittering(melding, oppgave.referanse() == null ? "/oppgaver" : Sider.pakke(oppgave.referanse()));
  }

  @PostMapping(path = "/start/{nokkel}/send", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Kvittering start(@PathVariable String nokkel, @RequestBody JsonNode svar, HttpSession okt) {
    ProcessDefinition definisjon = StartSider.startbar(engine, nokkel).orElseThrow(() -> Problem.finnesIkke(
        "Du kan ikke starte «" + nokkel + "» her."));
    Skjema skjema = skjemaer.forStart(definisjon.getId()).orElseThrow(() -> Problem.finnesIkke(
        "«" + definisjon.getName() + "» har ikke noe skjema."));
    String instans;
    try {
      instans = innsending.start(definisjon.getId(), skjema, Skjemaverdier.fraJson(svar));
    } catch (UgyldigInnsendingException e) {
      throw Oppgavefullforing.ugyldig(e);
    } catch (AuthorizationException e) {
      throw Problem.ingenTilgang(e.getMessage());
    }
    Kvittering kvittering = portefolje.referanse(instans)
        .map(ref -> new Kvittering("Forslaget er sendt inn som " + ref + ".", Sider.pakke(ref)))
        .orElseGet(() -> new Kvittering("«" + definisjon.getName() + "» er startet.", "/oppgaver"));
    Meldinger.tilNesteSide(okt, kvittering.melding());
    return kvittering;
  }

  @ExceptionHandler(Problem.class)
  ResponseEntity<ProblemDetail> problem(Problem problem) {
    return ResponseEntity.status(problem.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem.getBody());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> ingenTilgang(AuthorizationException e) {
    return problem(Problem.ingenTilgang("Du har ikke tilgang til dette."));
  }
}
