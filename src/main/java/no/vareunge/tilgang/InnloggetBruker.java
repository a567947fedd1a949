package no.vareunge.tilgang;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting right now, as the engine knows it (web app login or HTTP Basic). */
public final class InnloggetBruker {

  private InnloggetBruker() {}

  /** The groups of whoever acts now; none for the system. */
  public static List<String> grupper(IdentityService identitet) {
    Authentication innlogget = identitet.getCurrentAuthentication();
    return innlogget == null || innlogget.getGroupIds() == null ? List.of() : innlogget.getGroupIds();
  }

  public static Optional<String> id(ProcessEngineServices engine) {
    Authentication innlogget = engine.getIdentityService().getCurrentAuthentication();
    return Optional.ofNullable(innlogget).map(Authentication::getUserId);
  }
}
