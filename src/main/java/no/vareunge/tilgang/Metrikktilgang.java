package no.vareunge.tilgang;

import no.vareunge.api.Problem;
import org.springframework.http.HttpStatus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The metrics ({@code /actuator/prometheus}) are for operations: every kommune's figures, the JVM
 * and the connection pool. After the sign-in ({@link Sikkerhetsoppsett}), only members of the group
 * {@value Tilgangsoppsett#DRIFT} (for example the account Prometheus scrapes with) or technical
 * administrators get them; anyone else gets 403.
 */
final class Metrikktilgang extends OncePerRequestFilter {

  private final IdentityService identity;

  Metrikktilgang(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication bruker = identity.getCurrentAuthentication();
    List<String> grupper = InnloggetBruker.grupper(identity);
    if (grupper.contains(Tilgangsoppsett.DRIFT) || grupper.contains(Groups.CAMUNDA_ADMIN)) {
      // The figures are the whole program's, counted as the system: operations reads no package itself.
      identity.clearAuthentication();
      try {
        chain.doFilter(request, response);
      } finally {
        identity.setAuthentication(bruker);
      }
      return;
    }
    Problem.skriv(response, HttpStatus.FORBIDDEN,
        "Metrikkene er bare for drift (gruppen «drift») og tekniske administratorer.", false);
  }
}
