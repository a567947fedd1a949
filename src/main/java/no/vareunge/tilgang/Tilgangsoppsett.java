package no.vareunge.tilgang;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import no.vareunge.kommune.Kommune;
import no.vareunge.kommune.KommuneRegister;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * The groups, tenants and authorizations (docs/styringsregler.md, docs/kommune-it.md). Every
 * kommune is a tenant: its people see only its packages, programleder, eierstyret and
 * ungdomspanelet are members of every tenant.
 * Tasks: the decision makers of a kommune (lokal leder, lokalt styre) and eierstyret read and
 * work on the tasks of {@code arbeidspakke} through a grant on the definition, kept within their
 * kommuner by the tenant check and to their own tasks by {@link Oppgavearbeid}; everyone else gets
 * READ and TASK_WORK on each task they are assignee or candidate of, from the engine. Everything is
 * idempotent and runs at every start.
 */
@Component
public class Tilgangsoppsett {

  public static final String ARBEIDSPAKKELEDERE = "arbeidspakkeledere";
  public static final String EIERSTYRE = "eierstyre";
  public static final String PROGRAMLEDER = "programleder";
  public static final String UNGDOMSPANEL = "ungdomspanel";
  /** Operations: reads the metrics (Metrikktilgang), nothing of the packages. */
  public static final String DRIFT = "drift";
  /** The groups that are members of every kommune's tenant. */
  static final List<String> I_ALLE_KOMMUNER = List.of(EIERSTYRE, PROGRAMLEDER, UNGDOMSPANEL);
  private static final String ARBEIDSPAKKE = "arbeidspakke";
  /**
   * Decision makers read their kommune's packages, see the packages' tasks and work on those that
   * are theirs. No UPDATE_INSTANCE: in the engine it also allows editing variables, modifying and
   * suspending instances; stopping a pilot goes through no.vareunge.arbeidspakke.Pilotavbrudd.
   */
  private static final Permission[] BESLUTTER = {ProcessDefinitionPermissions.READ_INSTANCE,
      ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
      ProcessDefinitionPermissions.TASK_WORK};
  private static final String LEDER = "leder-";
  private static final String STYRE = "styre-";

  private final IdentityService identity;
  private final AuthorizationService autorisasjoner;
  private final KommuneRegister kommuner;

  public Tilgangsoppsett(IdentityService identity, AuthorizationService autorisasjoner, KommuneRegister kommuner) {
    this.identity = identity;
    this.autorisasjoner = autorisasjoner;
    this.kommuner = kommuner;
  }

  public static String leder(String kommune) {
    return LEDER + kommune;
  }

  public static String styre(String kommune) {
    return STYRE + kommune;
  }

  /**
   * The groups granted their task rights on {@code arbeidspakke} as a whole ({@link #BESLUTTER}),
   * which need no grant per task. They are candidates in no other model; one that makes them so
   * must grant them the same on its definition.
   */
  static boolean arbeiderPaHeleDefinisjonen(String gruppe) {
    return EIERSTYRE.equals(gruppe) || gruppe.startsWith(LEDER) || gruppe.startsWith(STYRE);
  }

  /** The whole set-up for the kommuner in the register. */
  public void vedOppstart() {
    grunnoppsett();
    kommuner.alle().forEach(this::opprettKommune);
  }

