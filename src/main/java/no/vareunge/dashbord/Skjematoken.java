package no.vareunge.dashbord;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A per-session token in the overview's forms that change something (log in, log out), checked
 * on submit. The session cookie is already SameSite=Lax; the token also stops a cross-site form
 * in browsers that ignore SameSite. (Camunda's CSRF filter guards only {@code /camunda}, and
 * Spring Security would take over every login of the application to provide this one check.)
 */
final class Skjematoken {

  static final String FELT = "_csrf";
  private static final String NOKKEL = Skjematoken.class.getName();
  private static final SecureRandom TILFELDIG = new SecureRandom();

  private Skjematoken() {}

  /** The session's token, made on first use. */
  static String hent(HttpSession okt) {
    Object token = okt.getAttribute(NOKKEL);
    if (token == null) {
      byte[] bytes = new byte[32];
      TILFELDIG.nextBytes(bytes);
      token = HexFormat.of().formatHex(bytes);
      okt.setAttribute(NOKKEL, token);
    }
    return (String) token;
  }

  static boolean gyldig(HttpSession okt, String innsendt) {
    Object token = okt == null ? null : okt.getAttribute(NOKKEL);
    return token != null && innsendt != null && MessageDigest.isEqual(
        ((String) token).getBytes(StandardCharsets.US_ASCII), innsendt.getBytes(StandardCharsets.US_ASCII));
  }
}
