package no.vareunge.varsling;

/** Where a notification to one recipient stands. */
public enum Varselstatus {
  /** Recorded, not sent: e-mail is not set up (no {@code spring.mail.host}). */
  REGISTRERT,
  /** Handed to the mail server. */
  SENDT,
  /** The mail server refused or could not be reached; the job tries again. */
  FEILET,
  /** Not sent and never will be, e.g. a user without an e-mail address. */
  HOPPET_OVER;

  /** Done for this recipient: a retry of the notification leaves it alone. */
  public boolean ferdig() {
    return this != FEILET;
  }
}
