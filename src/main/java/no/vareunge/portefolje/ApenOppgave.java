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
    /** The kommune's name; null for a task outside any package (onboarding a kommune). */
    String kommunenavn,
    String tildelt,
    Date opprettet,
    Date frist) {}
