package no.vareunge.tilgang;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How people sign in ({@code vareunge.innlogging}, docs/kommune-it.md): local users (the login
 * page and HTTP Basic), and/or the kommune's own accounts through OIDC, whose tokens also open the
 * APIs. A token's groups and kommuner come from one claim, mapped here to the program's groups.
 *
 * @param lokaleBrukere the login page and HTTP Basic against the engine's own users
 * @param oidc sign-in with the kommune's accounts
 */
@ConfigurationProperties("vareunge.innlogging")
public record Innloggingsvalg(boolean lokaleBrukere, Oidc oidc) {

  /** Spring Security's prefix of the authorities that are Camunda groups. */
  static final String GRUPPE = "GRUPPE_";

  public Innloggingsvalg {
    oidc = oidc == null ? new Oidc(false, null, null, null, null, null, false, null) : oidc;
  }

  /**
   * @param aktiv whether the kommune's accounts sign in (profile {@code oidc})
   * @param registrering the client registration ({@code spring.security.oauth2.client.registration.<id>})
   * @param brukerkrav the stable claim that is the user id (Entra ID: {@code oid})
   * @param gruppekrav the claim with groups or app roles (Entra ID: {@code groups} or {@code roles})
   * @param navnekrav the claim with the name
   * @param epostkrav the claim with the e-mail address, for notifications
   * @param gruppenavnDirekte whether a claim value that is the id of a program group (an app role named
   *     {@code styre-larvik}) is that group, and {@code kommune.larvik} that kommune
   * @param roller claim value (an Entra group object id, an app role) → the program's groups and kommuner
   */
  public record Oidc(boolean aktiv, String registrering, String brukerkrav, String gruppekrav, String navnekrav,
      String epostkrav, boolean gruppenavnDirekte, Map<String, Rolle> roller) {

    public Oidc {
      registrering = registrering == null || registrering.isBlank() ? "kommune" : registrering;
      brukerkrav = brukerkrav == null || brukerkrav.isBlank() ? "sub" : brukerkrav;
      gruppekrav = gruppekrav == null || gruppekrav.isBlank() ? "groups" : gruppekrav;
      navnekrav = navnekrav == null || navnekrav.isBlank() ? "name" : navnekrav;
      epostkrav = epostkrav == null || epostkrav.isBlank() ? "email" : epostkrav;
      roller = roller == null ? Map.of() : Map.copyOf(roller);
    }

    /** What a token's claims give: the program's groups and kommuner. */
    Tilordning tilordne(Map<String, Object> krav, Set<String> kjenteGrupper) {
      Set<String> grupper = new LinkedHashSet<>();
      Set<String> kommuner = new LinkedHashSet<>();
      for (String verdi : verdier(krav.get(gruppekrav))) {
        Rolle rolle = roller.get(verdi);
        if (rolle != null) {
          grupper.addAll(rolle.grupper());
          kommuner.addAll(rolle.kommuner());
        } else if (gruppenavnDirekte && kjenteGrupper.contains(verdi)) {
          grupper.add(verdi);
        } else if (gruppenavnDirekte && verdi.startsWith(KOMMUNE)) {
          kommuner.add(verdi.substring(KOMMUNE.length()));
        }
      }
      return new Tilordning(grupper, kommuner);
    }

    private static final String KOMMUNE = "kommune.";

    private static List<String> verdier(Object krav) {
      if (krav instanceof Collection<?> liste) {
        return liste.stream().map(String::valueOf).toList();
      }
      return krav == null ? List.of() : List.of(String.valueOf(krav));
    }
  }

  /** The program's groups and kommuner of one claim value. */
  public record Rolle(List<String> grupper, List<String> kommuner) {
    public Rolle {
      grupper = grupper == null ? List.of() : List.copyOf(grupper);
      kommuner = kommuner == null ? List.of() : List.copyOf(kommuner);
    }
  }

  record Tilordning(Set<String> grupper, Set<String> kommuner) {}
}
