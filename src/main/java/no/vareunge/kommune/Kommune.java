package no.vareunge.kommune;

/** A kommune taking part in the program; {@code id} is also its tenant id. */
public record Kommune(String id, String navn, String kode) {}
