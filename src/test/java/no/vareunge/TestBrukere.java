package no.vareunge;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Users for the tests, one per role like the demo users, all with password {@value #PASSORD}. */
public final class TestBrukere {

  public static final String PASSORD = "test-passord";

  public static final String AP_LARVIK = "ap.larvik";
  public static final String AP_HORTEN = "ap.horten";
  public static final String LEDER_LARVIK = "leder.larvik";
  public static final String STYRE_LARVIK = "styre.larvik";
  public static final String LEDER_HORTEN = "leder.horten";
  public static final String STYRE_HORTEN = "styre.horten";
  public static final String EIERSTYRET = "eierstyret";
  public static final String PROGRAMLEDER = "programleder";
  public static final String UNGDOM = "ungdom";

  private TestBrukere() {}

  /** Every test user has an e-mail address: {@code <id>@vareunge.test}. */
  public static String epost(String id) {
    return id + "@vareunge.test";
  }

  /**
   * Creates the users and memberships if they are missing (the groups and tenants exist from
   * start-up); an arbeidspakke-leder belongs to the tenant of their kommune.
   */
  public static void opprett(IdentityService identity) {
    arbeidspakkeleder(identity, AP_LARVIK, "larvik");
    arbeidspakkeleder(identity, AP_HORTEN, "horten");
    opprett(identity, LEDER_LARVIK, "leder-larvik");
    opprett(identity, STYRE_LARVIK, "styre-larvik");
    opprett(identity, LEDER_HORTEN, "leder-horten");
    opprett(identity, STYRE_HORTEN, "styre-horten");
    opprett(identity, EIERSTYRET, "eierstyre");
    opprett(identity, PROGRAMLEDER, "programleder");
    opprett(identity, UNGDOM, "ungdomspanel");
  }

  /** An arbeidspakke-leder of {@code kommune}: in the group, and a member of the kommune's tenant. */
  public static void arbeidspakkeleder(IdentityService identity, String id, String kommune) {
    opprett(identity, id, "arbeidspakkeledere");
    if (identity.createTenantQuery().userMember(id).tenantId(kommune).count() == 0) {
      identity.createTenantUserMembership(kommune, id);
    }
  }

  private static void opprett(IdentityService identity, String id, String gruppe) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User bruker = identity.newUser(id);
      bruker.setFirstName(id);
      bruker.setLastName("Test");
      bruker.setEmail(epost(id));
      bruker.setPassword(PASSORD);
      identity.saveUser(bruker);
      identity.createMembership(id, gruppe);
    }
  }
}
