package no.vareunge.tilgang;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The login for the application's own API ({@code /api}): HTTP Basic as for the REST API, or, for
 * reading only (GET), the login of the web apps and the overview, so the overview's links (a
 * package as JSON, a board report to download) work in the browser without a second login. A
 * request that changes something needs HTTP Basic, which a page of another site cannot send.
 */
public class OktEllerHttpBasic implements AuthenticationProvider {

  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    HttpSession okt = request.getSession(false);
    if (okt != null && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
      if (AuthenticationUtil.getAuthsFromSession(okt).getAuthenticationForProcessEngine(engine.getName())
          instanceof UserAuthentication innlogget) {
        AuthenticationResult resultat = AuthenticationResult.successful(innlogget.getIdentityId());
        resultat.setGroups(innlogget.getGroupIds());
        resultat.setTenants(innlogget.getTenantIds());
        return resultat;
      }
    }
    return basic.extractAuthenticatedUser(request, engine);
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    basic.augmentResponseByAuthenticationChallenge(response, engine);
  }
}
