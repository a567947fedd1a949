package no.vareunge.tilgang;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.vareunge.kommune.Kommune;
import no.vareunge.kommune.KommuneRegister;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who sees whom (users with their e-mail addresses, and groups): everyone sees the people and
 * groups of the program as a whole (programleder, eierstyret, ungdomspanelet) and the people of
 * their own kommune; programleder and eierstyret, who work in every kommune, see everyone. The
 * engine would otherwise need READ on every user for any of this, which showed every kommune's
 * board members to anyone. A user always sees themselves (the engine's own grant).
 *
 * <p>The people of a kommune are its arbeidspakkeledere (members of its tenant) and the members of
 * its leder- and styre-groups. Grants are added, never taken back here: it runs at every start and
 * when a kommune is onboarded; memberships changed by hand in Admin count from the next start.
 */
@Component
public class Brukersynlighet {

  /** Work in every kommune, so see everyone. */
  static final List<String> SER_ALLE = List.of(Tilgangsoppsett.PROGRAMLEDER, Tilgangsoppsett.EIERSTYRE);

  private final IdentityService identity;
  private final AuthorizationService autorisasjoner;
  private final KommuneRegister kommuner;

  public Brukersynlighet(IdentityService identity, AuthorizationService autorisasjoner, KommuneRegister kommuner) {
    this.identity = identity;
    this.autorisasjoner = autorisasjoner;
    this.kommuner = kommuner;
  }

  public void oppdater() {
    for (String gruppe : SER_ALLE) {
      gi(gruppe, null, Resources.USER, ANY);
      gi(gruppe, null, Resources.GROUP, ANY);
    }
    Set<String> felles = new LinkedHashSet<>(Tilgangsoppsett.I_ALLE_KOMMUNER);
    felles.add(Tilgangsoppsett.ARBEIDSPAKKELEDERE);
    for (String gruppe : felles) {
      gi(null, ANY, Resources.GROUP, gruppe);
    }
    for (String gruppe : Tilgangsoppsett.I_ALLE_KOMMUNER) {
      identity.createUserQuery().memberOfGroup(gruppe).list().forEach(u -> gi(null, ANY, Resources.USER, u.getId()));
    }
    kommuner.alle().forEach(k -> oppdater(k, List.of()));
  }

  /**
   * The people of one kommune see each other and the kommune's groups. {@code nye}: members added in
   * the same transaction (onboarding a kommune), which the engine's queries do not find yet.
   */
  public void oppdater(Kommune kommune, Collection<String> nye) {
    List<String> grupper = List.of(Tilgangsoppsett.leder(kommune.id()), Tilgangsoppsett.styre(kommune.id()));
    Set<String> folk = new LinkedHashSet<>(nye);
    List<String> arbeidspakkeledere = identity.createUserQuery().memberOfTenant(kommune.id()).list().stream()
        .map(User::getId).toList();
    folk.addAll(arbeidspakkeledere);
    for (String gruppe : grupper) {
      identity.createUserQuery().memberOfGroup(gruppe).list().stream().map(User::getId).forEach(folk::add);
    }
    // Each grant once: one saved a moment ago is not found by the query in gi within the same command.
    Set<Lesing> lesinger = new LinkedHashSet<>();
    for (String person : folk) {
      grupper.forEach(g -> lesinger.add(new Lesing(g, null, Resources.USER, person)));
      arbeidspakkeledere.forEach(ap -> lesinger.add(new Lesing(null, ap, Resources.USER, person)));
    }
    for (String gruppe : grupper) {
      grupper.forEach(g -> lesinger.add(new Lesing(g, null, Resources.GROUP, gruppe)));
      arbeidspakkeledere.forEach(ap -> lesinger.add(new Lesing(null, ap, Resources.GROUP, gruppe)));
    }
    // Each user and group already reads itself (the engine's own grant when it was created).
    lesinger.removeIf(l -> (l.bruker() != null && l.bruker().equals(l.ressursId()))
        || (l.gruppe() != null && l.gruppe().equals(l.ressursId())));
    lesinger.forEach(l -> gi(l.gruppe(), l.bruker(), l.ressurs(), l.ressursId()));
  }

  private record Lesing(String gruppe, String bruker, Resource ressurs, String ressursId) {}

  /** READ on one user or group for a group, a user, or ({@code bruker} = *) everyone. */
  private void gi(String gruppe, String bruker, Resource ressurs, String ressursId) {
    boolean alle = ANY.equals(bruker);
    var query = autorisasjoner.createAuthorizationQuery().resourceType(ressurs).resourceId(ressursId)
        .authorizationType(alle ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT);
    if (gruppe != null) {
      query.groupIdIn(gruppe);
    } else {
      query.userIdIn(bruker);
    }
    Authorization grant = query.singleResult();
    if (grant != null && grant.isPermissionGranted(Permissions.READ)) {
      return;
    }
    if (grant == null) {
      grant = autorisasjoner.createNewAuthorization(alle ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT);
      if (gruppe != null) {
        grant.setGroupId(gruppe);
      } else if (!alle) {
        grant.setUserId(bruker);
      }
      grant.setResource(ressurs);
      grant.setResourceId(ressursId);
    }
    grant.addPermission(Permissions.READ);
    autorisasjoner.saveAuthorization(grant);
  }
}
