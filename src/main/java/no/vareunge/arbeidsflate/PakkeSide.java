package no.vareunge.arbeidsflate;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import no.vareunge.arbeidspakke.Fase;
import no.vareunge.arbeidspakke.Pilotavbrudd;
import no.vareunge.portefolje.Arbeidspakkerad;
import no.vareunge.portefolje.Portefolje;
import no.vareunge.tilgang.Kommuneutvalg;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A work package's page: its whole story ({@link Pakkehistorie}) and, for the lokal leder and the
 * local board of its kommune while it is piloted, stopping the pilot early: a reason, then a
 * confirmation page, then the stop. A package outside the reader's kommuner is not found (404),
 * as in the API.
 */
@Controller
@RequestMapping("/arbeidspakker/{referanse}")
class PakkeSide {

  private final ProcessEngine engine;
  private final Portefolje portefolje;
  private final Pakkehistorie historie;
  private final Pilotavbrudd pilotavbrudd;

  PakkeSide(ProcessEngine engine, Portefolje portefolje, Pakkehistorie historie, Pilotavbrudd pilotavbrudd) {
    this.engine = engine;
    this.portefolje = portefolje;
    this.historie = historie;
    this.pilotavbrudd = pilotavbrudd;
  }

  @GetMapping
  String side(@PathVariable String referanse, HttpSession okt, Model model) {
    return vis(finn(referanse), Meldinger.hent(okt), null, model);
  }

  @GetMapping("/prosess.bpmn")
  ResponseEntity<byte[]> modell(@PathVariable String referanse) throws IOException {
    try (InputStream modell = historie.modell(finn(referanse))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(modell.readAllBytes());
    }
  }

  /** The first step of stopping a pilot: the reason is checked, and the user is asked to confirm. */
  @PostMapping("/avbryt-pilot")
  String bekreftAvbrudd(@PathVariable String referanse, @RequestParam(defaultValue = "") String begrunnelse,
      Model model) {
    Arbeidspakkerad pakke = finn(referanse);
    String feil = Pilotavbrudd.feilIBegrunnelse(begrunnelse).orElse(null);
    if (feil != null || !kanAvbryte(pakke)) {
      return vis(pakke, null, feil != null ? feil : ikkeAvbrytbar(pakke), model);
    }
    model.addAttribute("pakke", pakke);
    model.addAttribute("begrunnelse", begrunnelse.strip());
    return "arbeidsflate/bekreft-avbrudd";
  }

  @PostMapping("/avbryt-pilot/bekreft")
  String avbryt(@PathVariable String referanse, @RequestParam(defaultValue = "") String begrunnelse,
      HttpSession okt, Model model) {
    Arbeidspakkerad pakke = finn(referanse);
    Pilotavbrudd.Resultat resultat;
    try {
      resultat = pilotavbrudd.avbryt(pakke.prosessinstansId(), pakke.kommune(), begrunnelse);
    } catch (AuthorizationException e) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    } catch (IllegalArgumentException e) {
      return vis(pakke, null, e.getMessage(), model);
    }
    Meldinger.tilNesteSide(okt, resultat == Pilotavbrudd.Resultat.AVBRUTT
        ? "Piloten er avbrutt. Arbeidspakken går videre til evaluering."
        : ikkeAvbrytbar(pakke));
    return "redirect:" + Sider.pakke(pakke.referanse());
  }

  private String vis(Arbeidspakkerad pakke, String melding, String avbruddsfeil, Model model) {
    model.addAttribute("h", historie.fortell(pakke));
    model.addAttribute("pakke", pakke);
    model.addAttribute("melding", melding);
    model.addAttribute("avbruddsfeil", avbruddsfeil);
    model.addAttribute("kanAvbryte", kanAvbryte(pakke));
    model.addAttribute("maksBegrunnelse", Pilotavbrudd.MAKS_BEGRUNNELSE);
    return "arbeidsflate/pakke";
  }

  private boolean kanAvbryte(Arbeidspakkerad pakke) {
    return pakke.fase() == Fase.PILOTERING && pakke.avbruttAv() == null && pilotavbrudd.kanAvbryte(pakke.kommune());
  }

  private static String ikkeAvbrytbar(Arbeidspakkerad pakke) {
    return "Arbeidspakken er ikke i pilotering (den er i fasen «" + pakke.fase().visningsnavn()
        + "»), eller du kan ikke avbryte piloter i kommunen.";
  }

  private Arbeidspakkerad finn(String referanse) {
    if (referanse.length() > 40) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return portefolje.hent(Kommuneutvalg.forInnlogget(engine), referanse.strip())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
