package no.vareunge.portefolje;

import java.math.BigDecimal;

/**
 * One kommune's packages in money: proposed budget, granted (of approved packages) and spent as
 * last reported by the pilots.
 */
public record Kommuneokonomi(
    String kommune, String kommunenavn, long antall, BigDecimal budsjett, BigDecimal bevilget, BigDecimal forbrukt) {}
