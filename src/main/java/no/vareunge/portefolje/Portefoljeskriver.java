package no.vareunge.portefolje;

import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.AVBRUDD_BEGRUNNELSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.AVVIK;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.BEVILGET_BELOP;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.BUDSJETT;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.AVBRUTT_AV;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.BESLUTNINGSNIVA;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.FASE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.GODKJENT_DATO;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.GODKJENT_NIVA;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.INNSENDER;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.PILOT_SLUTTDATO;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.PILOT_STARTDATO;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.REFERANSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.REGISTRERT;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.FORBRUKT_BELOP;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.FREMDRIFT;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.KOMMUNE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.PILOTSTATUS;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.PILOTVARIGHET_MND;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.TITTEL;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.TRENGER_BESLUTNING;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import no.vareunge.arbeidspakke.Fase;
import no.vareunge.felles.Tidssone;
import no.vareunge.tilgang.InnloggetBruker;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the portfolio's read model (tables {@code arbeidspakke} and {@code fremdriftsrapport}) in
 * the transaction of the process step that changed the package, so the overview never shows a
 * step that was rolled back and never misses one that was committed. Each write copies the whole
 * row from the process variables: a missed intermediate write cannot leave the row stale. Called
 * by {@link Lesemodellfolger}, which follows the engine's events; no process step calls it.
 */
@Component
class Portefoljeskriver {

  private final JdbcClient jdbc;

  Portefoljeskriver(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The package's row as its variables say at the end of the transaction. */
  void oppdater(VariableMap v, String prosessinstansId) {
    if (FASE.from(v).getOptional().isEmpty() || REFERANSE.from(v).getOptional().isEmpty()) {
      return; // not yet registered (the start's first steps): the next step writes the row
    }
    Fase fase = Fase.valueOf(FASE.from(v).get());
    Timestamp naa = tid(Tidssone.naa());
    Map<String, Object> felter = new HashMap<>();
    felter.put("referanse", REFERANSE.from(v).get());
    felter.put("tittel", TITTEL.from(v).get());
    felter.put("kommune", KOMMUNE.from(v).get());
    felter.put("fase", fase.name());
    felter.put("beslutningsniva", valgfri(BESLUTNINGSNIVA, v));
    felter.put("godkjentNiva", valgfri(GODKJENT_NIVA, v));
    felter.put("budsjett", belop(BUDSJETT, v));
    felter.put("bevilget", bevilget(v));
    felter.put("forbrukt", belop(FORBRUKT_BELOP, v));
    felter.put("pilotstatus", valgfri(PILOTSTATUS, v));
    felter.put("varighet", PILOTVARIGHET_MND.from(v).getOptional().map(Number::intValue).orElse(null));
    felter.put("leder", valgfri(INNSENDER, v));
    felter.put("registrert", tid(REGISTRERT.from(v).get()));
    felter.put("godkjent", tid(valgfri(GODKJENT_DATO, v)));
    felter.put("pilotStart", tid(valgfri(PILOT_STARTDATO, v)));
    felter.put("pilotSlutt", tid(valgfri(PILOT_SLUTTDATO, v)));
    felter.put("driftsstart", fase == Fase.DRIFT ? naa : null);
    felter.put("avsluttet", fase.erAvsluttet() ? naa : null);
    felter.put("endret", naa);
    felter.put("instans", prosessinstansId);
    felter.put("avbruttAv", valgfri(AVBRUTT_AV, v));
    felter.put("avbruddBegrunnelse", valgfri(AVBRUDD_BEGRUNNELSE, v));
    // By reference: a package restarted by an administrator runs on in a new instance and takes its row.
    int endret = jdbc.sql("""
        UPDATE arbeidspakke SET tittel = :tittel, kommune = :kommune, fase = :fase,
          beslutningsniva = :beslutningsniva, godkjent_niva = :godkjentNiva, budsjett = :budsjett,
          bevilget_belop = :bevilget, forbrukt_belop = :forbrukt, pilotstatus = :pilotstatus,
          pilotvarighet_mnd = :varighet, leder = :leder, registrert = :registrert, godkjent_dato = :godkjent,
          pilot_startdato = :pilotStart, pilot_sluttdato = :pilotSlutt,
          driftsstart = COALESCE(driftsstart, :driftsstart),
          avsluttet = CASE WHEN CAST(:avsluttet AS TIMESTAMP) IS NULL THEN NULL ELSE COALESCE(avsluttet, :avsluttet) END,
          endret = :endret, prosessinstans_id = :instans, avbrutt_av = :avbruttAv,
          avbrudd_begrunnelse = :avbruddBegrunnelse,
          siste_rapport = COALESCE(
            (SELECT MAX(r.tidspunkt) FROM fremdriftsrapport r WHERE r.prosessinstans_id = :instans), siste_rapport)
        WHERE referanse = :referanse""").params(felter).update();
    if (endret == 0) {
      jdbc.sql("""
          INSERT INTO arbeidspakke (referanse, tittel, kommune, fase, beslutningsniva, godkjent_niva, budsjett,
            bevilget_belop, forbrukt_belop, pilotstatus, pilotvarighet_mnd, leder, registrert, godkjent_dato,
            pilot_startdato, pilot_sluttdato, driftsstart, avsluttet, endret, prosessinstans_id, avbrutt_av,
            avbrudd_begrunnelse)
          VALUES (:referanse, :tittel, :kommune, :fase, :beslutningsniva, :godkjentNiva, :budsjett, :bevilget,
            :forbrukt, :pilotstatus, :varighet, :leder, :registrert, :godkjent, :pilotStart, :pilotSlutt,
            :driftsstart, :avsluttet, :endret, :instans, :avbruttAv, :avbruddBegrunnelse)""").params(felter).update();
    }
  }

  /** A delivered progress report: its own row (the package's row follows at the end of the transaction). */
  void registrerRapport(DelegateTask oppgave) {
    jdbc.sql("""
        INSERT INTO fremdriftsrapport (prosessinstans_id, referanse, oppgave_id, pilotstatus, fremdrift,
          forbrukt_belop, avvik, trenger_beslutning, rapportert_av, tidspunkt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(oppgave.getProcessInstanceId(), REFERANSE.from(oppgave).get(), oppgave.getId(),
            PILOTSTATUS.from(oppgave).get(), FREMDRIFT.from(oppgave).getOptional().orElse(null),
            FORBRUKT_BELOP.from(oppgave).getOptional().map(n -> new BigDecimal(n.toString())).orElse(null),
            AVVIK.from(oppgave).getOptional().orElse(null),
            TRENGER_BESLUTNING.from(oppgave).getOptional().orElse(false),
            InnloggetBruker.id(oppgave.getProcessEngineServices()).orElse(oppgave.getAssignee()),
            tid(Tidssone.naa()))
        .update();
  }

  /** Granted: what eierstyret granted, or else the proposed budget, once the package is approved. */
  private static BigDecimal bevilget(VariableMap v) {
    if (GODKJENT_NIVA.from(v).getOptional().isEmpty()) {
      return null;
    }
    BigDecimal bevilget = belop(BEVILGET_BELOP, v);
    return bevilget != null ? bevilget : belop(BUDSJETT, v);
  }

  private static BigDecimal belop(VariableFactory<Number> variabel, VariableMap v) {
    return variabel.from(v).getOptional().map(n -> new BigDecimal(n.toString())).orElse(null);
  }

  private static <T> T valgfri(VariableFactory<T> variabel, VariableMap v) {
    return variabel.from(v).getOptional().orElse(null);
  }

  private static Timestamp tid(Date dato) {
    return dato == null ? null : new Timestamp(dato.getTime());
  }
}
