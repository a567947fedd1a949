package no.vareunge.arbeidspakke;

import no.vareunge.felles.Tidssone;
import static no.vareunge.Testklokke.pluss;
import static no.vareunge.Testklokke.settKlokke;
import static no.vareunge.Testklokke.tidspunkt;
import static no.vareunge.TestBrukere.AP_LARVIK;
import static no.vareunge.TestBrukere.EIERSTYRET;
import static no.vareunge.TestBrukere.LEDER_LARVIK;
import static no.vareunge.TestBrukere.PROGRAMLEDER;
import static no.vareunge.TestBrukere.STYRE_LARVIK;
import static no.vareunge.TestBrukere.UNGDOM;
import static no.vareunge.arbeidspakke.Skjemasvar.bearbeiding;
import static no.vareunge.arbeidspakke.Skjemasvar.eierstyrevedtak;
import static no.vareunge.arbeidspakke.Skjemasvar.evaluering;
import static no.vareunge.arbeidspakke.Skjemasvar.fremdriftsrapport;
import static no.vareunge.arbeidspakke.Skjemasvar.gevinstoppfolging;
import static no.vareunge.arbeidspakke.Skjemasvar.lederBeslutning;
import static no.vareunge.arbeidspakke.Skjemasvar.overforingTilDrift;
import static no.vareunge.arbeidspakke.Skjemasvar.styrevedtak;
import static no.vareunge.arbeidspakke.Skjemasvar.ungdomspanel;
import static no.vareunge.arbeidspakke.Skjemasvar.videreDriftAvvikle;
import static no.vareunge.arbeidspakke.Skjemasvar.videreDriftDrift;
import static no.vareunge.arbeidspakke.Skjemasvar.videreDriftForleng;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static no.vareunge.vedtak.Beslutningsniva.EIERSTYRE;
import static no.vareunge.vedtak.Beslutningsniva.LOKALT_STYRE;
import static no.vareunge.vedtak.Beslutningsniva.LOKAL_LEDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.vareunge.Forslag;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.frister.Frister;
import no.vareunge.vedtak.Beslutningsniva;
import no.vareunge.vedtak.Vedtak;
import no.vareunge.vedtak.Vedtaksprotokoll;
import no.vareunge.varsling.Varsel;
import no.vareunge.varsling.Varselhendelse;
import no.vareunge.varsling.Varsellogg;
import no.vareunge.varsling.Varselstatus;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scenario tests of the work package lifecycle (process {@code arbeidspakke}): every path through
 * the model, with the engine clock moved instead of waiting. Together they cover every flow node
 * and sequence flow (asserted by the coverage configuration in TestKonfigurasjon).
 */
@VareungeTest
class ArbeidspakkeProsessTest {

  /** A Monday morning in Norway; every scenario starts here. */
  private static final Date START = tidspunkt(2030, 1, 7);
  /** A running pilot waits in its sub-process for the end-of-pilot timer. */
  private static final String[] PILOT_LOPER = {"SubProcess_Pilotering", "Timer_PilotSlutt"};

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired Frister frister;
  @Autowired Vedtaksprotokoll vedtaksprotokoll;
  @Autowired Varsellogg varsellogg;

  private ArbeidspakkeDriver driver;

  @BeforeEach
  void forbered() {
    BpmnAwareTests.init(engine);
    TestBrukere.opprett(identity);
    ClockUtil.setCurrentTime(START);
    driver = new ArbeidspakkeDriver(engine);
  }

  @AfterEach
  void rydd() {
    ClockUtil.reset();
    identity.clearAuthentication();
    BpmnAwareTests.reset();
  }

  @AfterAll
  static void dekningenErMalt(@Autowired ProcessEngine engine) {
    Dekningsregistrering.ignorerVidere(engine);
  }

  // 1. Mindre tiltak

  @Test
  void mindreTiltakGodkjennesAvLokalLederOgPiloteres() {
    Map<String, Object> forslag = Forslag.gyldig();
    // Exactly at the DMN's limits for a minor measure (both inclusive).
    forslag.put("budsjett", 50000);
    forslag.put("pilotvarighetMnd", 6);
    ProcessInstance ap = driver.startForslag(AP_LARVIK, forslag);

    String referanse = referanse(ap);
    assertThat(referanse).matches("AP-2030-LAR-\\d{3}");
    assertThat(ap).hasBusinessKey(referanse)
        .hasPassedInOrder("StartEvent_ForslagMottatt", "Task_RegistrerArbeidspakke", "Gateway_VurderingInn")
        .isWaitingAtExactly("Task_VurderForslag");
    assertThat(ap).variables().containsEntry("innsender", AP_LARVIK).containsEntry("fase", "VURDERING");
    assertThat(ap).task().hasCandidateGroup("leder-larvik").isNotAssigned()
        .hasDueDate(pluss(START, frister.getVurdering()));

    Date vurdert = settKlokke(pluss(START, "P2D"));
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
    assertThat(ap).hasPassedInOrder("Task_VurderForslag", "Gateway_Vurdering", "Gateway_Ungdomspanel",
            "Gateway_UngdomspanelInn", "Task_BestemBeslutningsniva", "Gateway_Beslutningsniva")
        .hasNotPassed("Task_UttalelseUngdomspanel")
        .isWaitingAtExactly("Task_BesluttMindreTiltak");
    assertThat(ap).variables().containsEntry("beslutningsniva", "LOKAL_LEDER").containsEntry("fase", "BESLUTNING");
    assertThat(ap).task().hasCandidateGroup("leder-larvik").hasDueDate(pluss(vurdert, frister.getLederbeslutning()));

    Date godkjent = settKlokke(pluss(vurdert, "P3D"));
    driver.fullfor(ap, "Task_BesluttMindreTiltak", LEDER_LARVIK, lederBeslutning("godkjent"));
    Date slutt = maanederEtter(godkjent, 6);
    assertThat(ap).hasPassedInOrder("Task_BesluttMindreTiltak", "Gateway_MindreTiltak", "Gateway_Godkjent",
            "Task_PlanleggPilot", "Gateway_TilPilotering", "StartEvent_PilotStartet")
        .isWaitingAtExactly(PILOT_LOPER);
    assertThat(ap).variables().containsEntry("fase", "PILOTERING").containsEntry("godkjentNiva", "LOKAL_LEDER")
        .containsEntry("vedtaksgruppe", "leder-larvik").containsEntry("godkjentDato", godkjent)
        .containsEntry("pilotStartdato", godkjent).containsEntry("pilotSluttdato", slutt);
    assertThat(driver.jobb(ap, "Timer_PilotSlutt")).hasDueDate(slutt);
    assertThat(driver.jobb(ap, "StartEvent_Rapportsyklus")).hasDueDate(pluss(godkjent, frister.getStyresyklus()));
    assertThat(vedtaksprotokoll.forReferanse(referanse))
        .extracting(Vedtak::prosessinstansId, Vedtak::niva, Vedtak::utfall, Vedtak::sakNr, Vedtak::begrunnelse,
            Vedtak::besluttetAv, v -> v.tidspunkt().getTime())
        .containsExactly(tuple(ap.getId(), LOKAL_LEDER, "godkjent", null, "Lederens begrunnelse: godkjent.",
            LEDER_LARVIK, godkjent.getTime()));

    // The pilot ends; the level that approved it decides what comes next.
    driver.utforJobbNarDenForfaller(ap, "Timer_PilotSlutt");
    assertThat(ap).hasPassedInOrder("Timer_PilotSlutt", "EndEvent_PilotFerdig", "Gateway_TilEvaluering")
        .isWaitingAtExactly("Task_Evaluering");
    assertThat(driver.antallJobber(ap, "StartEvent_Rapportsyklus")).isZero();
    driver.fullfor(ap, "Task_Evaluering", AP_LARVIK, evaluering("drift"));
    assertThat(ap).isWaitingAtExactly("Task_BeslutningVidereDrift").task().hasCandidateGroup("leder-larvik");
    assertThat(kanUtfore(STYRE_LARVIK, driver.oppgave(ap, "Task_BeslutningVidereDrift"))).isFalse();
    assertThat(varsellogg.forProsessinstans(ap.getId())).isEmpty();
  }

