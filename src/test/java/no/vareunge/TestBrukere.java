package no.vareunge;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
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
  /** Operations: reads the metrics (group {@code drift}). */
  public static final String DRIFT = "drift";
  /**
   * A technical administrator (group {@code camunda-admin}). The web apps show their first-start
   * set-up page instead of the login as long as no such user exists, so browser tests need one.
   */
  public static final String ADMIN = "admin";

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
    opprett(identity, DRIFT, "drift");
    if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group administratorer = identity.newGroup(Groups.CAMUNDA_ADMIN);
      administratorer.setName("Camunda-administratorer");
      administratorer.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(administratorer);
    }
    opprett(identity, ADMIN, Groups.CAMUNDA_ADMIN);
  }

  /**
   * A user in a role of a kommune for the demo portfolio ({@code ap}, {@code leder}, {@code
   * styre}), e.g. {@code styre.faerder.test}: not the demo users' names, which exist only in the
   * demo profile.
   */
  public static String kommunebruker(String rolle, String kommune) {
    return rolle + "." + kommune + ".test";
  }

  /** The arbeidspakke-leder, lokal leder and board member of {@code kommune} ({@link #kommunebruker}). */
  public static void kommunensBrukere(IdentityService identity, String kommune) {
    arbeidspakkeleder(identity, kommunebruker("ap", kommune), kommune);
    opprett(identity, kommunebruker("leder", kommune), "leder-" + kommune);
    opprett(identity, kommunebruker("styre", kommune), "styre-" + kommune);
  }

  /** An arbeidspakke-leder of {@code kommune}: in the group, and a member of the kommune's tenant. */
  public static void arbeidspakkeleder(IdentityService identity, String id, String kommune) {
    opprett(identity, id, "arbeidspakkeledere");
    if (identity.createTenantQuery().userMember(id).tenantId(kommune).count() == 0) {
      identity.createTenantUserMembership(kommune, id);
    }
  }

  /** A user in one group (created if missing). */
  public static void opprett(IdentityService identity, String id, String gruppe) {
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
