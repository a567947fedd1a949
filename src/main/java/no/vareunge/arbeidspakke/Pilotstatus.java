package no.vareunge.arbeidspakke;

import java.util.Map;

/** A pilot's traffic light (form field {@code pilotstatus}) in the words of the progress report form. */
public final class Pilotstatus {

  private static final Map<String, String> TEKST = Map.of("gronn", "Grønn", "gul", "Gul", "rod", "Rød");

  private Pilotstatus() {}

  /** {@code rod} → «Rød»; an unknown value is shown as it is. */
  public static String tekst(String status) {
    return TEKST.getOrDefault(status, status);
  }
}