  // 2. Lokalt styre: pilot with progress reports, evaluation, drift and benefits follow-up

  @Test
  void styretGodkjennerPilotMedFremdriftsrapporterOgDriftTilGevinstoppfolging() {
    Map<String, Object> forslag = Forslag.gyldig(); // 200 000 kr: the board decides
    forslag.put("pilotvarighetMnd", 6);
    ProcessInstance ap = driver.startForslag(AP_LARVIK, forslag);
    String referanse = referanse(ap);
    assertThat(referanse).matches("AP-2030-LAR-\\d{3}");

    Date vurdert = settKlokke(pluss(START, "P1D"));
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
    assertThat(ap).hasPassed("Gateway_Beslutningsniva", "Gateway_TilStyret").isWaitingAtExactly("Task_Styrebehandling");
    assertThat(ap).variables().containsEntry("beslutningsniva", "LOKALT_STYRE").containsEntry("fase", "BESLUTNING");
    assertThat(ap).task().hasCandidateGroup("styre-larvik").isNotAssigned()
        .hasDueDate(pluss(vurdert, frister.getStyresyklus()));

    Date godkjent = settKlokke(pluss(vurdert, "P21D"));
    driver.fullfor(ap, "Task_Styrebehandling", STYRE_LARVIK, styrevedtak("godkjent", "7/30", "2030-01-29"));
    Date slutt = maanederEtter(godkjent, 6);
    assertThat(ap).hasPassedInOrder("Task_Styrebehandling", "Gateway_Styrevedtak", "Gateway_Godkjent",
        "Task_PlanleggPilot").isWaitingAtExactly(PILOT_LOPER);
    assertThat(ap).variables().containsEntry("fase", "PILOTERING").containsEntry("godkjentNiva", "LOKALT_STYRE")
        .containsEntry("vedtaksgruppe", "styre-larvik").containsEntry("pilotSluttdato", slutt)
        .containsEntry("styreBetingelser", "Rapport til styret hver styresyklus.");
    // The conditions are part of the decision: in the protocol and in what the next decider reads.
    assertThat(vedtaksprotokoll.forReferanse(referanse)).extracting(Vedtak::betingelser)
        .containsExactly("Rapport til styret hver styresyklus.");
    assertThat((String) runtime.getVariable(ap.getId(), "tidligereVedtak"))
        .endsWith("Betingelser: Rapport til styret hver styresyklus.");
    // The board's reminder and escalation timers went with the task.
    assertThat(driver.antallJobber(ap, "Timer_StyrePaminnelse") + driver.antallJobber(ap, "Timer_StyreEskalering"))
        .isZero();

    // One report per board cycle while the pilot runs; the second is red.
    List<String> statuser = List.of("gronn", "rod", "gul", "gronn");
    Date syklus = godkjent;
    for (int i = 0; i < statuser.size(); i++) {
      syklus = pluss(syklus, frister.getStyresyklus());
      assertThat(driver.jobb(ap, "StartEvent_Rapportsyklus")).hasDueDate(syklus);
      driver.utforJobbNarDenForfaller(ap, "StartEvent_Rapportsyklus");
      Task rapport = driver.oppgave(ap, "Task_Fremdriftsrapport");
      assertThat(rapport).isAssignedTo(AP_LARVIK).hasDueDate(pluss(syklus, frister.getFremdriftsrapport()));
      driver.fullfor(rapport, AP_LARVIK, fremdriftsrapport(statuser.get(i), 20000 * (i + 1), false));
      if ("rod".equals(statuser.get(i))) {
        // The notification waits for the report to be committed.
        assertThat(ap).isWaitingAt("EndEvent_AvvikVarslet");
        assertThat(varsellogg.forProsessinstans(ap.getId())).isEmpty();
        driver.utforJobb(ap, "EndEvent_AvvikVarslet");
      }
      assertThat(ap).isWaitingAtExactly(PILOT_LOPER).variables().containsEntry("fase", "PILOTERING");
    }
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(ap.getId())
        .taskDefinitionKey("Task_Fremdriftsrapport").finished().count()).isEqualTo(statuser.size());
    assertThat(ap).hasPassed("StartEvent_Rapportsyklus", "Gateway_Pilotstatus", "EndEvent_RapportMottatt",
        "EndEvent_AvvikVarslet", "SubProcess_Fremdrift");
    // One e-mail per member of each group (other test classes may add members: not exactly).
    assertThat(varsellogg.forProsessinstans(ap.getId()))
        .allSatisfy(v -> assertThat(v.status()).isEqualTo(Varselstatus.SENDT))
        .extracting(Varsel::hendelse, Varsel::referanse, Varsel::mottaker, Varsel::gruppe)
        .contains(
            tuple(Varselhendelse.AVVIK_PILOT, referanse, LEDER_LARVIK, "leder-larvik"),
            tuple(Varselhendelse.AVVIK_PILOT, referanse, STYRE_LARVIK, "styre-larvik"));
    assertThat((String) runtime.getVariable(ap.getId(), "rapportlogg")).hasLineCount(4).contains("status rød");
    // The next cycle would fall after the pilot's end.
    assertThat(driver.jobb(ap, "StartEvent_Rapportsyklus").getDuedate()).isAfter(slutt);

