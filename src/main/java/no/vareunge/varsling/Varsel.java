package no.vareunge.varsling;

import java.util.Date;

/** One entry of the notification log. */
public record Varsel(
    Varselhendelse hendelse,
    String referanse,
    String prosessinstansId,
    String mottaker,
    String emne,
    Varselstatus status,
    int forsok,
    Date tidspunkt) {}
