package no.vareunge.rapportering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.vareunge.felles.Tidssone;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Table {@code styrerapport}: the board reports with their figures (JSON) and files. Written in
 * the transaction of the process step, so a step that is rolled back leaves no trace.
 */
@Repository
public class Rapportarkiv {

  private static final String KOLONNER = """
      id, periode_fra, periode_til, opprettet, status, godkjent_av, godkjent, kommentar, sendt, arkivert,
      prosessinstans_id""";

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public Rapportarkiv(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A new draft with its figures; returns its id. */
  public long opprett(String prosessinstansId, Rapporttall tall) {
    KeyHolder nokkel = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO styrerapport (periode_fra, periode_til, opprettet, status, tall, prosessinstans_id)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(tid(tall.periodeFra()), tid(tall.periodeTil()), tid(Tidssone.naa()), Rapportstatus.UTKAST.name(),
            tilJson(tall), prosessinstansId)
        .update(nokkel, "id");
    return nokkel.getKeyAs(Number.class).longValue();
  }

  /** New figures for a draft that programleder sent back; the old files go with the old figures. */
  public void nyeTall(long id, Rapporttall tall) {
    endre(id, "UPDATE styrerapport SET periode_fra = ?, periode_til = ?, tall = ?, xlsx = NULL, pdf = NULL,"
        + " status = ? WHERE id = ?", tid(tall.periodeFra()), tid(tall.periodeTil()), tilJson(tall),
        Rapportstatus.UTKAST.name(), id);
  }

  public void lagreFiler(long id, byte[] xlsx, byte[] pdf) {
    endre(id, "UPDATE styrerapport SET xlsx = ?, pdf = ? WHERE id = ?", xlsx, pdf, id);
  }

  public void godkjenn(long id, String bruker, String kommentar) {
    endre(id, "UPDATE styrerapport SET status = ?, godkjent_av = ?, godkjent = ?, kommentar = ? WHERE id = ?",
        Rapportstatus.GODKJENT.name(), bruker, tid(Tidssone.naa()), kommentar, id);
  }

  /** Programleder's reason for a new draft, kept until the report is approved. */
  public void kommenter(long id, String kommentar) {
    endre(id, "UPDATE styrerapport SET kommentar = ? WHERE id = ?", kommentar, id);
  }

  public void sendt(long id) {
    endre(id, "UPDATE styrerapport SET status = ?, sendt = ? WHERE id = ?", Rapportstatus.SENDT.name(),
        tid(Tidssone.naa()), id);
  }

  public void arkiver(long id) {
    endre(id, "UPDATE styrerapport SET status = ?, arkivert = ? WHERE id = ?", Rapportstatus.ARKIVERT.name(),
        tid(Tidssone.naa()), id);
  }

  public Optional<Styrerapport> hent(long id) {
    return jdbc.sql("SELECT " + KOLONNER + " FROM styrerapport WHERE id = ?").param(id)
        .query(Rapportarkiv::rapport).optional();
  }

  public Rapporttall tall(long id) {
    String tekst = jdbc.sql("SELECT tall FROM styrerapport WHERE id = ?").param(id).query(String.class).single();
    try {
      return json.readValue(tekst, Rapporttall.class);
    } catch (JsonProcessingException e) {
      throw new ProcessEngineException("Tallene i styrerapport " + id + " kan ikke leses: " + e.getMessage(), e);
    }
  }

  /** The file, if the report has it. */
  public Optional<byte[]> fil(long id, Rapportfil type) {
    return jdbc.sql("SELECT " + type.endelse() + " FROM styrerapport WHERE id = ?").param(id)
        .query((rs, i) -> rs.getBytes(1)).list().stream().filter(Objects::nonNull).findFirst();
  }

  /** Sent and archived reports, newest first. */
  public List<Styrerapport> sendte() {
    return jdbc.sql("SELECT " + KOLONNER + " FROM styrerapport WHERE status IN (?, ?) ORDER BY periode_til DESC, id DESC")
        .params(Rapportstatus.SENDT.name(), Rapportstatus.ARKIVERT.name()).query(Rapportarkiv::rapport).list();
  }

  /** Where the next report's period starts: the end of the last archived one; empty before the first. */
  public Optional<Date> forrigePeriodeSlutt() {
    return jdbc.sql("SELECT MAX(periode_til) FROM styrerapport WHERE status = ?")
        .param(Rapportstatus.ARKIVERT.name())
        .query((rs, i) -> Optional.ofNullable(dato(rs, 1))).single();
  }

  private void endre(long id, String sql, Object... verdier) {
    if (jdbc.sql(sql).params(verdier).update() != 1) {
      throw new ProcessEngineException("Styrerapport " + id + " finnes ikke.");
    }
  }

  private String tilJson(Rapporttall tall) {
    try {
      return json.writeValueAsString(tall);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Styrerapport rapport(ResultSet rs, int i) throws SQLException {
    return new Styrerapport(rs.getLong(1), dato(rs, 2), dato(rs, 3), dato(rs, 4), Rapportstatus.valueOf(rs.getString(5)),
        rs.getString(6), dato(rs, 7), rs.getString(8), dato(rs, 9), dato(rs, 10), rs.getString(11));
  }

  private static Date dato(ResultSet rs, int kolonne) throws SQLException {
    Timestamp tid = rs.getTimestamp(kolonne);
    return tid == null ? null : new Date(tid.getTime());
  }

  private static Timestamp tid(Date dato) {
    return dato == null ? null : new Timestamp(dato.getTime());
  }
}
