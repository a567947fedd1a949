package no.vareunge.skjema;

import java.util.function.Predicate;

/**
 * A register a form can name in the properties {@code unik} and {@code finnes} (for example
 * {@code kommune.id}), contributed as a bean by the feature that owns it.
 */
public record Oppslagsregister(String navn, Predicate<String> finnes) {}
