package no.vareunge.dashbord;

import static no.vareunge.Testklokke.pluss;
import static no.vareunge.Testklokke.settKlokke;
import static no.vareunge.arbeidspakke.Skjemasvar.fremdriftsrapport;
import static no.vareunge.arbeidspakke.Skjemasvar.lederBeslutning;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;

import java.util.Date;
import java.util.Map;
import no.vareunge.Forslag;
import no.vareunge.Testkommune;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import no.vareunge.kommune.Kommune;
import no.vareunge.kommune.KommuneRegister;
import no.vareunge.tilgang.Tilgangsoppsett;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * A known portfolio in a kommune of its own, so a test can assert exact figures although the
 * other tests' packages share the database. Four packages, at {@link #NAA} (engine clock):
 * <ul>
 *   <li>{@code tilVurdering}: in VURDERING, its assessment overdue;
 *   <li>{@code styresak}: in BESLUTNING, the board's decision overdue;
 *   <li>{@code pilot}: a minor measure approved by the leader (40 000 kr), in PILOTERING, reported
 *       red with 15 000 kr spent;
 *   <li>{@code avvist}: rejected (AVVIST).
 * </ul>
 */
record Dashbordscenario(String kommune, String kommunenavn, String arbeidspakkeleder, String leder, String styre,
    String tilVurdering, String styresak, String pilot, String avvist) {

  static final int PILOTBUDSJETT = 40_000;
  static final int FORBRUKT = 15_000;

  /** Onboards the kommune (register, tenant, groups, users) and seeds its packages. */
  static Dashbordscenario opprett(ProcessEngine engine, KommuneRegister register, Tilgangsoppsett tilgang,
      Kommune kommune, Date start) {
    Testkommune brukere = Testkommune.opprett(kommune, register, tilgang, engine.getIdentityService());
    String ap = brukere.ap();
    String leder = brukere.leder();
    String styre = brukere.styre();

    ArbeidspakkeDriver driver = new ArbeidspakkeDriver(engine);
    settKlokke(start);
    ProcessInstance tilVurdering = driver.startForslag(ap, forslag(kommune, "Dashbord: mentorordning", 200_000, 12));
    ProcessInstance styresak = driver.startForslag(ap, forslag(kommune, "Dashbord: ungdomslos", 300_000, 12));
    driver.fullfor(styresak, "Task_VurderForslag", leder, vurdering("komplett"));
    ProcessInstance pilot = driver.startForslag(ap, forslag(kommune, "Dashbord: sommerjobb", PILOTBUDSJETT, 6));
    driver.fullfor(pilot, "Task_VurderForslag", leder, vurdering("komplett"));
    driver.fullfor(pilot, "Task_BesluttMindreTiltak", leder, lederBeslutning("godkjent"));
    ProcessInstance avvist = driver.startForslag(ap, forslag(kommune, "Dashbord: avvist forslag", 10_000, 3));
    driver.fullfor(avvist, "Task_VurderForslag", leder, vurdering("avvist"));
    driver.utforJobb(avvist, "EndEvent_Avvist");

    // One board cycle later: the first progress report is due, the assessment and the board's case are overdue.
    settKlokke(pluss(start, "P43D"));
    driver.utforJobb(pilot, "StartEvent_Rapportsyklus");
    driver.fullfor(pilot, "Task_Fremdriftsrapport", ap, fremdriftsrapport("rod", FORBRUKT, false));
    return new Dashbordscenario(kommune.id(), kommune.navn(), ap, leder, styre, referanse(engine, tilVurdering),
        referanse(engine, styresak), referanse(engine, pilot), referanse(engine, avvist));
  }

  /** The package's reference (its business key, set while the process ran), also after the end. */
  static String referanse(ProcessEngine engine, ProcessInstance instans) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instans.getId())
        .singleResult().getBusinessKey();
  }

  private static Map<String, Object> forslag(Kommune kommune, String tittel, int budsjett, int mnd) {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("kommune", kommune.id());
    forslag.put("tittel", tittel + " i " + kommune.navn());
    forslag.put("budsjett", budsjett);
    forslag.put("pilotvarighetMnd", mnd);
    return forslag;
  }
}
