package no.vareunge;

import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * The kommune's identity provider in the tests: NAV's mock OAuth2 server in the test JVM, on a free
 * loopback port, with an interactive login page (user name and claims typed in, as a browser test
 * does). Started on first use, before the Spring context asks for the issuer.
 */
public final class TestIdp {

  public static final String UTSTEDER = "kommune";
  /** The application's client id, and the audience of its access tokens. */
  public static final String KLIENT = "vareunge";
  public static final String HEMMELIGHET = "test-klienthemmelighet";
  /** The claim with the groups (app roles named as the program's groups, and {@code kommune.<id>}). */
  public static final String GRUPPER = "groups";

  private static MockOAuth2Server server;

  private TestIdp() {}

  public static synchronized MockOAuth2Server server() {
    if (server == null) {
      server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
      server.start(0);
    }
    return server;
  }

  public static String utsteder() {
    return server().issuerUrl(UTSTEDER).toString();
  }

  /** An access token for the application, valid for an hour, with {@code krav} as extra claims. */
  public static String token(String bruker, Map<String, Object> krav) {
    return token(UTSTEDER, bruker, KLIENT, krav, 3600);
  }

  public static String token(String utsteder, String bruker, String mottaker, Map<String, Object> krav, long sekunder) {
    return server().issueToken(utsteder, KLIENT,
        new DefaultOAuth2TokenCallback(utsteder, bruker, "JWT", List.of(mottaker), krav, sekunder)).serialize();
  }
}
