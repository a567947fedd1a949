package no.vareunge.portefolje;

import java.util.Date;
import no.vareunge.vedtak.Beslutningsniva;

/** A decision of the protocol together with the package it was about. */
public record Vedtakspost(
    String referanse,
    String tittel,
    String kommune,
    Beslutningsniva niva,
    String utfall,
    String sakNr,
    String begrunnelse,
    String besluttetAv,
    Date tidspunkt) {}
