package no.vareunge.skjema;

import java.util.List;

/**
 * A submission refused before the engine sees it: not readable (not JSON, wrong shape), or not
 * filled in as its form says. The message is Norwegian and whole; when the form's rules were
 * broken, {@link #feil()} has one message per error, naming each field with its key, and
 * {@link #feltfeil()} the same errors placed in the form, in words for people.
 */
public class UgyldigInnsendingException extends Exception {

  private final List<String> feil;
  private final List<Feltfeil> feltfeil;

  UgyldigInnsendingException(String melding) {
    this(melding, List.of(), List.of());
  }

  UgyldigInnsendingException(String melding, List<String> feil, List<Feltfeil> feltfeil) {
    super(melding);
    this.feil = List.copyOf(feil);
    this.feltfeil = List.copyOf(feltfeil);
  }

  public List<String> feil() {
    return feil;
  }

  /** Empty when the submission could not be read at all: then only the message says what is wrong. */
  public List<Feltfeil> feltfeil() {
    return feltfeil;
  }
}
