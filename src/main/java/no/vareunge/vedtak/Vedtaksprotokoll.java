package no.vareunge.vedtak;

import java.util.List;
import java.util.Optional;
import no.vareunge.varsling.Vedtaksomtale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The decision log, written in the same transaction as the task completion that made the
 * decision: a decision is in the log exactly when the task is completed. The unique task id
 * refuses a second entry for the same task.
 */
@Repository
public class Vedtaksprotokoll implements Vedtaksomtale.Kilde {

  private final JdbcClient jdbc;

  public Vedtaksprotokoll(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void registrer(Vedtak v) {
    jdbc.sql("""
        INSERT INTO vedtak (referanse, prosessinstans_id, oppgave_id, niva, utfall, sak_nr, motedato,
                            begrunnelse, betingelser, besluttet_av, tidspunkt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(v.referanse(), v.prosessinstansId(), v.oppgaveId(), v.niva().name(), v.utfall(), v.sakNr(),
            v.motedato(), v.begrunnelse(), v.betingelser(), v.besluttetAv(),
            new java.sql.Timestamp(v.tidspunkt().getTime()))
        .update();
  }

  /** The last decision, as the protocol holds it (the outcome as its value, e.g. {@code avslatt}). */
  @Override
  public Optional<Vedtaksomtale> siste(String referanse) {
    List<Vedtak> protokoll = forReferanse(referanse);
    return protokoll.isEmpty() ? Optional.empty()
        : Optional.of(protokoll.get(protokoll.size() - 1)).map(v -> v.omtale(v.utfall()));
  }

  public List<Vedtak> forReferanse(String referanse) {
    return jdbc.sql("""
        SELECT referanse, prosessinstans_id, oppgave_id, niva, utfall, sak_nr, motedato, begrunnelse,
               betingelser, besluttet_av, tidspunkt
        FROM vedtak WHERE referanse = ? ORDER BY tidspunkt, id""")
        .param(referanse)
        .query((rs, i) -> new Vedtak(rs.getString(1), rs.getString(2), rs.getString(3),
            Beslutningsniva.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getString(9), rs.getString(10), rs.getTimestamp(11)))
        .list();
  }
}
