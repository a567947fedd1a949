package no.vareunge.tilgang;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users known from the kommune's accounts: at each sign-in the engine's identity gets the user
 * (name and e-mail from the token, for the notifications and the web apps) and exactly the groups
 * and kommuner the token's claim maps to, so every authorization and tenant rule, the candidate
 * groups' notifications and the web apps' own look-ups apply as to a local user.
 */
@Component
class Tokenbrukere {

  private final IdentityService identitet;

  Tokenbrukere(IdentityService identitet) {
    this.identitet = identitet;
  }

  /** What a token's claims give, through the mapping; the program's groups are read only when claims name them. */
  Innloggingsvalg.Tilordning tilordne(Innloggingsvalg.Oidc valg, Map<String, Object> krav) {
    Set<String> grupper = valg.gruppenavnDirekte()
        ? identitet.createGroupQuery().list().stream().map(Group::getId).collect(Collectors.toSet())
        : Set.of();
    return valg.tilordne(krav, grupper);
  }

  @Transactional
  void synkroniser(String id, String navn, String epost, Innloggingsvalg.Tilordning tilordning) {
    User bruker = identitet.createUserQuery().userId(id).singleResult();
    if (bruker == null) {
      bruker = identitet.newUser(id);
    }
    String[] deler = navn == null || navn.isBlank() ? new String[] {id} : navn.strip().split("\\s+", 2);
    bruker.setFirstName(deler[0]);
    bruker.setLastName(deler.length > 1 ? deler[1] : "");
    bruker.setEmail(epost);
    identitet.saveUser(bruker);
    Map<Boolean, List<String>> har = identitet.createGroupQuery().groupMember(id).list().stream()
        .map(Group::getId).collect(Collectors.partitioningBy(tilordning.grupper()::contains));
    har.get(false).forEach(g -> identitet.deleteMembership(id, g));
    tilordning.grupper().stream().filter(g -> !har.get(true).contains(g))
        .filter(g -> identitet.createGroupQuery().groupId(g).count() == 1)
        .forEach(g -> identitet.createMembership(id, g));
    List<String> kommuner = identitet.createTenantQuery().userMember(id).list().stream().map(Tenant::getId).toList();
    kommuner.stream().filter(k -> !tilordning.kommuner().contains(k))
        .forEach(k -> identitet.deleteTenantUserMembership(k, id));
    tilordning.kommuner().stream().filter(k -> !kommuner.contains(k))
        .filter(k -> identitet.createTenantQuery().tenantId(k).count() == 1)
        .forEach(k -> identitet.createTenantUserMembership(k, id));
  }
}
