package no.vareunge.portefolje;

import no.vareunge.arbeidspakke.Fase;

/** How many packages of one kommune are in one phase. */
public record Fasetelling(String kommune, String kommunenavn, Fase fase, long antall) {}
