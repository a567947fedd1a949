package no.vareunge.varsling;

/**
 * What a notification is about. Each has its e-mail template in {@code templates/epost/}
 * ({@code <mal>.html}); the subject is the template's {@code <title>}.
 */
public enum Varselhendelse {
  /** A user task was created: to the assignee or the candidate groups. */
  NY_OPPGAVE("ny-oppgave"),
  /** A decision task was completed (outcome, sakNr, reasoning). */
  VEDTAK("vedtak"),
  AVVIST("avvist"),
  AVSLATT("avslatt"),
  /** A decision or a report is due or overdue. */
  PAMINNELSE("paminnelse"),
  /** A board decision has waited two board cycles: to programleder. */
  ESKALERING("eskalering"),
  /** Red pilot status or a decision needed. */
  AVVIK_PILOT("avvik-pilot"),
  /** The approved board report, with the spreadsheet and the PDF attached: to eierstyret. */
  RAPPORT_SENDT("rapport-sendt");

  private final String mal;

  Varselhendelse(String mal) {
    this.mal = mal;
  }

  /** The template's name without {@code .html}, under {@code templates/epost/}. */
  public String mal() {
    return mal;
  }
}
