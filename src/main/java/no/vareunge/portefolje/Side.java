package no.vareunge.portefolje;

import java.util.List;

/** One page of a longer result, with the size of the whole. */
public record Side<T>(List<T> treff, long totalt, int side, int antallPerSide) {}
