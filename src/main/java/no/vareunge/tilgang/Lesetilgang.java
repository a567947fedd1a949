package no.vareunge.tilgang;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who may read the program's own records beyond their kommuner' packages: the one place that
 * says so, for the API and the overview alike. (A package's data is read within the kommune rules
 * of {@link Kommuneutvalg} and the engine's authorizations.)
 */
public final class Lesetilgang {

  private Lesetilgang() {}

  /** The whole notification log, also onboarding's: programleder and the administrators. */
  public static boolean heleVarselloggen(Authentication innlogget) {
    return harEn(innlogget, List.of(Tilgangsoppsett.PROGRAMLEDER, Groups.CAMUNDA_ADMIN));
  }

  /** The board reports: programleder and eierstyret. */
  public static boolean styrerapporter(Authentication innlogget) {
    return harEn(innlogget, List.of(Tilgangsoppsett.PROGRAMLEDER, Tilgangsoppsett.EIERSTYRE));
  }

  /** Also the reports not yet approved and sent: programleder, who prepares them. */
  public static boolean uferdigeStyrerapporter(Authentication innlogget) {
    return harEn(innlogget, List.of(Tilgangsoppsett.PROGRAMLEDER));
  }

  /** A web app ({@code cockpit}, {@code tasklist}, {@code admin}), as the web apps themselves decide it. */
  public static boolean webapp(ProcessEngine engine, String app) {
    Authentication innlogget = engine.getIdentityService().getCurrentAuthentication();
    if (innlogget == null) {
      return false;
    }
    return alleKommuner(innlogget) || engine.getAuthorizationService().isUserAuthorized(innlogget.getUserId(),
        innlogget.getGroupIds(), Permissions.ACCESS, Resources.APPLICATION, app);
  }

  /** Every kommune, whatever the tenants say: the administrators. */
  static boolean alleKommuner(Authentication innlogget) {
    return harEn(innlogget, List.of(Groups.CAMUNDA_ADMIN));
  }

  private static boolean harEn(Authentication innlogget, Collection<String> grupper) {
    return innlogget != null && innlogget.getGroupIds() != null
        && innlogget.getGroupIds().stream().anyMatch(grupper::contains);
  }
}
