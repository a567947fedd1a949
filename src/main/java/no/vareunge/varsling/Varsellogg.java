package no.vareunge.varsling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import no.vareunge.tilgang.Kommuneutvalg;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log of every notification, one row per recipient. What happened to a recipient is written
 * in a transaction of its own ({@link #lagre}): it stays when the job that sends the notification
 * fails and rolls back, so that the retry knows who already got the e-mail.
 */
@Repository
public class Varsellogg {

  private static final String KOLONNER = """
      hendelse, referanse, prosessinstans_id, mottaker, emne, status, forsok, tidspunkt, varsel_nokkel, epost,
      gruppe, melding""";

  private final JdbcClient jdbc;
  private final TransactionTemplate egenTransaksjon;

  public Varsellogg(JdbcClient jdbc, PlatformTransactionManager transaksjoner) {
    this.jdbc = jdbc;
    this.egenTransaksjon = new TransactionTemplate(transaksjoner);
    egenTransaksjon.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Adds an entry in the caller's transaction. */
  public void registrer(Varsel v) {
    jdbc.sql("INSERT INTO varsel (" + KOLONNER + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(v.hendelse().name(), v.referanse(), v.prosessinstansId(), v.mottaker(), kortet(v.emne(), 300),
            v.status().name(), v.forsok(), new Timestamp(v.tidspunkt().getTime()), v.nokkel(), v.epost(), v.gruppe(),
            kortet(v.melding(), 1000))
        .update();
  }

  /**
   * Writes what happened to one recipient of one notification, committed at once in its own
   * transaction whatever happens to the caller's: a new entry, or the earlier one updated.
   */
  public void lagre(Varsel v) {
    egenTransaksjon.executeWithoutResult(tx -> {
      int oppdatert = jdbc.sql("""
          UPDATE varsel SET emne = ?, status = ?, forsok = ?, tidspunkt = ?, epost = ?, melding = ?
          WHERE varsel_nokkel = ? AND mottaker = ?""")
          .params(kortet(v.emne(), 300), v.status().name(), v.forsok(), new Timestamp(v.tidspunkt().getTime()),
              v.epost(), kortet(v.melding(), 1000), v.nokkel(), v.mottaker())
          .update();
      if (oppdatert == 0) {
        registrer(v);
      }
    });
  }

  /** The entry of one recipient of one notification, if any. */
  public Optional<Varsel> finn(String nokkel, String mottaker) {
    return jdbc.sql("SELECT " + KOLONNER + " FROM varsel WHERE varsel_nokkel = ? AND mottaker = ?")
        .params(nokkel, mottaker).query(Varsellogg::varsel).optional();
  }

  public List<Varsel> forProsessinstans(String prosessinstansId) {
    return jdbc.sql("SELECT " + KOLONNER + " FROM varsel WHERE prosessinstans_id = ? ORDER BY tidspunkt, id")
        .param(prosessinstansId).query(Varsellogg::varsel).list();
  }

  /** The newest first, of every kommune and process; both filters optional. */
  public List<Varsel> sok(String referanse, Varselstatus status, int maks) {
    return sok(referanse, status, Kommuneutvalg.ALLE, maks);
  }

  /**
   * The newest first; both filters optional. A selection of kommuner ({@code alle} aside) sees the
   * notifications of its kommuner's packages only, not those of other processes (onboarding).
   */
  public List<Varsel> sok(String referanse, Varselstatus status, Kommuneutvalg utvalg, int maks) {
    if (!utvalg.alle() && utvalg.kommuner().isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT " + KOLONNER + " FROM varsel WHERE 1 = 1");
    List<Object> verdier = new ArrayList<>();
    if (!utvalg.alle()) {
      sql.append(" AND prosessinstans_id IN (SELECT prosessinstans_id FROM arbeidspakke WHERE kommune IN (")
          .append(String.join(", ", Collections.nCopies(utvalg.kommuner().size(), "?"))).append("))");
      verdier.addAll(utvalg.kommuner());
    }
    if (referanse != null) {
      sql.append(" AND referanse = ?");
      verdier.add(referanse);
    }
    if (status != null) {
      sql.append(" AND status = ?");
      verdier.add(status.name());
    }
    sql.append(" ORDER BY tidspunkt DESC, id DESC FETCH FIRST ").append(maks).append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(verdier).query(Varsellogg::varsel).list();
  }

  private static Varsel varsel(ResultSet rs, int rad) throws SQLException {
    return new Varsel(Varselhendelse.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), Varselstatus.valueOf(rs.getString(6)), rs.getInt(7), rs.getTimestamp(8), rs.getString(9),
        rs.getString(10), rs.getString(11), rs.getString(12));
  }

  private static String kortet(String tekst, int maks) {
    return tekst == null || tekst.length() <= maks ? tekst : tekst.substring(0, maks - 1) + "…";
  }
}
