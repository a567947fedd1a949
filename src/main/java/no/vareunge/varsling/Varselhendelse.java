package no.vareunge.varsling;

/** What a notification is about, with the subject line people see. */
public enum Varselhendelse {
  AVVIST("Forslaget %s er avvist"),
  AVSLATT("Arbeidspakken %s er avslått"),
  PAMINNELSE("Påminnelse: %s venter på vedtak"),
  ESKALERING("Forsinket vedtak: %s har ventet i to styresykluser"),
  AVVIK_PILOT("Piloten %s trenger oppmerksomhet");

  private final String emne;

  Varselhendelse(String emne) {
    this.emne = emne;
  }

  public String emne(String referanse, String tittel) {
    return String.format(emne, referanse) + (tittel == null ? "" : " – " + tittel);
  }
}
