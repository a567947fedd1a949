package no.vareunge.vedtak;

import java.util.Date;

/** One entry of the vedtaksprotokoll. */
public record Vedtak(
    String referanse,
    String prosessinstansId,
    String oppgaveId,
    Beslutningsniva niva,
    String utfall,
    String sakNr,
    String motedato,
    String begrunnelse,
    String betingelser,
    String besluttetAv,
    Date tidspunkt) {}
