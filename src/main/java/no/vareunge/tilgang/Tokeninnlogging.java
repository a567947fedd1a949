package no.vareunge.tilgang;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A bearer token on the APIs (checked by Spring Security for signature, issuer, audience and
 * expiry): the user and the groups and kommuner from the same claims and mapping as the sign-in,
 * without storing anything. A token that maps to no group is authenticated but reaches nothing
 * ({@link #harRolle}).
 */
class Tokeninnlogging implements Converter<Jwt, AbstractAuthenticationToken> {

  private final Innloggingsvalg.Oidc valg;
  private final Tokenbrukere brukere;
  private final Identitetsoppslag oppslag;

  Tokeninnlogging(Innloggingsvalg.Oidc valg, Tokenbrukere brukere, Identitetsoppslag oppslag) {
    this.valg = valg;
    this.brukere = brukere;
    this.oppslag = oppslag;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt token) {
    Object id = token.getClaims().get(valg.brukerkrav());
    Innloggingsvalg.Tilordning tilordning = brukere.tilordne(valg, token.getClaims());
    Innlogget innlogget = oppslag.forGrupper(id == null ? token.getSubject() : id.toString(),
        tilordning.grupper(), tilordning.kommuner());
    return new Token(token, innlogget, LokalInnlogging.roller(innlogget));
  }

  /** Whether a signed-in user reaches anything: a token only with a group of the program. */
  static boolean harRolle(Authentication autentisering) {
    return !(autentisering instanceof Token token) || !token.innlogget.grupper().isEmpty();
  }

  static final class Token extends AbstractAuthenticationToken {

    private final Jwt jwt;
    private final Innlogget innlogget;

    Token(Jwt jwt, Innlogget innlogget, List<? extends GrantedAuthority> roller) {
      super(roller);
      this.jwt = jwt;
      this.innlogget = innlogget;
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return jwt;
    }

    @Override
    public Object getPrincipal() {
      return innlogget;
    }

    @Override
    public String getName() {
      return innlogget.id();
    }
  }
}
