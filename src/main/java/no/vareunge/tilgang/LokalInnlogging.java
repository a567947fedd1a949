package no.vareunge.tilgang;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The login of a local user (the login page, and HTTP Basic on the APIs): the password is checked
 * by the engine's identity service, so the throttling of wrong passwords ({@link Innloggingsbrems})
 * applies to both. Off where the kommune's own accounts are the only way in ({@link Innloggingsvalg}).
 */
class LokalInnlogging implements AuthenticationProvider {

  static final String FEIL = "Feil brukernavn eller passord. Etter flere feil må du vente litt før neste forsøk.";

  private final IdentityService identitet;
  private final Identitetsoppslag oppslag;

  LokalInnlogging(IdentityService identitet, Identitetsoppslag oppslag) {
    this.identitet = identitet;
    this.oppslag = oppslag;
  }

  @Override
  public Authentication authenticate(Authentication forsok) {
    String id = forsok.getName() == null ? "" : forsok.getName().strip();
    String passord = forsok.getCredentials() == null ? "" : forsok.getCredentials().toString();
    // Also false while the source is held back after wrong passwords.
    if (id.isEmpty() || !identitet.checkPassword(id, passord)) {
      throw new BadCredentialsException(FEIL);
    }
    Innlogget innlogget = oppslag.forBruker(id);
    return UsernamePasswordAuthenticationToken.authenticated(innlogget, null, roller(innlogget));
  }

  static List<SimpleGrantedAuthority> roller(Innlogget innlogget) {
    return innlogget.grupper().stream().map(g -> new SimpleGrantedAuthority(Innloggingsvalg.GRUPPE + g)).toList();
  }

  @Override
  public boolean supports(Class<?> type) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
  }
}
