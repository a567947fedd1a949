package no.vareunge.varsling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who gets a notification: the users named and the members of the groups named, looked up in the
 * engine's identity service (the same users and groups as the web apps; LDAP when that is plugged
 * in). Nobody is hard-coded. Each person once, in a fixed order.
 */
@Component
public class Mottakere {

  public List<Mottaker> finn(IdentityService identitet, String brukere, String grupper) {
    Map<String, Mottaker> funnet = new LinkedHashMap<>();
    for (String id : liste(brukere)) {
      User bruker = identitet.createUserQuery().userId(id).singleResult();
      funnet.putIfAbsent(id, bruker == null ? new Mottaker(id, id, null, null) : mottaker(bruker, null));
    }
    for (String gruppe : liste(grupper)) {
      List<User> medlemmer = new ArrayList<>(identitet.createUserQuery().memberOfGroup(gruppe).list());
      medlemmer.sort(Comparator.comparing(User::getId));
      if (medlemmer.isEmpty()) {
        funnet.putIfAbsent("gruppe:" + gruppe, Mottaker.tomGruppe(gruppe));
      }
      medlemmer.forEach(m -> funnet.putIfAbsent(m.getId(), mottaker(m, gruppe)));
    }
    return List.copyOf(funnet.values());
  }

  private static Mottaker mottaker(User bruker, String gruppe) {
    String navn = String.join(" ", Arrays.stream(new String[] {bruker.getFirstName(), bruker.getLastName()})
        .filter(d -> d != null && !d.isBlank()).toList());
    String epost = bruker.getEmail() == null || bruker.getEmail().isBlank() ? null : bruker.getEmail().trim();
    return new Mottaker(bruker.getId(), navn.isBlank() ? bruker.getId() : navn, epost, gruppe);
  }

  /** «a, b,,c» → [a, b, c]. */
  static List<String> liste(String kommaseparert) {
    return kommaseparert == null ? List.of() : Arrays.stream(kommaseparert.split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }
}
