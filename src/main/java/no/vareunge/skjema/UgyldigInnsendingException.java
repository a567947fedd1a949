package no.vareunge.skjema;

import java.util.List;

/**
 * A submission refused before the engine sees it: not readable (not JSON, wrong shape), or not
 * filled in as its form says. The message is Norwegian and whole; {@link #feil()} has one message
 * per field when the form's rules were broken.
 */
public class UgyldigInnsendingException extends Exception {

  private final List<String> feil;

  UgyldigInnsendingException(String melding) {
    this(melding, List.of());
  }

  UgyldigInnsendingException(String melding, List<String> feil) {
    super(melding);
    this.feil = List.copyOf(feil);
  }

  public List<String> feil() {
    return feil;
  }
}
