package no.vareunge.dashbord;

import jakarta.servlet.http.HttpServletRequest;
import no.vareunge.tilgang.Innloggingsvalg;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The login page in Norwegian, for the kommune's account (OIDC) and/or a local user; Spring
 * Security does the signing in and out (no.vareunge.tilgang.Sikkerhetsoppsett). Also the page for
 * a kommune account that has no role in the program.
 */
@Controller
class Innlogging {

  static final String SIDE = "/logginn";

  private final Innloggingsvalg valg;

  Innlogging(Innloggingsvalg valg) {
    this.valg = valg;
  }

  @GetMapping(SIDE)
  String side(Model model) {
    return side(model, null, null);
  }

  /** After a wrong password (forwarded by the login with status 401). */
  @RequestMapping(path = "/logginn/feil", method = {RequestMethod.GET, RequestMethod.POST})
  String feil(HttpServletRequest request, Model model) {
    return side(model, "Feil brukernavn eller passord. Etter flere feil må du vente litt før neste forsøk.",
        request.getParameter("brukernavn"));
  }

  @GetMapping("/ingen-tilgang")
  String ingenTilgang() {
    return "dashbord/ingen-tilgang";
  }

  private String side(Model model, String feil, String brukernavn) {
    model.addAttribute("lokaleBrukere", valg.lokaleBrukere());
    model.addAttribute("kontoer", valg.oidc().aktiv());
    model.addAttribute("kontoinnlogging", "/oauth2/authorization/" + valg.oidc().registrering());
    model.addAttribute("feil", feil);
    model.addAttribute("brukernavn", brukernavn);
    return "dashbord/logginn";
  }
}
