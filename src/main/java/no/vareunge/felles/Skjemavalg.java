package no.vareunge.felles;

import java.util.Arrays;
import java.util.Optional;

/** A vocabulary of a form's choice field: each constant is one value with the form's label. */
public interface Skjemavalg {

  /** The value as the form stores it, e.g. {@code rod}. */
  String verdi();

  /** The form's label, e.g. «Rød». */
  String tekst();

  static <E extends Enum<E> & Skjemavalg> Optional<E> fra(Class<E> type, String verdi) {
    return Arrays.stream(type.getEnumConstants()).filter(v -> v.verdi().equals(verdi)).findFirst();
  }

  /** The label of a value; an unknown value is shown as it is. */
  static <E extends Enum<E> & Skjemavalg> String tekst(Class<E> type, String verdi) {
    return fra(type, verdi).map(Skjemavalg::tekst).orElse(verdi);
  }
}
