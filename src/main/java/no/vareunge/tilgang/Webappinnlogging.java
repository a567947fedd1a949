package no.vareunge.tilgang;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web apps (Cockpit, Tasklist, Admin) take the user Spring Security signed in: their login is
 * put into the session as their own login would put it (with the apps the user may open), on
 * every path of theirs, so there is one sign-in for the program's pages and the web apps and no
 * login form of their own. (Camunda's container-based filter does the same, but only on some of
 * the web apps' paths.)
 */
class Webappinnlogging extends OncePerRequestFilter {

  private final ProcessEngine engine;

  Webappinnlogging(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Innlogget> innlogget = Innlogget.naa();
    if (innlogget.isPresent()) {
      Authentications innlogginger = AuthenticationUtil.getAuthsFromSession(request.getSession());
      if (!(innlogginger.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication webapp)
          || !webapp.getIdentityId().equals(innlogget.get().id())) {
        innlogginger.addOrReplace(AuthenticationUtil.createAuthentication(engine, innlogget.get().id(),
            innlogget.get().grupper(), innlogget.get().kommuner()));
      }
    }
    chain.doFilter(request, response);
  }
}
