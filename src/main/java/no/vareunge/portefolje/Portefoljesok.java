package no.vareunge.portefolje;

import no.vareunge.arbeidspakke.Fase;

/**
 * A search in the portfolio; every criterion is optional. {@code tekst} matches title or
 * reference; {@code side} counts from 0.
 */
public record Portefoljesok(String kommune, Fase fase, String pilotstatus, String tekst, int side, int antallPerSide) {

  public static final int MAKS_PER_SIDE = 200;

  public static Portefoljesok alle() {
    return new Portefoljesok(null, null, null, null, 0, MAKS_PER_SIDE);
  }
}
