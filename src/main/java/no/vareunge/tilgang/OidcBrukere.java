package no.vareunge.tilgang;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signs in a user of the kommune's accounts (OIDC, authorization code with PKCE): the user id from
 * the configured stable claim, the groups and kommuner from the mapped claim, the user kept in the
 * engine's identity ({@link Tokenbrukere}). A user whose token maps to no group of the program is
 * refused ({@value #INGEN_TILGANG}), and nothing is stored.
 */
class OidcBrukere implements OAuth2UserService<OidcUserRequest, OidcUser> {

  static final String INGEN_TILGANG = "ingen_tilgang";

  private final OidcUserService standard = new OidcUserService();
  private final Innloggingsvalg.Oidc valg;
  private final Tokenbrukere brukere;
  private final Identitetsoppslag oppslag;

  OidcBrukere(Innloggingsvalg.Oidc valg, Tokenbrukere brukere, Identitetsoppslag oppslag) {
    this.valg = valg;
    this.brukere = brukere;
    this.oppslag = oppslag;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest foresporsel) {
    OidcUser bruker = standard.loadUser(foresporsel);
    Map<String, Object> krav = bruker.getClaims();
    Object id = krav.get(valg.brukerkrav());
    Innloggingsvalg.Tilordning tilordning = brukere.tilordne(valg, krav);
    if (id == null || tilordning.grupper().isEmpty()) {
      throw new OAuth2AuthenticationException(new OAuth2Error(INGEN_TILGANG,
          "Kontoen har ingen rolle i Våre unge.", null));
    }
    try {
      brukere.synkroniser(id.toString(), tekst(krav.get(valg.navnekrav())), tekst(krav.get(valg.epostkrav())),
          tilordning);
    } catch (ProcessEngineException | DataAccessException e) {
      // An id the engine does not accept, or the same person's first sign-in twice at once: try again.
      throw new OAuth2AuthenticationException(new OAuth2Error("bruker_ikke_lagret",
          "Brukeren kunne ikke lagres: " + e.getMessage(), null), e);
    }
    Innlogget innlogget = oppslag.forBruker(id.toString());
    return new Kontobruker(bruker, innlogget);
  }

  private static String tekst(Object verdi) {
    return verdi == null ? null : verdi.toString();
  }

  /** The provider's user, with the program's groups as authorities and the signed-in user. */
  static final class Kontobruker extends DefaultOidcUser implements Innlogget.MedInnlogget {

    private final Innlogget innlogget;

    Kontobruker(OidcUser bruker, Innlogget innlogget) {
      super(LokalInnlogging.roller(innlogget), bruker.getIdToken(), bruker.getUserInfo());
      this.innlogget = innlogget;
    }

    @Override
    public Innlogget innlogget() {
      return innlogget;
    }

    @Override
    public String getName() {
      return innlogget.id();
    }
  }
}
