package no.vareunge.tilgang;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing without letting a stranger lock anyone out. The engine's own rule
 * counts wrong passwords per user from anywhere, and ten lock the account until an administrator
 * unlocks it: anyone who knows a user name could lock out programleder. Here the count is per
 * source (IP address) and user: after a wrong password that source must wait 3 s before trying that
 * user again, twice as long after each further one, at most 60 s; after ten in a row it waits 15
 * minutes. A source that gets 50 wrong passwords within 15 minutes, whatever the users, waits 15
 * minutes for all. Against guesses from many sources at once, a user who gets 30 wrong passwords
 * within 15 minutes from anywhere can be tried only from sources they have logged in from before,
 * until those 15 minutes are over. So the user's own login from elsewhere is never held up by
 * someone else's guesses (at worst for 15 minutes from a source never used before), and no pause
 * lasts longer than 15 minutes. Every refusal is logged with source and user (and the engine still
 * counts the attempts on the user). The counts live in this node's memory; a restart clears them.
 */
public final class Innloggingsbrems {

  private static final Logger LOG = LoggerFactory.getLogger(Innloggingsbrems.class);
  static final Duration FORSTE_PAUSE = Duration.ofSeconds(3);
  static final Duration LENGSTE_PAUSE = Duration.ofSeconds(60);
  static final int FEIL_FOR_LANG_PAUSE = 10;
  static final int FEIL_PER_KILDE = 50;
  static final int FEIL_PER_BRUKER = 30;
  static final Duration LANG_PAUSE = Duration.ofMinutes(15);
  /** Beyond this many remembered sources, those whose pause is over are forgotten. */
  private static final int MAKS_OPPFORINGER = 10_000;

  private record Teller(int feil, long forsteFeil, long sperretTil) {}

  private final Map<String, Teller> perBruker = new ConcurrentHashMap<>();
  private final Map<String, Teller> perKilde = new ConcurrentHashMap<>();
  private final Map<String, Teller> perBrukerOveralt = new ConcurrentHashMap<>();
  /** Source and user of every right password, so that many strangers' guesses never stop the user there. */
  private final Set<String> kjente = ConcurrentHashMap.newKeySet();

  /** Whether the current source must wait before it may try {@code bruker} again. */
  boolean maVente(String bruker) {
    long naa = ClockUtil.getCurrentTime().getTime();
    String kilde = kilde();
    return sperret(perKilde.get(kilde), naa) || sperret(perBruker.get(kilde + " " + bruker), naa)
        || (sperret(perBrukerOveralt.get(bruker), naa) && !kjente.contains(kilde + " " + bruker));
  }

  void riktig(String bruker) {
    String kilde = kilde();
    perBruker.remove(kilde + " " + bruker);
    if (kjente.size() < MAKS_OPPFORINGER) {
      kjente.add(kilde + " " + bruker);
    }
  }

  void feil(String bruker) {
    long naa = ClockUtil.getCurrentTime().getTime();
    String kilde = kilde();
    rydd(naa);
    Teller t = perBruker.merge(kilde + " " + bruker, new Teller(1, naa, 0), (gammel, ny) -> new Teller(gammel.feil() + 1,
        gammel.forsteFeil(), 0));
    long pause = t.feil() >= FEIL_FOR_LANG_PAUSE ? LANG_PAUSE.toMillis()
        : Math.min(FORSTE_PAUSE.toMillis() << (t.feil() - 1), LENGSTE_PAUSE.toMillis());
    perBruker.put(kilde + " " + bruker, new Teller(t.feil(), t.forsteFeil(), naa + pause));
    Teller k = perKilde.merge(kilde, new Teller(1, naa, 0), (gammel, ny) -> naa - gammel.forsteFeil() > LANG_PAUSE.toMillis()
        ? new Teller(1, naa, 0) : new Teller(gammel.feil() + 1, gammel.forsteFeil(), 0));
    if (k.feil() >= FEIL_PER_KILDE) {
      perKilde.put(kilde, new Teller(k.feil(), k.forsteFeil(), naa + LANG_PAUSE.toMillis()));
      LOG.warn("Innlogging: {} feil passord fra {} på 15 minutter; kilden må vente 15 minutter", k.feil(), kilde);
    }
    Teller b = perBrukerOveralt.merge(bruker, new Teller(1, naa, 0), (gammel, ny) -> naa - gammel.forsteFeil()
        > LANG_PAUSE.toMillis() ? new Teller(1, naa, 0) : new Teller(gammel.feil() + 1, gammel.forsteFeil(), 0));
    if (b.feil() >= FEIL_PER_BRUKER) {
      perBrukerOveralt.put(bruker, new Teller(b.feil(), b.forsteFeil(), b.forsteFeil() + LANG_PAUSE.toMillis()));
      LOG.warn("Innlogging: {} feil passord for «{}» på 15 minutter; bare kjente kilder slipper til", b.feil(), bruker);
    }
    LOG.warn("Innlogging: feil passord for «{}» fra {} ({}. på rad derfra); neste forsøk derfra om {} s", bruker, kilde,
        t.feil(), pause / 1000);
  }

  void avvistIPause(String bruker) {
    LOG.warn("Innlogging: «{}» fra {} avvist uten å prøve passordet (pause etter feil passord)", bruker, kilde());
  }

  private static boolean sperret(Teller t, long naa) {
    return t != null && t.sperretTil() > naa;
  }

  private void rydd(long naa) {
    if (perBruker.size() > MAKS_OPPFORINGER) {
      perBruker.values().removeIf(t -> t.sperretTil() <= naa);
    }
    if (perBrukerOveralt.size() > MAKS_OPPFORINGER) {
      perBrukerOveralt.values().removeIf(t -> naa - t.forsteFeil() > LANG_PAUSE.toMillis());
    }
    if (perKilde.size() > MAKS_OPPFORINGER) {
      perKilde.values().removeIf(t -> t.sperretTil() <= naa && naa - t.forsteFeil() > LANG_PAUSE.toMillis());
    }
  }

  /** The client's address of the HTTP request being served ({@link Kildefilter}); the application itself otherwise. */
  private static String kilde() {
    String kilde = KILDE.get();
    return kilde == null ? "programmet" : kilde;
  }

  private static final ThreadLocal<String> KILDE = new ThreadLocal<>();

  /**
   * Remembers the client's address for the password check, before any login filter runs (Spring's
   * own request context is set up only later in the chain). Behind a proxy the address is the one
   * the proxy forwarded ({@code server.forward-headers-strategy}).
   */
  static final class Kildefilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      KILDE.set(request.getRemoteAddr());
      try {
        chain.doFilter(request, response);
      } finally {
        KILDE.remove();
      }
    }
  }
}
