package no.vareunge.portefolje;

import no.vareunge.tilgang.Kommuneutvalg;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.vareunge.arbeidspakke.Fase;
import no.vareunge.vedtak.Beslutningsniva;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the portfolio's read model for the API, the dashboard and the board report. Every query
 * is limited to the reader's {@link Kommuneutvalg} in SQL, so a kommune's figures never include
 * another kommune's packages.
 */
@Repository
public class Portefolje {

  private static final String KOLONNER = """
      a.prosessinstans_id, a.referanse, a.tittel, a.kommune, k.navn, a.fase, a.beslutningsniva, a.godkjent_niva,
      a.budsjett, a.bevilget_belop, a.forbrukt_belop, a.pilotstatus, a.pilotvarighet_mnd, a.leder, a.registrert,
      a.godkjent_dato, a.pilot_startdato, a.pilot_sluttdato, a.siste_rapport, a.driftsstart, a.avsluttet,
      a.avbrutt_av, a.avbrudd_begrunnelse""";

  private final JdbcClient jdbc;

  public Portefolje(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Side<Arbeidspakkerad> sok(Kommuneutvalg utvalg, Portefoljesok sok) {
    Vilkar vilkar = new Vilkar(utvalg);
    if (sok.kommune() != null) {
      vilkar.legg("a.kommune = :kommune", "kommune", sok.kommune());
    }
    if (sok.fase() != null) {
      vilkar.legg("a.fase = :fase", "fase", sok.fase().name());
    }
    if (sok.pilotstatus() != null) {
      vilkar.legg("a.pilotstatus = :pilotstatus", "pilotstatus", sok.pilotstatus());
    }
    if (sok.tekst() != null && !sok.tekst().isBlank()) {
      vilkar.legg("(LOWER(a.tittel) LIKE :tekst OR LOWER(a.referanse) LIKE :tekst)", "tekst",
          "%" + sok.tekst().strip().toLowerCase(Locale.ROOT)
              .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    if (vilkar.ingenting) {
      return new Side<>(List.of(), 0, sok.side(), sok.antallPerSide());
    }
    long totalt = jdbc.sql("SELECT COUNT(*) FROM arbeidspakke a" + vilkar.where())
        .params(vilkar.parametre).query(Long.class).single();
    List<Arbeidspakkerad> treff = jdbc.sql("SELECT " + KOLONNER + " FROM arbeidspakke a JOIN kommune k ON k.id = a.kommune"
            + vilkar.where() + " ORDER BY a.registrert DESC, a.referanse DESC"
            + " OFFSET " + (long) sok.side() * sok.antallPerSide() + " ROWS FETCH NEXT " + sok.antallPerSide() + " ROWS ONLY")
        .params(vilkar.parametre).query(Portefolje::rad).list();
    return new Side<>(treff, totalt, sok.side(), sok.antallPerSide());
  }

  public Optional<Arbeidspakkerad> hent(Kommuneutvalg utvalg, String referanse) {
    Vilkar vilkar = new Vilkar(utvalg).legg("a.referanse = :referanse", "referanse", referanse);
    if (vilkar.ingenting) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT " + KOLONNER + " FROM arbeidspakke a JOIN kommune k ON k.id = a.kommune" + vilkar.where())
        .params(vilkar.parametre).query(Portefolje::rad).optional();
  }

  /** The reference of the package a process instance carries, once it is registered. */
  public Optional<String> referanse(String prosessinstansId) {
    return jdbc.sql("SELECT referanse FROM arbeidspakke WHERE prosessinstans_id = ?").param(prosessinstansId)
        .query(String.class).optional();
  }

  /** Packages per kommune and phase; only combinations that have packages. */
  public List<Fasetelling> perKommuneOgFase(Kommuneutvalg utvalg) {
    Vilkar vilkar = new Vilkar(utvalg);
    if (vilkar.ingenting) {
      return List.of();
    }
    return jdbc.sql("SELECT a.kommune, k.navn, a.fase, COUNT(*) FROM arbeidspakke a JOIN kommune k ON k.id = a.kommune"
            + vilkar.where() + " GROUP BY a.kommune, k.navn, a.fase ORDER BY k.navn, a.fase")
        .params(vilkar.parametre)
        .query((rs, i) -> new Fasetelling(rs.getString(1), rs.getString(2), Fase.valueOf(rs.getString(3)), rs.getLong(4)))
        .list();
  }

  /** Budget, granted and spent per kommune, for every kommune in the selection (also those with none). */
  public List<Kommuneokonomi> okonomiPerKommune(Kommuneutvalg utvalg) {
    Vilkar vilkar = new Vilkar(utvalg, "k.id");
    if (vilkar.ingenting) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT k.id, k.navn, COUNT(a.prosessinstans_id), COALESCE(SUM(a.budsjett), 0),
                   COALESCE(SUM(a.bevilget_belop), 0), COALESCE(SUM(a.forbrukt_belop), 0)
            FROM kommune k LEFT JOIN arbeidspakke a ON a.kommune = k.id""" + vilkar.where()
            + " GROUP BY k.id, k.navn ORDER BY k.navn")
        .params(vilkar.parametre)
        .query((rs, i) -> new Kommuneokonomi(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
            rs.getBigDecimal(5), rs.getBigDecimal(6)))
        .list();
  }

  /** Running pilots whose latest report has one of the given statuses (e.g. gul, rod), worst first. */
  public List<Arbeidspakkerad> piloterMedStatus(Kommuneutvalg utvalg, Collection<String> statuser) {
    Vilkar vilkar = new Vilkar(utvalg)
        .legg("a.fase = :fase", "fase", Fase.PILOTERING.name())
        .legg("a.pilotstatus IN (:statuser)", "statuser", statuser);
    if (vilkar.ingenting || statuser.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + KOLONNER + " FROM arbeidspakke a JOIN kommune k ON k.id = a.kommune" + vilkar.where()
            + " ORDER BY CASE a.pilotstatus WHEN 'rod' THEN 0 WHEN 'gul' THEN 1 ELSE 2 END, k.navn, a.referanse")
        .params(vilkar.parametre).query(Portefolje::rad).list();
  }

  /** Decisions since {@code siden} (null: all), newest first, at most {@code maks}. */
  public List<Vedtakspost> vedtak(Kommuneutvalg utvalg, Date siden, int maks) {
    Vilkar vilkar = new Vilkar(utvalg);
    if (siden != null) {
      vilkar.legg("v.tidspunkt >= :siden", "siden", new java.sql.Timestamp(siden.getTime()));
    }
    if (vilkar.ingenting) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT v.referanse, a.tittel, a.kommune, v.niva, v.utfall, v.sak_nr, v.begrunnelse, v.besluttet_av,
                   v.tidspunkt
            FROM vedtak v JOIN arbeidspakke a ON a.prosessinstans_id = v.prosessinstans_id""" + vilkar.where()
            + " ORDER BY v.tidspunkt DESC, v.id DESC FETCH FIRST " + maks + " ROWS ONLY")
        .params(vilkar.parametre)
        .query((rs, i) -> new Vedtakspost(rs.getString(1), rs.getString(2), rs.getString(3),
            Beslutningsniva.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), dato(rs, 9)))
        .list();
  }

  /** The progress reports of one package, oldest first. */
  public List<Fremdriftsrapport> rapporter(String prosessinstansId) {
    return jdbc.sql("""
            SELECT referanse, pilotstatus, fremdrift, forbrukt_belop, avvik, trenger_beslutning, rapportert_av, tidspunkt
            FROM fremdriftsrapport WHERE prosessinstans_id = ? ORDER BY tidspunkt, id""")
        .param(prosessinstansId)
        .query((rs, i) -> new Fremdriftsrapport(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
            rs.getString(5), rs.getBoolean(6), rs.getString(7), dato(rs, 8)))
        .list();
  }

  private static Arbeidspakkerad rad(ResultSet rs, int i) throws SQLException {
    return new Arbeidspakkerad(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        Fase.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
        rs.getBigDecimal(11), rs.getString(12), (Integer) rs.getObject(13, Integer.class), rs.getString(14),
        dato(rs, 15), dato(rs, 16), dato(rs, 17), dato(rs, 18), dato(rs, 19), dato(rs, 20), dato(rs, 21),
        rs.getString(22), rs.getString(23));
  }

  /** A plain Date, so figures compare equal to the engine's own dates. */
  private static Date dato(ResultSet rs, int kolonne) throws SQLException {
    java.sql.Timestamp tid = rs.getTimestamp(kolonne);
    return tid == null ? null : new Date(tid.getTime());
  }

  /** The WHERE clause of a query, always starting with the reader's kommuner. */
  private static final class Vilkar {
    private final List<String> ledd = new ArrayList<>();
    private final Map<String, Object> parametre = new LinkedHashMap<>();
    private final boolean ingenting;

    Vilkar(Kommuneutvalg utvalg) {
      this(utvalg, "a.kommune");
    }

    Vilkar(Kommuneutvalg utvalg, String kommunekolonne) {
      ingenting = !utvalg.alle() && utvalg.kommuner().isEmpty();
      if (!utvalg.alle() && !ingenting) {
        legg(kommunekolonne + " IN (:utvalg)", "utvalg", utvalg.kommuner());
      }
    }

    Vilkar legg(String vilkar, String navn, Object verdi) {
      ledd.add(vilkar);
      parametre.put(navn, verdi);
      return this;
    }

    String where() {
      return ledd.isEmpty() ? "" : " WHERE " + String.join(" AND ", ledd);
    }
  }
}