  /** The role groups and what each may do regardless of kommune. */
  public void grunnoppsett() {
    gruppe(ARBEIDSPAKKELEDERE, "Arbeidspakkeledere");
    gruppe(EIERSTYRE, "Eierstyret");
    gruppe(PROGRAMLEDER, "Programleder Våre unge Vestfold");
    gruppe(UNGDOMSPANEL, "Ungdomspanelet");
    gruppe(DRIFT, "Drift og overvåking");
    rolletilgang(ARBEIDSPAKKELEDERE, ProcessDefinitionPermissions.CREATE_INSTANCE);
    rolletilgang(EIERSTYRE, BESLUTTER);
    rolletilgang(PROGRAMLEDER);
    rolletilgang(UNGDOMSPANEL);
    gi(ARBEIDSPAKKELEDERE, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);

    gi(PROGRAMLEDER, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    // Programleder onboards kommuner (proposals are the arbeidspakkeledere's) ...
    gi(PROGRAMLEDER, Resources.PROCESS_DEFINITION, "innfasing-kommune", ProcessDefinitionPermissions.CREATE_INSTANCE);
    // ... and may order the board report between the monthly runs.
    gi(PROGRAMLEDER, Resources.PROCESS_DEFINITION, "styrerapport", ProcessDefinitionPermissions.CREATE_INSTANCE);
    gi(PROGRAMLEDER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.CREATE);
    gi(PROGRAMLEDER, Resources.TASK, ANY, Permissions.READ);
    gi(PROGRAMLEDER, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    gi(PROGRAMLEDER, Resources.DEPLOYMENT, ANY, Permissions.READ);
    gi(PROGRAMLEDER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    gi(PROGRAMLEDER, Resources.TENANT, ANY, Permissions.READ);
    gi(PROGRAMLEDER, Resources.AUTHORIZATION, ANY, Permissions.READ);
  }

  /** A kommune's tenant and groups; the program-wide groups join its tenant. */
  public void opprettKommune(Kommune kommune) {
    if (identity.createTenantQuery().tenantId(kommune.id()).count() == 0) {
      Tenant tenant = identity.newTenant(kommune.id());
      tenant.setName(kommune.navn());
      identity.saveTenant(tenant);
    }
    gruppe(leder(kommune.id()), "Lokal leder Våre unge " + kommune.navn());
    gruppe(styre(kommune.id()), "Lokalt styre " + kommune.navn());
    for (String g : List.of(leder(kommune.id()), styre(kommune.id()))) {
      rolletilgang(g, BESLUTTER);
      gruppeIKommune(g, kommune.id());
    }
    I_ALLE_KOMMUNER.forEach(g -> gruppeIKommune(g, kommune.id()));
  }

  public void leggTilMedlem(String brukerId, String gruppeId) {
    if (identity.createUserQuery().userId(brukerId).memberOfGroup(gruppeId).count() == 0) {
      identity.createMembership(brukerId, gruppeId);
    }
  }

  /** An arbeidspakke-leder belongs to one kommune: may start proposals there and see them. */
  public void knyttBrukerTilKommune(String brukerId, String kommuneId) {
    if (identity.createTenantQuery().userMember(brukerId).tenantId(kommuneId).count() == 0) {
      identity.createTenantUserMembership(kommuneId, brukerId);
    }
  }

  /**
   * What every role needs in Tasklist, and what else it may do with {@code arbeidspakke}. One grant
   * per resource and call: inside one command (Opprett kommune runs as one job) a grant saved a
   * moment ago is not yet found by the query in {@link #gi}, and a second one would be a duplicate.
   */
  private void rolletilgang(String gruppe, Permission... arbeidspakke) {
    gi(gruppe, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    gi(gruppe, Resources.FILTER, ANY, Permissions.READ);
    Permission[] tillatelser = Arrays.copyOf(arbeidspakke, arbeidspakke.length + 1);
    tillatelser[arbeidspakke.length] = ProcessDefinitionPermissions.READ;
    gi(gruppe, Resources.PROCESS_DEFINITION, ARBEIDSPAKKE, tillatelser);
    // Granted by earlier versions: UPDATE_INSTANCE (see BESLUTTER), and every user and group, which
    // showed every kommune's people to all (now Brukersynlighet).
    fjern(gruppe, Resources.PROCESS_DEFINITION, ARBEIDSPAKKE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
    if (!Brukersynlighet.SER_ALLE.contains(gruppe)) {
      fjern(gruppe, Resources.USER, ANY, Permissions.READ);
      fjern(gruppe, Resources.GROUP, ANY, Permissions.READ);
    }
  }

  private void fjern(String gruppe, Resource ressurs, String ressursId, Permission tillatelse) {
    Authorization grant = autorisasjoner.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(gruppe).resourceType(ressurs).resourceId(ressursId)
        .singleResult();
    if (grant != null && grant.isPermissionGranted(tillatelse)) {
      grant.removePermission(tillatelse);
      autorisasjoner.saveAuthorization(grant);
    }
  }

  private void gruppe(String id, String navn) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group gruppe = identity.newGroup(id);
      gruppe.setName(navn);
      gruppe.setType("WORKFLOW");
      identity.saveGroup(gruppe);
    }
  }

  private void gruppeIKommune(String gruppe, String kommune) {
    if (identity.createTenantQuery().groupMember(gruppe).tenantId(kommune).count() == 0) {
      identity.createTenantGroupMembership(kommune, gruppe);
    }
  }

  /** Grants {@code tillatelser} to {@code gruppe}, adding to an existing grant of the same resource. */
  private void gi(String gruppe, Resource ressurs, String ressursId, Permission... tillatelser) {
    Authorization grant = autorisasjoner.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(gruppe).resourceType(ressurs).resourceId(ressursId)
        .singleResult();
    if (grant == null) {
      grant = autorisasjoner.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(gruppe);
      grant.setResource(ressurs);
      grant.setResourceId(ressursId);
    }
    for (Permission p : tillatelser) {
      grant.addPermission(p);
    }
    autorisasjoner.saveAuthorization(grant);
  }
}
