package no.vareunge.vedtak;

import java.util.Optional;
import no.vareunge.felles.Skjemavalg;

/**
 * The outcome of a decision: the values of the decision forms' outcome fields ({@code
 * lederBeslutning}, {@code styrevedtak}, {@code eierstyrevedtak}, {@code videreDrift}) with their
 * labels, for the protocol, overviews and reports.
 */
public enum Utfall implements Skjemavalg {
  GODKJENT("godkjent", "Godkjent"),
  AVSLATT("avslatt", "Avslått"),
  RETURNERT("returnert", "Returnert"),
  LOFTET_TIL_STYRET("loftetTilStyret", "Løftet til styret"),
  LOFTET_TIL_EIERSTYRET("loftetTilEierstyret", "Løftet til eierstyret"),
  DRIFT("drift", "Videreføres i drift"),
  FORLENG("forleng", "Piloten forlenges"),
  AVVIKLE("avvikle", "Avvikles");

  private final String verdi;
  private final String tekst;

  Utfall(String verdi, String tekst) {
    this.verdi = verdi;
    this.tekst = tekst;
  }

  @Override
  public String verdi() {
    return verdi;
  }

  @Override
  public String tekst() {
    return tekst;
  }

  public static Optional<Utfall> fra(String verdi) {
    return Skjemavalg.fra(Utfall.class, verdi);
  }

  /** {@code avslatt} → «Avslått»; an unknown value is shown as it is. */
  public static String tekst(String verdi) {
    return Skjemavalg.tekst(Utfall.class, verdi);
  }
}
