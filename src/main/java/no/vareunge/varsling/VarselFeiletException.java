package no.vareunge.varsling;

/**
 * One or more recipients of a notification did not get it. The job fails, the engine tries
 * again after {@code frister.jobbRetry}, and when the retries are used up an incident shows it in
 * Cockpit. Those who got the e-mail are not sent it again.
 */
public class VarselFeiletException extends RuntimeException {

  public VarselFeiletException(String melding, Throwable arsak) {
    super(melding, arsak);
  }
}
