package no.vareunge.rapportering;

/** The two files of a board report (a column each in table {@code styrerapport}). */
public enum Rapportfil {
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  PDF("pdf", "application/pdf");

  private final String endelse;
  private final String innholdstype;

  Rapportfil(String endelse, String innholdstype) {
    this.endelse = endelse;
    this.innholdstype = innholdstype;
  }

  /** The file ending, also the name of its column. */
  public String endelse() {
    return endelse;
  }

  public String innholdstype() {
    return innholdstype;
  }
}
