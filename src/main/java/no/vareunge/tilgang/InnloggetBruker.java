package no.vareunge.tilgang;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting right now, as the engine knows it (web app login or HTTP Basic). */
public final class InnloggetBruker {

  private InnloggetBruker() {}

  public static Optional<String> id(ProcessEngineServices engine) {
    Authentication innlogget = engine.getIdentityService().getCurrentAuthentication();
    return Optional.ofNullable(innlogget).map(Authentication::getUserId);
  }
}
