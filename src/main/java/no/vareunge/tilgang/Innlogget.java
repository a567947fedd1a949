package no.vareunge.tilgang;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is signed in, as every part of the application uses it: the user id and the Camunda groups
 * and kommuner (tenants) the engine's authorizations and tenant checks are made against. The
 * principal of a local login and of a bearer token; an OIDC login carries one ({@link
 * MedInnlogget}).
 */
public record Innlogget(String id, List<String> grupper, List<String> kommuner) implements Serializable {

  public Innlogget {
    grupper = List.copyOf(grupper);
    kommuner = List.copyOf(kommuner);
  }

  /** A principal that carries the signed-in user. */
  public interface MedInnlogget {
    Innlogget innlogget();
  }

  public static Optional<Innlogget> fra(Authentication autentisering) {
    if (autentisering == null || !autentisering.isAuthenticated()) {
      return Optional.empty();
    }
    Object principal = autentisering.getPrincipal();
    if (principal instanceof Innlogget innlogget) {
      return Optional.of(innlogget);
    }
    if (principal instanceof MedInnlogget med) {
      return Optional.of(med.innlogget());
    }
    return Optional.empty();
  }

  /** The user of the current request, if signed in. */
  public static Optional<Innlogget> naa() {
    return fra(SecurityContextHolder.getContext().getAuthentication());
  }
}
