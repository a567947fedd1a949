package no.vareunge.portefolje;

import java.math.BigDecimal;
import java.util.Date;
import no.vareunge.arbeidspakke.Fase;

/** One work package as the portfolio shows it (a row of table {@code arbeidspakke}). */
public record Arbeidspakkerad(
    String prosessinstansId,
    String referanse,
    String tittel,
    String kommune,
    String kommunenavn,
    Fase fase,
    String beslutningsniva,
    String godkjentNiva,
    BigDecimal budsjett,
    BigDecimal bevilgetBelop,
    BigDecimal forbruktBelop,
    String pilotstatus,
    Integer pilotvarighetMnd,
    String leder,
    Date registrert,
    Date godkjentDato,
    Date pilotStartdato,
    Date pilotSluttdato,
    Date sisteRapport,
    Date driftsstart,
    Date avsluttet,
    /** Who stopped the pilot early, and why; null when it was not stopped. */
    String avbruttAv,
    String avbruddBegrunnelse) {}
