package no.vareunge.portefolje;

import java.math.BigDecimal;
import java.util.Date;

/** One delivered progress report of a pilot. */
public record Fremdriftsrapport(
    String referanse,
    String pilotstatus,
    String fremdrift,
    BigDecimal forbruktBelop,
    String avvik,
    boolean trengerBeslutning,
    String rapportertAv,
    Date tidspunkt) {}
