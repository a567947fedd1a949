package no.vareunge.portefolje;

import java.util.Date;

/** An open task of a work package, with the package it belongs to. */
public record ApenOppgave(
    String oppgaveId,
    String navn,
    String aktivitet,
    String prosessinstansId,
    String referanse,
    String tittel,
    String kommune,
    String tildelt,
    Date opprettet,
    Date frist) {}
