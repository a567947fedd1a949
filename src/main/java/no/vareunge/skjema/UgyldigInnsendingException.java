package no.vareunge.skjema;

/** A submission that cannot be read at all (not JSON, wrong shape). */
public class UgyldigInnsendingException extends Exception {
  UgyldigInnsendingException(String melding) {
    super(melding);
  }
}
