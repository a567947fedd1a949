package no.vareunge.varsling;

/** Where a notification stands. */
public enum Varselstatus {
  /** Recorded, not sent: e-mail is not switched on yet. */
  REGISTRERT
}
