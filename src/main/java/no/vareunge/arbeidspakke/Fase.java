package no.vareunge.arbeidspakke;

/** The phases of a work package (variable {@code fase}), including the end states. */
public enum Fase {
  FORSLAG("Forslag"),
  VURDERING("Vurdering"),
  BESLUTNING("Beslutning"),
  PILOTERING("Pilotering"),
  EVALUERING("Evaluering"),
  DRIFT("Drift"),
  AVVIST("Avvist"),
  AVSLATT("Avslått"),
  AVVIKLET("Avviklet"),
  I_DRIFT("I drift");

  private final String visningsnavn;

  Fase(String visningsnavn) {
    this.visningsnavn = visningsnavn;
  }

  /** The phase as the program's people say it. */
  public String visningsnavn() {
    return visningsnavn;
  }

  /** An end state: the package's process has ended here. */
  public boolean erAvsluttet() {
    return this == AVVIST || this == AVSLATT || this == AVVIKLET || this == I_DRIFT;
  }
}
