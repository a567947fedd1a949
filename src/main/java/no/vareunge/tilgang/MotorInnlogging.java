package no.vareunge.tilgang;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the signed-in user from Spring Security to the engine for the request, so that the
 * engine's authorizations and tenant checks apply to everything the request does: the pages, the
 * program's API and the engine's REST API. (The web apps take the user through {@link
 * Webappinnlogging}.)
 */
class MotorInnlogging extends OncePerRequestFilter {

  private final IdentityService identitet;

  MotorInnlogging(IdentityService identitet) {
    this.identitet = identitet;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Innlogget> innlogget = Innlogget.naa();
    if (innlogget.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    Innlogget bruker = innlogget.get();
    identitet.setAuthentication(bruker.id(), bruker.grupper(), bruker.kommuner());
    try {
      chain.doFilter(request, response);
    } finally {
      identitet.clearAuthentication();
    }
  }
}
