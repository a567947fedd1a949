package no.vareunge.arbeidspakke;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import no.vareunge.felles.Skjemavalg;

/**
 * A pilot's traffic light: the values of form field {@code pilotstatus} (fremdriftsrapport.form)
 * in the words of that form, most serious first.
 */
public enum Pilotstatus implements Skjemavalg {
  ROD("rod", "Rød"),
  GUL("gul", "Gul"),
  GRONN("gronn", "Grønn");

  /** The values as the forms and the read model store them, most serious first. */
  public static final List<String> VERDIER = Arrays.stream(values()).map(Pilotstatus::verdi).toList();
  /** The values that are a deviation the boards follow up (red and yellow). */
  public static final List<String> AVVIK = List.of(ROD.verdi, GUL.verdi);

  private final String verdi;
  private final String tekst;

  Pilotstatus(String verdi, String tekst) {
    this.verdi = verdi;
    this.tekst = tekst;
  }

  @Override
  public String verdi() {
    return verdi;
  }

  @Override
  public String tekst() {
    return tekst;
  }

  public static Optional<Pilotstatus> fra(String verdi) {
    return Skjemavalg.fra(Pilotstatus.class, verdi);
  }

  /** {@code rod} → «Rød»; an unknown value is shown as it is. */
  public static String tekst(String verdi) {
    return Skjemavalg.tekst(Pilotstatus.class, verdi);
  }
}
