package no.vareunge.tilgang;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * A user's groups and kommuner as the engine's identity holds them: the user's own memberships,
 * and the kommuner of the user's groups (styre-larvik belongs to larvik; programleder to all).
 * Looked up without the caller's authorizations, as the web apps' login does.
 */
@Component
class Identitetsoppslag {

  private final IdentityService identitet;

  Identitetsoppslag(IdentityService identitet) {
    this.identitet = identitet;
  }

  Innlogget forBruker(String id) {
    List<String> grupper = identitet.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList();
    List<String> kommuner = identitet.createTenantQuery().userMember(id).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    return new Innlogget(id, grupper, kommuner);
  }

  /** For a user known only from a token: the given groups and kommuner, and the kommuner of those groups. */
  Innlogget forGrupper(String id, Set<String> grupper, Set<String> kommuner) {
    Set<String> alle = new LinkedHashSet<>(kommuner);
    for (String gruppe : grupper) {
      identitet.createTenantQuery().groupMember(gruppe).list().forEach(t -> alle.add(t.getId()));
    }
    return new Innlogget(id, List.copyOf(grupper), List.copyOf(alle));
  }
}
