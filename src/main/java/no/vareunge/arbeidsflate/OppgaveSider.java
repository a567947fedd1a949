package no.vareunge.arbeidsflate;

import jakarta.servlet.http.HttpSession;
import java.io.InputStream;
import java.util.Optional;
import no.vareunge.portefolje.ApenOppgave;
import no.vareunge.portefolje.Arbeidspakkerad;
import no.vareunge.portefolje.Oppgaveoversikt;
import no.vareunge.portefolje.Portefolje;
import no.vareunge.portefolje.Side;
import no.vareunge.tilgang.InnloggetBruker;
import no.vareunge.tilgang.Kommuneutvalg;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * «Mine oppgaver» and one task with its form. Everything is read as the logged-in user, with their
 * authorizations and kommuner, so a task of another kommune is simply not found (404), whether its
 * id is guessed or old.
 */
@Controller
@RequestMapping("/oppgaver")
class OppgaveSider {

  static final int PER_SIDE = 50;

  private final ProcessEngine engine;
  private final Oppgaveoversikt oppgaver;
  private final Portefolje portefolje;
  private final Skjemadata skjemadata;

  OppgaveSider(ProcessEngine engine, Oppgaveoversikt oppgaver, Portefolje portefolje, Skjemadata skjemadata) {
    this.engine = engine;
    this.oppgaver = oppgaver;
    this.portefolje = portefolje;
    this.skjemadata = skjemadata;
  }

  @GetMapping
  String mine(@RequestParam(defaultValue = "0") int side, HttpSession okt, Model model) {
    String bruker = bruker();
    Side<ApenOppgave> treff = oppgaver.mine(bruker, Math.max(0, side), PER_SIDE);
    model.addAttribute("treff", treff);
    model.addAttribute("antallSider", Math.max(1, (treff.totalt() + PER_SIDE - 1) / PER_SIDE));
    model.addAttribute("meg", bruker);
    model.addAttribute("melding", Meldinger.hent(okt));
    return "arbeidsflate/oppgaver";
  }

  @GetMapping("/{id}")
  String oppgave(@PathVariable String id, HttpSession okt, Model model) {
    ApenOppgave oppgave = finn(id);
    String bruker = bruker();
    model.addAttribute("oppgave", oppgave);
    model.addAttribute("pakke", pakke(oppgave).orElse(null));
    model.addAttribute("meg", bruker);
    model.addAttribute("melding", Meldinger.hent(okt));
    boolean annenHarDen = oppgave.tildelt() != null && !oppgave.tildelt().equals(bruker);
    boolean min = oppgaver.erMin(id, bruker);
    model.addAttribute("annenHarDen", annenHarDen);
    model.addAttribute("min", min);
    if (min && !annenHarDen) {
      Optional<InputStream> skjema = skjema(id);
      skjema.ifPresent(fil -> model.addAttribute("skjemadata", skjemadata.forSiden(skjemadata.skjema(fil),
          skjemadata.verdier(engine.getTaskService().getVariablesTyped(id)))));
    }
    return "arbeidsflate/oppgave";
  }

  /** Takes the task, so that colleagues see who is working on it. */
  @PostMapping("/{id}/ta")
  String ta(@PathVariable String id, @RequestParam(defaultValue = "oppgave") String tilbake, HttpSession okt) {
    ApenOppgave oppgave = finn(id);
    try {
      engine.getTaskService().claim(id, bruker());
      Meldinger.tilNesteSide(okt, "Du har tatt oppgaven «" + oppgave.navn() + "». Kollegene dine ser at du arbeider med den.");
    } catch (TaskAlreadyClaimedException e) {
      Meldinger.tilNesteSide(okt, "Oppgaven er allerede tatt av " + e.getTaskAssignee() + ".");
    } catch (AuthorizationException e) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return tilbake(id, tilbake);
  }

  /** Gives one's own task back to the group, for a colleague to take. */
  @PostMapping("/{id}/gi-tilbake")
  String giTilbake(@PathVariable String id, @RequestParam(defaultValue = "oppgave") String tilbake, HttpSession okt) {
    ApenOppgave oppgave = finn(id);
    if (!bruker().equals(oppgave.tildelt())) {
      Meldinger.tilNesteSide(okt, oppgave.tildelt() == null ? "Oppgaven ligger allerede til gruppen."
          : "Bare den som har tatt oppgaven, kan gi den tilbake.");
      return tilbake(id, tilbake);
    }
    try {
      engine.getTaskService().claim(id, null);
    } catch (AuthorizationException e) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    Meldinger.tilNesteSide(okt, "Du har gitt oppgaven «" + oppgave.navn() + "» tilbake til gruppen.");
    return tilbake(id, tilbake);
  }

  private static String tilbake(String id, String tilbake) {
    return "liste".equals(tilbake) ? "redirect:/oppgaver" : "redirect:/oppgaver/" + id;
  }

  private ApenOppgave finn(String id) {
    if (id.length() > 64) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return oppgaver.synlig(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private Optional<Arbeidspakkerad> pakke(ApenOppgave oppgave) {
    return oppgave.referanse() == null ? Optional.empty()
        : portefolje.hent(Kommuneutvalg.forInnlogget(engine), oppgave.referanse());
  }

  /** The task's Camunda Form, if it has one. */
  private Optional<InputStream> skjema(String id) {
    try {
      return Optional.of(engine.getFormService().getDeployedTaskForm(id));
    } catch (ProcessEngineException ingenSkjema) {
      return Optional.empty();
    }
  }

  private String bruker() {
    return InnloggetBruker.id(engine).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
  }
}
