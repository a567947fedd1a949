package no.vareunge.varsling;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The log of every notification the processes have raised. */
@Repository
public class Varsellogg {

  private final JdbcClient jdbc;

  public Varsellogg(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void registrer(Varsel v) {
    jdbc.sql("""
        INSERT INTO varsel (hendelse, referanse, prosessinstans_id, mottaker, emne, status, forsok, tidspunkt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(v.hendelse().name(), v.referanse(), v.prosessinstansId(), v.mottaker(), v.emne(),
            v.status().name(), v.forsok(), new java.sql.Timestamp(v.tidspunkt().getTime()))
        .update();
  }

  public List<Varsel> forProsessinstans(String prosessinstansId) {
    return jdbc.sql("""
        SELECT hendelse, referanse, prosessinstans_id, mottaker, emne, status, forsok, tidspunkt
        FROM varsel WHERE prosessinstans_id = ? ORDER BY tidspunkt, id""")
        .param(prosessinstansId)
        .query((rs, i) -> new Varsel(Varselhendelse.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), Varselstatus.valueOf(rs.getString(6)), rs.getInt(7),
            rs.getTimestamp(8)))
        .list();
  }
}
