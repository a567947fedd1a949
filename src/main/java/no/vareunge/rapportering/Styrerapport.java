package no.vareunge.rapportering;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import no.vareunge.felles.Tidssone;

/** A board report without its files (a row of table {@code styrerapport}). */
public record Styrerapport(
    long id,
    Date periodeFra,
    Date periodeTil,
    Date opprettet,
    Rapportstatus status,
    String godkjentAv,
    Date godkjent,
    String kommentar,
    Date sendt,
    Date arkivert,
    String prosessinstansId) {

  private static final DateTimeFormatter MANED = DateTimeFormatter.ofPattern("yyyy-MM");

  /** {@code styrerapport-2026-11}: the month the period ends in, for file names and the log. */
  public String navn() {
    return "styrerapport-" + MANED.format(LocalDate.ofInstant(periodeTil.toInstant(), Tidssone.NORGE));
  }

  /** {@code styrerapport-2026-11.xlsx}. */
  public String filnavn(Rapportfil fil) {
    return navn() + "." + fil.endelse();
  }

  /** «01.10.2026–01.11.2026», or «til 01.11.2026» for the first report. */
  public String periode() {
    return periodetekst(periodeFra, periodeTil);
  }

  static String periodetekst(Date fra, Date til) {
    return fra == null ? "fra starten til " + Tidssone.norskDato(til)
        : Tidssone.norskDato(fra) + "–" + Tidssone.norskDato(til);
  }
}
