package no.vareunge.arbeidspakke;

/** The phases of a work package (variable {@code fase}), including the end states. */
public enum Fase {
  FORSLAG,
  VURDERING,
  BESLUTNING,
  PILOTERING,
  EVALUERING,
  DRIFT,
  AVVIST,
  AVSLATT,
  AVVIKLET,
  I_DRIFT;

  /** An end state: the package's process has ended here. */
  public boolean erAvsluttet() {
    return this == AVVIST || this == AVSLATT || this == AVVIKLET || this == I_DRIFT;
  }
}
