package no.vareunge.dashbord;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The overview's own login page in Norwegian. It logs in the way the web apps' login does
 * (Camunda's {@code UserAuthenticationResource}): the password is checked by the engine's
 * identity service, so the engine's login throttling and lock-out apply, and the login is stored
 * in the HTTP session as the web apps store it, so Tasklist and Cockpit need no second login.
 */
@Controller
class Innlogging {

  static final String SIDE = "/logginn";

  private final ProcessEngine engine;

  Innlogging(ProcessEngine engine) {
    this.engine = engine;
  }

  @GetMapping(SIDE)
  String side(HttpServletRequest request, Model model) {
    model.addAttribute("token", Skjematoken.hent(request.getSession()));
    return "dashbord/logginn";
  }

  @PostMapping(SIDE)
  String loggInn(@RequestParam(defaultValue = "") String brukernavn, @RequestParam(defaultValue = "") String passord,
      @RequestParam(name = Skjematoken.FELT, required = false) String token, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    if (!Skjematoken.gyldig(request.getSession(false), token)) {
      return feil("Siden var utløpt. Prøv å logge inn igjen.", brukernavn, request, response, model);
    }
    engine.getIdentityService().clearAuthentication();
    String id = brukernavn.strip();
    // Also false while the user is held back after wrong passwords, or locked.
    if (id.isEmpty() || !engine.getIdentityService().checkPassword(id, passord)) {
      return feil("Feil brukernavn eller passord. Etter flere feil må du vente litt før neste forsøk.", id,
          request, response, model);
    }
    UserAuthentication innlogget = AuthenticationUtil.createAuthentication(engine, id);
    Date gyldigTil = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
    if (gyldigTil != null) {
      innlogget.setCacheValidationTime(gyldigTil);
    }
    // A new session (against session fixation) that carries the login to the web apps too.
    AuthenticationUtil.revalidateSession(request, innlogget);
    return "redirect:/";
  }

  @PostMapping("/loggut")
  String loggUt(@RequestParam(name = Skjematoken.FELT, required = false) String token, HttpServletRequest request) {
    HttpSession okt = request.getSession(false);
    if (okt != null && Skjematoken.gyldig(okt, token)) {
      AuthenticationUtil.getAuthsFromSession(okt).removeByEngineName(engine.getName());
      okt.invalidate();
      return "redirect:" + SIDE + "?utlogget";
    }
    return "redirect:/";
  }

  private static String feil(String melding, String brukernavn, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    model.addAttribute("feil", melding);
    model.addAttribute("brukernavn", brukernavn);
    model.addAttribute("token", Skjematoken.hent(request.getSession()));
    return "dashbord/logginn";
  }
}
