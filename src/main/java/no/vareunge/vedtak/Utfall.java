package no.vareunge.vedtak;

import java.util.Map;

/** The outcome of a decision (vedtak.utfall) as the decision forms label it, for overviews and reports. */
public final class Utfall {

  private static final Map<String, String> TEKST = Map.of("godkjent", "Godkjent", "avslatt", "Avslått",
      "returnert", "Returnert", "loftetTilStyret", "Løftet til styret", "loftetTilEierstyret", "Løftet til eierstyret",
      "drift", "Videreføres i drift", "forleng", "Piloten forlenges", "avvikle", "Avvikles");

  private Utfall() {}

  /** {@code avslatt} → «Avslått»; an unknown value is shown as it is. */
  public static String tekst(String utfall) {
    return TEKST.getOrDefault(utfall, utfall);
  }
}
