package no.vareunge.arbeidsflate;

import jakarta.servlet.http.HttpSession;

/**
 * A message for the next page the user sees. A form is sent by the browser's script, which then
 * goes on to the page itself, so Spring's flash attributes (kept across a redirect) do not reach
 * it; the session does.
 */
final class Meldinger {

  private static final String NOKKEL = Meldinger.class.getName();

  private Meldinger() {}

  static void tilNesteSide(HttpSession okt, String melding) {
    okt.setAttribute(NOKKEL, melding);
  }

  /** The message waiting for this page, once. */
  static String hent(HttpSession okt) {
    Object melding = okt.getAttribute(NOKKEL);
    okt.removeAttribute(NOKKEL);
    return melding instanceof String tekst ? tekst : null;
  }
}