    assertThat(driver.jobb(ap, "Timer_PilotSlutt")).hasDueDate(slutt);
    driver.utforJobbNarDenForfaller(ap, "Timer_PilotSlutt");
    assertThat(ap).hasPassedInOrder("Timer_PilotSlutt", "EndEvent_PilotFerdig", "Gateway_TilEvaluering")
        .isWaitingAtExactly("Task_Evaluering");
    assertThat(ap).variables().containsEntry("fase", "EVALUERING");
    assertThat(ap).task().isAssignedTo(AP_LARVIK).hasDueDate(pluss(slutt, frister.getEvaluering()));
    assertThat(driver.antallJobber(ap, "StartEvent_Rapportsyklus")).isZero();

    Date evaluert = settKlokke(pluss(slutt, "P10D"));
    driver.fullfor(ap, "Task_Evaluering", AP_LARVIK, evaluering("drift"));
    assertThat(ap).isWaitingAtExactly("Task_BeslutningVidereDrift").variables().containsEntry("fase", "EVALUERING");
    Task videreDrift = driver.oppgave(ap, "Task_BeslutningVidereDrift");
    assertThat(videreDrift).hasCandidateGroup("styre-larvik")
        .hasDueDate(pluss(evaluert, frister.getVidereDrift()));
    assertThat(kanUtfore(LEDER_LARVIK, videreDrift)).isFalse();

    Date besluttet = settKlokke(pluss(evaluert, "P20D"));
    driver.fullfor(videreDrift, STYRE_LARVIK, videreDriftDrift("31/30", "kommune", 350000));
    assertThat(ap).hasPassed("Gateway_VidereDrift").isWaitingAtExactly("Task_OverforingTilDrift");
    assertThat(ap).task().hasCandidateGroup("leder-larvik").hasDueDate(pluss(besluttet, frister.getOverforing()));
    assertThat(ap).variables().containsEntry("driftseier", "kommune").containsEntry("driftsbudsjett", 350000);
    assertThat(vedtaksprotokoll.forReferanse(referanse))
        .extracting(Vedtak::niva, Vedtak::utfall, Vedtak::sakNr, Vedtak::motedato, Vedtak::besluttetAv)
        .containsExactly(
            tuple(LOKALT_STYRE, "godkjent", "7/30", "2030-01-29", STYRE_LARVIK),
            tuple(LOKALT_STYRE, "drift", "31/30", Skjemasvar.MOTEDATO_VIDERE_DRIFT, STYRE_LARVIK));

    Date overfort = settKlokke(pluss(besluttet, "P14D"));
    driver.fullfor(ap, "Task_OverforingTilDrift", LEDER_LARVIK, overforingTilDrift());
    assertThat(ap).isWaitingAtExactly("Timer_Gevinstoppfolging").variables().containsEntry("fase", "DRIFT");
    Date gevinstoppfolging = pluss(overfort, frister.getGevinstoppfolging());
    assertThat(driver.jobb(ap, "Timer_Gevinstoppfolging")).hasDueDate(gevinstoppfolging);
    assertThat(gevinstoppfolging).isEqualTo(maanederEtter(overfort, 12));

    driver.utforJobbNarDenForfaller(ap, "Timer_Gevinstoppfolging");
    assertThat(ap).isWaitingAtExactly("Task_Gevinstoppfolging").task().hasCandidateGroup("leder-larvik")
        .hasDueDate(pluss(gevinstoppfolging, frister.getGevinstrapport()));
    driver.fullfor(ap, "Task_Gevinstoppfolging", LEDER_LARVIK, gevinstoppfolging());

    assertThat(ap).isEnded().hasPassedInOrder("StartEvent_ForslagMottatt", "Task_RegistrerArbeidspakke",
        "Task_VurderForslag", "Task_BestemBeslutningsniva", "Task_Styrebehandling", "Task_PlanleggPilot",
        "Task_Fremdriftsrapport", "Timer_PilotSlutt", "Task_Evaluering", "Task_BeslutningVidereDrift",
        "Task_OverforingTilDrift", "Timer_Gevinstoppfolging", "Task_Gevinstoppfolging", "EndEvent_IDrift");
    assertThat(ap).variables().containsEntry("fase", "I_DRIFT");
  }

  // 3. Eierstyret

  @Test
  void storeSakerGaarTilEierstyretSomBevilgerOgBeslutterVidereDrift() {
    ProcessInstance ap = driver.startForslag(AP_LARVIK, eierstyresak());
    String referanse = referanse(ap);
    Date vurdert = settKlokke(pluss(START, "P1D"));
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
    assertThat(ap).hasPassed("Gateway_Beslutningsniva", "Gateway_TilEierstyret")
        .hasNotPassed("Gateway_TilStyret").isWaitingAtExactly("Task_BehandlingEierstyre");
    assertThat(ap).variables().containsEntry("beslutningsniva", "EIERSTYRE").containsEntry("fase", "BESLUTNING");
    assertThat(ap).task().hasCandidateGroup("eierstyre").isNotAssigned()
        .hasDueDate(pluss(vurdert, frister.getStyresyklus()));

    Date godkjent = settKlokke(pluss(vurdert, "P30D"));
    driver.fullfor(ap, "Task_BehandlingEierstyre", EIERSTYRET,
        eierstyrevedtak("godkjent", "ES 4/30", "2030-02-07", 750000));
    assertThat(ap).hasPassed("Gateway_Eierstyrevedtak", "Gateway_Godkjent", "Task_PlanleggPilot")
        .isWaitingAtExactly(PILOT_LOPER);
    assertThat(ap).variables().containsEntry("fase", "PILOTERING").containsEntry("bevilgetBelop", 750000)
        .containsEntry("godkjentNiva", "EIERSTYRE").containsEntry("vedtaksgruppe", "eierstyre")
        .containsEntry("pilotSluttdato", maanederEtter(godkjent, 12));

    driver.utforJobbNarDenForfaller(ap, "Timer_PilotSlutt");
    driver.fullfor(ap, "Task_Evaluering", AP_LARVIK, evaluering("drift"));
    Task videreDrift = driver.oppgave(ap, "Task_BeslutningVidereDrift");
    assertThat(videreDrift).hasCandidateGroup("eierstyre");
    assertThat(kanUtfore(STYRE_LARVIK, videreDrift)).isFalse();
    driver.fullfor(videreDrift, EIERSTYRET, videreDriftDrift("ES 19/31", "delt", 600000));

    assertThat(ap).isWaitingAtExactly("Task_OverforingTilDrift").variables()
        .containsEntry("driftseier", "delt").containsEntry("driftsbudsjett", 600000);
    assertThat(vedtaksprotokoll.forReferanse(referanse))
        .extracting(Vedtak::niva, Vedtak::utfall, Vedtak::sakNr, Vedtak::motedato, Vedtak::besluttetAv)
        .containsExactly(
            tuple(EIERSTYRE, "godkjent", "ES 4/30", "2030-02-07", EIERSTYRET),
            tuple(EIERSTYRE, "drift", "ES 19/31", Skjemasvar.MOTEDATO_VIDERE_DRIFT, EIERSTYRET));
  }

  // 4. Avslag and avvisning

  @Test
  void lokalLederAvslarMindreTiltak() {
    ProcessInstance ap = tilBeslutning(mindreTiltak());
    driver.fullfor(ap, "Task_BesluttMindreTiltak", LEDER_LARVIK, lederBeslutning("avslatt"));
    avslattOgVarslet(ap, "EndEvent_MindreTiltakAvslatt", LOKAL_LEDER, LEDER_LARVIK);
  }

  @Test
  void lokaltStyreAvslar() {
    ProcessInstance ap = tilBeslutning(Forslag.gyldig());
    driver.fullfor(ap, "Task_Styrebehandling", STYRE_LARVIK, styrevedtak("avslatt", "8/30", "2030-01-20"));
    avslattOgVarslet(ap, "EndEvent_StyreAvslatt", LOKALT_STYRE, STYRE_LARVIK);
  }

  @Test
  void eierstyretAvslarSakSomTrengerEierfinansiering() {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("trengerEierfinansiering", true); // a small budget, but the owners must pay
    forslag.put("budsjett", 100000);
    ProcessInstance ap = tilBeslutning(forslag);
    assertThat(ap).isWaitingAtExactly("Task_BehandlingEierstyre").variables()
        .containsEntry("beslutningsniva", "EIERSTYRE");
    driver.fullfor(ap, "Task_BehandlingEierstyre", EIERSTYRET,
        eierstyrevedtak("avslatt", "ES 5/30", "2030-02-07", null));
    assertThat(ap).variables().doesNotContainKey("bevilgetBelop");
    avslattOgVarslet(ap, "EndEvent_EierstyreAvslatt", EIERSTYRE, EIERSTYRET);
  }

  @Test
  void lokalLederAviserForslaget() {
    ProcessInstance ap = driver.startForslag(AP_LARVIK, Forslag.gyldig());
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, vurdering("avvist"));
    assertThat(ap).isWaitingAt("EndEvent_Avvist");
    assertThat(varsellogg.forProsessinstans(ap.getId())).isEmpty();

    driver.utforJobb(ap, "EndEvent_Avvist");
    assertThat(ap).hasPassedInOrder("Task_VurderForslag", "Gateway_Vurdering", "EndEvent_Avvist")
        .hasNotPassed("Task_BestemBeslutningsniva").isEnded();
    assertThat(ap).variables().containsEntry("fase", "AVVIST");
    assertThat(varsellogg.forProsessinstans(ap.getId()))
        .extracting(Varsel::hendelse, Varsel::mottaker, Varsel::status)
        .containsExactly(tuple(Varselhendelse.AVVIST, AP_LARVIK, Varselstatus.SENDT));
    // An assessment is not a decision.
    assertThat(vedtaksprotokoll.forReferanse(referanse(ap))).isEmpty();
  }

  // 5. Loops: revision, returns and lifting to a higher level

  @Test
  void forslagetBearbeidesToGangerForDetErKomplett() {
    Map<String, Object> forslag = Forslag.gyldig();
    ProcessInstance ap = driver.startForslag(AP_LARVIK, forslag);
    String referanse = referanse(ap);

    for (int runde = 1; runde <= 2; runde++) {
      Date vurdert = settKlokke(pluss(START, "P" + (7 * runde) + "D"));
      driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, vurdering("maBearbeides"));
      assertThat(ap).hasPassed("Gateway_Vurdering").isWaitingAtExactly("Task_BearbeidForslag");
      assertThat(ap).variables().containsEntry("fase", "FORSLAG")
          .containsEntry("vurderingKommentar", "Vurdert av lokal leder: maBearbeides.");
      Task bearbeid = driver.oppgave(ap, "Task_BearbeidForslag");
      assertThat(bearbeid).isAssignedTo(AP_LARVIK).hasDueDate(pluss(vurdert, frister.getBearbeiding()));

      Map<String, Object> revidert = bearbeiding(forslag);
      revidert.put("tittel", "Praksisplasser, versjon " + (runde + 1));
      driver.fullfor(bearbeid, AP_LARVIK, revidert);
      // Back to the leader with a fresh form: last round's answer is not submitted by accident.
      assertThat(ap).isWaitingAtExactly("Task_VurderForslag");
      assertThat(ap).variables().containsEntry("fase", "VURDERING")
          .containsEntry("tittel", "Praksisplasser, versjon " + (runde + 1)).doesNotContainKey("vurdering");
      assertThat(ap).task().hasCandidateGroup("leder-larvik");
    }
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));

    assertThat(ap).isWaitingAtExactly("Task_Styrebehandling").hasBusinessKey(referanse);
    assertThat(antallFullforte(ap, "Task_BearbeidForslag")).isEqualTo(2);
    assertThat(antallFullforte(ap, "Task_VurderForslag")).isEqualTo(3);
    assertThat(referanse(ap)).isEqualTo(referanse);
  }

  @Test
  void styretReturnererTilInnsenderOgEierstyretReturnererTilStyret() {
    Map<String, Object> forslag = Forslag.gyldig();
    ProcessInstance ap = tilBeslutning(forslag);
    String referanse = referanse(ap);

    driver.fullfor(ap, "Task_Styrebehandling", STYRE_LARVIK, styrevedtak("returnert", "9/30", "2030-01-20"));
    assertThat(ap).hasPassed("Gateway_Styrevedtak").isWaitingAtExactly("Task_BearbeidForslag");
    assertThat(ap).variables().containsEntry("fase", "FORSLAG");
    assertThat(ap).task().isAssignedTo(AP_LARVIK);

    // The submitter widens the package: now it is the owners' matter.
    Map<String, Object> revidert = bearbeiding(forslag);
    revidert.put("budsjett", 900000);
    driver.fullfor(ap, "Task_BearbeidForslag", AP_LARVIK, revidert);
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
    assertThat(ap).isWaitingAtExactly("Task_BehandlingEierstyre").variables()
        .containsEntry("beslutningsniva", "EIERSTYRE");

    driver.fullfor(ap, "Task_BehandlingEierstyre", EIERSTYRET,
        eierstyrevedtak("returnert", "ES 6/30", "2030-02-07", null));
    assertThat(ap).hasPassed("Gateway_Eierstyrevedtak").isWaitingAtExactly("Task_Styrebehandling");
    assertThat(ap).variables().containsEntry("fase", "BESLUTNING").doesNotContainKey("styrevedtak");
    assertThat(ap).task().hasCandidateGroup("styre-larvik");
    assertThat(antallFullforte(ap, "Task_Styrebehandling")).isEqualTo(1);

    driver.fullfor(ap, "Task_Styrebehandling", STYRE_LARVIK, styrevedtak("godkjent", "12/30", "2030-03-03"));
    assertThat(ap).isWaitingAtExactly(PILOT_LOPER).variables()
        .containsEntry("godkjentNiva", "LOKALT_STYRE").containsEntry("vedtaksgruppe", "styre-larvik");
    assertThat(vedtaksprotokoll.forReferanse(referanse))
        .extracting(Vedtak::niva, Vedtak::utfall, Vedtak::sakNr)
        .containsExactly(
            tuple(LOKALT_STYRE, "returnert", "9/30"),
            tuple(EIERSTYRE, "returnert", "ES 6/30"),
            tuple(LOKALT_STYRE, "godkjent", "12/30"));
    assertThat(ap).variables().extractingByKey("tidligereVedtak").asString().hasLineCount(3)
        .contains("Lokalt styre (sak 9/30): Returnert til innsender for bearbeiding.");
  }

  @Test
  void lokalLederLofterTilStyretOgStyretTilEierstyret() {
    ProcessInstance ap = tilBeslutning(mindreTiltak());
    String referanse = referanse(ap);

    driver.fullfor(ap, "Task_BesluttMindreTiltak", LEDER_LARVIK, lederBeslutning("loftetTilStyret"));
    assertThat(ap).hasPassed("Gateway_MindreTiltak", "Gateway_TilStyret").isWaitingAtExactly("Task_Styrebehandling");
    assertThat(ap).task().hasCandidateGroup("styre-larvik");

    driver.fullfor(ap, "Task_Styrebehandling", STYRE_LARVIK,
        styrevedtak("loftetTilEierstyret", "10/30", "2030-01-20"));
    assertThat(ap).hasPassed("Gateway_Styrevedtak", "Gateway_TilEierstyret")
        .isWaitingAtExactly("Task_BehandlingEierstyre");
    assertThat(ap).task().hasCandidateGroup("eierstyre");

    driver.fullfor(ap, "Task_BehandlingEierstyre", EIERSTYRET,
        eierstyrevedtak("godkjent", "ES 7/30", "2030-02-07", 30000));
    assertThat(ap).isWaitingAtExactly(PILOT_LOPER).variables()
        .containsEntry("godkjentNiva", "EIERSTYRE").containsEntry("vedtaksgruppe", "eierstyre")
        .containsEntry("bevilgetBelop", 30000);
    assertThat(vedtaksprotokoll.forReferanse(referanse))
        .extracting(Vedtak::niva, Vedtak::utfall, Vedtak::besluttetAv)
        .containsExactly(
            tuple(LOKAL_LEDER, "loftetTilStyret", LEDER_LARVIK),
            tuple(LOKALT_STYRE, "loftetTilEierstyret", STYRE_LARVIK),
            tuple(EIERSTYRE, "godkjent", EIERSTYRET));
  }

  // 6. Ungdomspanelet

  @Test
  void ungdomspaneletGirUttalelseSomFolgerSaken() {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("horUngdomspanel", true);
    ProcessInstance ap = driver.startForslag(AP_LARVIK, forslag);
    Date vurdert = settKlokke(pluss(START, "P1D"));
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));

    assertThat(ap).hasPassed("Gateway_Ungdomspanel").isWaitingAtExactly("Task_UttalelseUngdomspanel");
    assertThat(ap).task().hasCandidateGroup("ungdomspanel").hasDueDate(pluss(vurdert, frister.getUngdomspanel()));
    assertThat(ap).variables().containsEntry("fase", "VURDERING");
    assertThat(driver.jobb(ap, "Timer_UttalelseFrist")).hasDueDate(pluss(vurdert, frister.getUngdomspanel()));

    settKlokke(pluss(vurdert, "P5D"));
    driver.fullfor(ap, "Task_UttalelseUngdomspanel", UNGDOM, ungdomspanel("Vi vil ha en fast kontaktperson."));
    assertThat(ap).hasPassedInOrder("Task_UttalelseUngdomspanel", "Gateway_UngdomspanelInn",
            "Task_BestemBeslutningsniva")
        .hasNotPassed("Timer_UttalelseFrist", "Task_RegistrerManglendeUttalelse")
        .isWaitingAtExactly("Task_Styrebehandling");
    assertThat(ap).variables().containsEntry("ungdomspanelUttalelse", "Vi vil ha en fast kontaktperson.")
        .doesNotContainKey("uttalelseUteblitt");
    assertThat(driver.antallJobber(ap, "Timer_UttalelseFrist")).isZero();
  }

  @Test
  void ungdomspaneletSvarerIkkeInnenFristen() {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("horUngdomspanel", true);
    ProcessInstance ap = tilBeslutning(forslag);
    assertThat(ap).isWaitingAtExactly("Task_UttalelseUngdomspanel");
    Date frist = pluss(START, frister.getUngdomspanel());
    assertThat(driver.jobb(ap, "Timer_UttalelseFrist")).hasDueDate(frist);

    driver.utforJobbNarDenForfaller(ap, "Timer_UttalelseFrist");
    assertThat(ap).hasPassedInOrder("Timer_UttalelseFrist", "Task_RegistrerManglendeUttalelse",
            "Gateway_UngdomspanelInn", "Task_BestemBeslutningsniva")
        .isWaitingAtExactly("Task_Styrebehandling");
    assertThat(tasks.createTaskQuery().processInstanceId(ap.getId()).taskDefinitionKey("Task_UttalelseUngdomspanel")
        .count()).isZero();
    assertThat(ap).variables().containsEntry("uttalelseUteblitt", true)
        .containsEntry("ungdomspanelUttalelse",
            "Ungdomspanelet ga ingen uttalelse innen fristen (" + Tidssone.norskDato(frist) + ").");
  }

  // 7. Early stop

  @Test
  void pilotenAvbrytesMedBegrunnelseMenIkkeUten() {
    ProcessInstance ap = godkjentAvStyret(Forslag.gyldig());
    String referanse = referanse(ap);

    assertThatThrownBy(() -> driver.avbrytPilot(LEDER_LARVIK, referanse, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Skriv hvorfor piloten avbrytes.");
    assertThatThrownBy(() -> driver.avbrytPilot(LEDER_LARVIK, referanse, "x".repeat(4001)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("høyst 4000 tegn");
    // The proposer, eierstyret and the board of another kommune may not stop it.
    for (String annen : List.of(AP_LARVIK, EIERSTYRET, TestBrukere.STYRE_HORTEN)) {
      assertThatThrownBy(() -> driver.avbrytPilot(annen, referanse, "Forsøk"))
          .as(annen).isInstanceOf(AuthorizationException.class);
    }
    // Nothing happened: the pilot runs on.
    assertThat(ap).isWaitingAtExactly(PILOT_LOPER).hasNotPassed("Task_RegistrerAvbrudd");
    assertThat(ap).variables().containsEntry("fase", "PILOTERING").doesNotContainKey("pilotAvbrutt")
        .doesNotContainKey("avbruddBegrunnelse");
    assertThat(driver.antallJobber(ap, "Timer_PilotSlutt")).isOne();

    settKlokke(pluss(ClockUtil.getCurrentTime(), "P30D"));
    driver.avbrytPilot(LEDER_LARVIK, referanse, "Samarbeidspartneren har trukket seg.");
    assertThat(ap).hasPassedInOrder("Event_AvbrytPilot", "Task_RegistrerAvbrudd", "Gateway_TilEvaluering")
        .hasNotPassed("EndEvent_PilotFerdig")
        .isWaitingAtExactly("Task_Evaluering");
    assertThat(ap).variables().containsEntry("fase", "EVALUERING").containsEntry("pilotAvbrutt", true)
        .containsEntry("avbruttAv", LEDER_LARVIK)
        .containsEntry("avbruddBegrunnelse", "Samarbeidspartneren har trukket seg.");
    assertThat(driver.antallJobber(ap, "Timer_PilotSlutt") + driver.antallJobber(ap, "StartEvent_Rapportsyklus"))
        .isZero();
    assertThat(ap).task().isAssignedTo(AP_LARVIK);
  }

  // 8. Extension and winding up

  @Test
  void pilotenForlengesOgAvvikles() {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("pilotvarighetMnd", 6);
    ProcessInstance ap = godkjentAvStyret(forslag);
    String referanse = referanse(ap);
    Date godkjent = (Date) runtime.getVariable(ap.getId(), "pilotStartdato");

    driver.utforJobbNarDenForfaller(ap, "Timer_PilotSlutt");
    // Each row starts with the proposal's målparameter; the name sent back does not count.
    assertThat(malresultater(ap)).isEqualTo("[{\"navn\":\"Antall praksisplasser\",\"oppnaddVerdi\":null}]");
    Map<String, Object> forste = evaluering("forleng");
    forste.put("malresultater", SpinValues.jsonValue("[{\"navn\":\"Noe annet\",\"oppnaddVerdi\":\"32\"},"
        + "{\"navn\":\"Uten målparameter\",\"oppnaddVerdi\":\"1\"}]").create());
    driver.fullfor(ap, "Task_Evaluering", AP_LARVIK, forste);
    assertThat(malresultater(ap)).isEqualTo("[{\"navn\":\"Antall praksisplasser\",\"oppnaddVerdi\":\"32\"}]");
    Date besluttet = settKlokke(pluss(ClockUtil.getCurrentTime(), "P14D"));
    driver.fullfor(ap, "Task_BeslutningVidereDrift", STYRE_LARVIK, videreDriftForleng(3));

    Date nySlutt = maanederEtter(besluttet, 3);
    assertThat(ap).hasPassedInOrder("Task_BeslutningVidereDrift", "Gateway_VidereDrift", "Task_ForlengPilot")
        .isWaitingAtExactly(PILOT_LOPER);
    assertThat(ap).variables().containsEntry("fase", "PILOTERING").containsEntry("pilotSluttdato", nySlutt)
        .containsEntry("pilotStartdato", godkjent);
    assertThat(driver.jobb(ap, "Timer_PilotSlutt")).hasDueDate(nySlutt);
    assertThat(driver.jobb(ap, "StartEvent_Rapportsyklus")).hasDueDate(pluss(besluttet, frister.getStyresyklus()));
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ap.getId())
        .activityId("SubProcess_Pilotering").count()).isEqualTo(2);

    driver.utforJobbNarDenForfaller(ap, "Timer_PilotSlutt");
    // The second evaluation starts empty; the first stays part of the basis, read-only.
    assertThat(ap).isWaitingAtExactly("Task_Evaluering").variables()
        .doesNotContainKeys("anbefaling", "maloppnaelse", "realiserteGevinster", "laering")
        .containsEntry("tidligereEvalueringer", "1. evaluering – anbefaling: Piloten forlenges. Måloppnåelse: Målet er "
            + "nesten nådd. Realiserte gevinster: Flere unge i praksis. Hva vi lærte: Faste veiledere er avgjørende.");
    assertThat(malresultater(ap)).as("den nye evalueringen starter med navnene igjen")
        .isEqualTo("[{\"navn\":\"Antall praksisplasser\",\"oppnaddVerdi\":null}]");
    driver.fullfor(ap, "Task_Evaluering", AP_LARVIK, evaluering("avvikle"));
    driver.fullfor(ap, "Task_BeslutningVidereDrift", STYRE_LARVIK, videreDriftAvvikle());

    assertThat(ap).hasPassed("EndEvent_Avviklet").hasNotPassed("Task_OverforingTilDrift").isEnded();
    assertThat(ap).variables().containsEntry("fase", "AVVIKLET");
    assertThat(vedtaksprotokoll.forReferanse(referanse))
        .extracting(Vedtak::niva, Vedtak::utfall, Vedtak::besluttetAv)
        .containsExactly(
            tuple(LOKALT_STYRE, "godkjent", STYRE_LARVIK),
            tuple(LOKALT_STYRE, "forleng", STYRE_LARVIK),
            tuple(LOKALT_STYRE, "avvikle", STYRE_LARVIK));
  }

  // 8b. An overdue progress report

  @Test
  void forsinketFremdriftsrapportGirPaminnelseTilArbeidspakkelederen() {
    ProcessInstance ap = godkjentAvStyret(Forslag.gyldig());
    String referanse = referanse(ap);
    driver.utforJobbNarDenForfaller(ap, "StartEvent_Rapportsyklus");
    Task rapport = driver.oppgave(ap, "Task_Fremdriftsrapport");
    Date bedtOm = ClockUtil.getCurrentTime();
    assertThat(driver.jobb(ap, "Timer_FremdriftsrapportPaminnelse"))
        .hasDueDate(pluss(bedtOm, frister.getFremdriftsrapport()));

    driver.utforJobbNarDenForfaller(ap, "Timer_FremdriftsrapportPaminnelse");
    // The reminder does not take the task away, and it waits for its own job.
    assertThat(ap).isWaitingAt("Task_Fremdriftsrapport", "EndEvent_FremdriftsrapportPaminnet");
    assertThat(varsellogg.forProsessinstans(ap.getId())).isEmpty();
    driver.utforJobb(ap, "EndEvent_FremdriftsrapportPaminnet");
    assertThat(ap).hasPassed("Timer_FremdriftsrapportPaminnelse", "EndEvent_FremdriftsrapportPaminnet");
    assertThat(varsellogg.forProsessinstans(ap.getId()))
        .extracting(Varsel::hendelse, Varsel::mottaker, Varsel::emne, Varsel::status)
        .containsExactly(tuple(Varselhendelse.PAMINNELSE, AP_LARVIK,
            "Påminnelse: fremdriftsrapporten for " + referanse + " er forsinket", Varselstatus.SENDT));

    driver.fullfor(rapport, AP_LARVIK, fremdriftsrapport("gul", 10000, false));
    assertThat(driver.antallJobber(ap, "Timer_FremdriftsrapportPaminnelse")).isZero();
    assertThat(ap).isWaitingAtExactly(PILOT_LOPER);
  }

  // 9. Reminders and escalation of pending decisions

  @Test
  void styrebehandlingOgEierstyrebehandlingPaminnesOgEskaleres() {
    ProcessInstance ap = driver.startForslag(AP_LARVIK, Forslag.gyldig());
    String referanse = referanse(ap);
    Date tilStyret = settKlokke(pluss(START, "P1D"));
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
    Task styrebehandling = driver.oppgave(ap, "Task_Styrebehandling");

    assertThat(driver.jobb(ap, "Timer_StyrePaminnelse")).hasDueDate(pluss(tilStyret, frister.getStyresyklus()));
    assertThat(driver.jobb(ap, "Timer_StyreEskalering")).hasDueDate(pluss(tilStyret, frister.getEskalering()));
    assertThat(styrebehandling).hasDueDate(pluss(tilStyret, frister.getStyresyklus()));

    driver.utforJobbNarDenForfaller(ap, "Timer_StyrePaminnelse");
    assertThat(ap).hasPassed("Timer_StyrePaminnelse").isWaitingAt("Task_Styrebehandling", "EndEvent_StyrePaminnet");
    driver.utforJobb(ap, "EndEvent_StyrePaminnet");
    driver.utforJobbNarDenForfaller(ap, "Timer_StyreEskalering");
    driver.utforJobb(ap, "EndEvent_StyrebehandlingEskalert");
    assertThat(ap).hasPassed("EndEvent_StyrePaminnet", "Timer_StyreEskalering", "EndEvent_StyrebehandlingEskalert")
        .isWaitingAtExactly("Task_Styrebehandling");
    assertThat(driver.oppgave(ap, "Task_Styrebehandling").getId()).isEqualTo(styrebehandling.getId());
    assertThat(varsellogg.forProsessinstans(ap.getId()))
        .extracting(Varsel::hendelse, Varsel::referanse, Varsel::mottaker)
        .contains(
            tuple(Varselhendelse.PAMINNELSE, referanse, STYRE_LARVIK),
            tuple(Varselhendelse.ESKALERING, referanse, PROGRAMLEDER));

    Date tilEierstyret = settKlokke(pluss(ClockUtil.getCurrentTime(), "P1D"));
    driver.fullfor(styrebehandling, STYRE_LARVIK, styrevedtak("loftetTilEierstyret", "14/30", "2030-04-01"));
    Task eierstyrebehandling = driver.oppgave(ap, "Task_BehandlingEierstyre");
    assertThat(eierstyrebehandling).hasDueDate(pluss(tilEierstyret, frister.getStyresyklus()));
    assertThat(driver.jobb(ap, "Timer_EierstyrePaminnelse"))
        .hasDueDate(pluss(tilEierstyret, frister.getStyresyklus()));
    assertThat(driver.jobb(ap, "Timer_EierstyreEskalering"))
        .hasDueDate(pluss(tilEierstyret, frister.getEskalering()));

    driver.utforJobbNarDenForfaller(ap, "Timer_EierstyrePaminnelse");
    driver.utforJobb(ap, "EndEvent_EierstyrePaminnet");
    driver.utforJobbNarDenForfaller(ap, "Timer_EierstyreEskalering");
    assertThat(ap).isWaitingAt("Task_BehandlingEierstyre", "EndEvent_EierstyrebehandlingEskalert");
    driver.utforJobb(ap, "EndEvent_EierstyrebehandlingEskalert");
    assertThat(ap).hasPassed("Timer_EierstyrePaminnelse", "EndEvent_EierstyrePaminnet", "Timer_EierstyreEskalering",
            "EndEvent_EierstyrebehandlingEskalert")
        .isWaitingAtExactly("Task_BehandlingEierstyre");
    assertThat(driver.oppgave(ap, "Task_BehandlingEierstyre").getId()).isEqualTo(eierstyrebehandling.getId());
    assertThat(varsellogg.forProsessinstans(ap.getId()))
        .extracting(Varsel::hendelse, Varsel::mottaker)
        .contains(
            tuple(Varselhendelse.PAMINNELSE, STYRE_LARVIK),
            tuple(Varselhendelse.ESKALERING, PROGRAMLEDER),
            tuple(Varselhendelse.PAMINNELSE, EIERSTYRET));
    assertThat(varsellogg.forProsessinstans(ap.getId())).filteredOn(v -> PROGRAMLEDER.equals(v.mottaker()))
        .extracting(Varsel::hendelse).containsExactly(Varselhendelse.ESKALERING, Varselhendelse.ESKALERING);
  }

  // 10. Unique references under concurrent starts

  @Test
  void referansenErUnikOgFortlopendeVedSamtidigeStarter() throws Exception {
    // A year of its own, so that the year's counter row is also created under contention.
    ClockUtil.setCurrentTime(tidspunkt(2043, 3, 2));
    List<String> innsendere = List.of(AP_LARVIK, "ap.samtidig.a", "ap.samtidig.b", "ap.samtidig.c");
    innsendere.forEach(innsender -> TestBrukere.arbeidspakkeleder(identity, innsender, "larvik"));
    int perTrad = 2;
    CyclicBarrier samtidig = new CyclicBarrier(innsendere.size());
    ExecutorService trader = Executors.newFixedThreadPool(innsendere.size());
    Map<String, String> innsenderPerInstans = new HashMap<>();
    try (Dekningsregistrering dekning = Dekningsregistrering.enTradOmGangen(engine)) {
      List<Future<List<ProcessInstance>>> resultater = new ArrayList<>();
      for (String innsender : innsendere) {
        resultater.add(trader.submit(() -> {
          samtidig.await(30, TimeUnit.SECONDS);
          List<ProcessInstance> startet = new ArrayList<>();
          for (int i = 0; i < perTrad; i++) {
            startet.add(driver.startForslag(innsender, Forslag.gyldig()));
          }
          return startet;
        }));
      }
      for (int i = 0; i < innsendere.size(); i++) {
        for (ProcessInstance ap : resultater.get(i).get(60, TimeUnit.SECONDS)) {
          innsenderPerInstans.put(ap.getId(), innsendere.get(i));
        }
      }
    } finally {
      trader.shutdownNow();
    }

    List<ProcessInstance> startet = runtime.createProcessInstanceQuery()
        .processInstanceIds(innsenderPerInstans.keySet()).list();
    assertThat(startet).hasSize(innsendere.size() * perTrad);
    List<String> referanser = startet.stream().map(ProcessInstance::getBusinessKey).sorted().toList();
    assertThat(referanser).doesNotHaveDuplicates().allMatch(r -> r.matches("AP-2043-LAR-\\d{3}"));
    List<Integer> nummer = referanser.stream().map(r -> Integer.parseInt(r.substring(r.lastIndexOf('-') + 1)))
        .toList();
    for (int i = 1; i < nummer.size(); i++) {
      assertThat(nummer.get(i)).as("løpenummer etter %s", referanser.get(i - 1)).isEqualTo(nummer.get(i - 1) + 1);
    }
    for (ProcessInstance ap : startet) {
      // Each thread's login stayed its own.
      assertThat(runtime.getVariable(ap.getId(), "innsender")).isEqualTo(innsenderPerInstans.get(ap.getId()));
      assertThat(runtime.getVariable(ap.getId(), "referanse")).isEqualTo(ap.getBusinessKey());
      assertThat(ap).isWaitingAtExactly("Task_VurderForslag");
    }
  }

  // Helpers

  /** Submitted by the arbeidspakke-leder and found complete by the lokal leder. */
  private ProcessInstance tilBeslutning(Map<String, Object> forslag) {
    ProcessInstance ap = driver.startForslag(AP_LARVIK, forslag);
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
    return ap;
  }

  /** A board-level package, approved three weeks after submission: the pilot is running. */
  private ProcessInstance godkjentAvStyret(Map<String, Object> forslag) {
    ProcessInstance ap = tilBeslutning(forslag);
    settKlokke(pluss(START, "P21D"));
    driver.fullfor(ap, "Task_Styrebehandling", STYRE_LARVIK, styrevedtak("godkjent", "11/30", "2030-01-28"));
    assertThat(ap).isWaitingAtExactly(PILOT_LOPER).variables().containsEntry("fase", "PILOTERING");
    return ap;
  }

  /** The decision was committed; the notification goes out from its own job, then the package is closed. */
  private void avslattOgVarslet(ProcessInstance ap, String sluttpunkt, Beslutningsniva niva, String besluttetAv) {
    String referanse = referanse(ap);
    assertThat(ap).isWaitingAt(sluttpunkt).variables().containsEntry("fase", "BESLUTNING");
    assertThat(varsellogg.forProsessinstans(ap.getId())).isEmpty();

    driver.utforJobb(ap, sluttpunkt);
    assertThat(ap).hasPassed(sluttpunkt).isEnded();
    assertThat(ap).variables().containsEntry("fase", "AVSLATT");
    assertThat(varsellogg.forProsessinstans(ap.getId()))
        .allSatisfy(v -> assertThat(v.status()).isEqualTo(Varselstatus.SENDT))
        .extracting(Varsel::hendelse, Varsel::referanse, Varsel::mottaker, Varsel::gruppe)
        .contains(
            tuple(Varselhendelse.AVSLATT, referanse, AP_LARVIK, null),
            tuple(Varselhendelse.AVSLATT, referanse, LEDER_LARVIK, "leder-larvik"));
    assertThat(varsellogg.forProsessinstans(ap.getId())).allSatisfy(v -> assertThat(v.emne())
        .isEqualTo("Arbeidspakken " + referanse + " er avslått – Praksisplasser i kommunale virksomheter"));
    assertThat(vedtaksprotokoll.forReferanse(referanse))
        .extracting(Vedtak::niva, Vedtak::utfall, Vedtak::besluttetAv)
        .containsExactly(tuple(niva, "avslatt", besluttetAv));
  }

  private static Map<String, Object> mindreTiltak() {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("budsjett", 30000);
    forslag.put("pilotvarighetMnd", 3);
    return forslag;
  }

  private static Map<String, Object> eierstyresak() {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("budsjett", 800000);
    return forslag;
  }

  private String referanse(ProcessInstance ap) {
    Object referanse = history.createHistoricVariableInstanceQuery().processInstanceId(ap.getId())
        .variableName("referanse").singleResult().getValue();
    return (String) referanse;
  }

  private long antallFullforte(ProcessInstance ap, String oppgave) {
    return history.createHistoricTaskInstanceQuery().processInstanceId(ap.getId()).taskDefinitionKey(oppgave)
        .finished().count();
  }

  private boolean kanUtfore(String bruker, Task oppgave) {
    return tasks.createTaskQuery().taskId(oppgave.getId()).taskCandidateUser(bruker).count() == 1;
  }


  /** Calendar months in Norway, as the pilot's end date is defined. */
  private static Date maanederEtter(Date fra, int maneder) {
    return Date.from(fra.toInstant().atZone(Tidssone.NORGE).plusMonths(maneder).toInstant());
  }

  private String malresultater(ProcessInstance ap) {
    return ((JsonValue) runtime.getVariableTyped(ap.getId(), "malresultater")).getValueSerialized();
  }
}
