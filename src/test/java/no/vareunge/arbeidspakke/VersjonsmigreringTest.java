package no.vareunge.arbeidspakke;

import static no.vareunge.Testklokke.pluss;
import static no.vareunge.Testklokke.settKlokke;
import static no.vareunge.Testklokke.tidspunkt;
import static no.vareunge.TestBrukere.AP_LARVIK;
import static no.vareunge.TestBrukere.LEDER_LARVIK;
import static no.vareunge.TestBrukere.STYRE_LARVIK;
import static no.vareunge.arbeidspakke.Skjemasvar.evaluering;
import static no.vareunge.arbeidspakke.Skjemasvar.fremdriftsrapport;
import static no.vareunge.arbeidspakke.Skjemasvar.styrevedtak;
import static no.vareunge.arbeidspakke.Skjemasvar.videreDriftAvvikle;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import no.vareunge.Forslag;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.frister.Frister;
import no.vareunge.varsling.Varsel;
import no.vareunge.varsling.Varselhendelse;
import no.vareunge.varsling.Varsellogg;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new version of process {@code arbeidspakke} is deployed while packages are in flight
 * (docs/migrering.md). Version 2 (test resource {@value #V2_MODELL}) adds the user task
 * "Kvalitetssikre vurdering" on the Komplett branch after Vurder forslag; every other element keeps
 * its id. Running instances stay on their version until they are migrated with the migration
 * plan of the documentation, which must keep their variables, tasks and timers.
 *
 * <p>Each test deploys version 2 itself and deletes it again (cascade) afterwards: the suite
 * shares one engine, and the other test classes start {@code arbeidspakke} by key, i.e. the
 * latest version.
 */
@VareungeTest
class VersjonsmigreringTest {

  static final String V2_MODELL = "migrering/arbeidspakke-v2.bpmn";
  /** Name of the test's own deployment: not the application's, so its duplicate filter is untouched. */
  private static final String V2_UTRULLING = "vareunge-migreringstest-v2";
  /** A year no other test class uses, so the package references do not meet theirs. */
  private static final Date START = tidspunkt(2047, 1, 7);
  private static final String[] PILOT_LOPER = {"SubProcess_Pilotering", "Timer_PilotSlutt"};

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired Frister frister;
  @Autowired Varsellogg varsellogg;

  private ArbeidspakkeDriver driver;
  private ProcessDefinition v1;
  private ProcessDefinition v2;
  private final List<String> startet = new ArrayList<>();

  @BeforeEach
  void forbered() {
    BpmnAwareTests.init(engine);
    TestBrukere.opprett(identity);
    ClockUtil.setCurrentTime(START);
    driver = new ArbeidspakkeDriver(engine);
    v1 = repository.createProcessDefinitionQuery().processDefinitionKey(ArbeidspakkeDriver.PROSESS)
        .withoutTenantId().latestVersion().singleResult();
    assertThat(v1.getDeploymentId()).as("versjon 1 er applikasjonens egen utrulling").isNotNull();
  }

  @AfterEach
  void rydd() {
    ClockUtil.reset();
    identity.clearAuthentication();
    BpmnAwareTests.reset();
    // What is still running on version 1 goes; version 2 goes with its deployment.
    for (String id : startet) {
      runtime.deleteProcessInstanceIfExists(id, "Migreringstesten er ferdig", true, true, true, false);
    }
    slettV2();
  }

  /** In case a test stopped before its own clean-up: later classes must see the application's version again. */
  @AfterAll
  static void ingenV2Igjen(@Autowired RepositoryService repository) {
    repository.createDeploymentQuery().deploymentName(V2_UTRULLING).list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  void kjorendeArbeidspakkerFortsetterPaSinVersjonMensNyeStarterPaVersjon2() {
    ProcessInstance gammel = start();
    assertThat(gammel.getProcessDefinitionId()).isEqualTo(v1.getId());

    rullUtV2();
    assertThat(v2.getKey()).isEqualTo(v1.getKey());
    assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
    assertThat(v2.getTenantId()).isNull();

    // Deploying does not touch running instances: version 1 goes on without the new task.
    settKlokke(pluss(START, "P1D"));
    driver.fullfor(gammel, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
    assertThat(gammel).isWaitingAtExactly("Task_Styrebehandling").hasNotPassed("Task_KvalitetssikreVurdering");
    assertThat(definisjon(gammel)).isEqualTo(v1.getId());
    driver.fullfor(gammel, "Task_Styrebehandling", STYRE_LARVIK, styrevedtak("avslatt", "3/47", "2047-01-20"));
    driver.utforJobb(gammel, "EndEvent_StyreAvslatt");
    assertThat(gammel).isEnded();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(gammel.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(v1.getId());

    // A new proposal starts on the latest version and gets the quality check.
    ProcessInstance ny = start();
    assertThat(ny.getProcessDefinitionId()).isEqualTo(v2.getId());
    Date vurdert = settKlokke(pluss(START, "P2D"));
    driver.fullfor(ny, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
    assertThat(ny).isWaitingAtExactly("Task_KvalitetssikreVurdering").task().hasCandidateGroup("leder-larvik")
        .isNotAssigned().hasDueDate(pluss(vurdert, frister.getVurdering()));
    assertThat(ny).variables().containsEntry("fase", "VURDERING");
    driver.fullfor(ny, "Task_KvalitetssikreVurdering", LEDER_LARVIK, Map.of());
    assertThat(ny).hasPassedInOrder("Task_VurderForslag", "Task_KvalitetssikreVurdering", "Task_BestemBeslutningsniva")
        .isWaitingAtExactly("Task_Styrebehandling");
  }

  @Test
  void migreringsplanenFlytterArbeidspakkerUtenATapeVariablerOppgaverEllerTidsfrister() {
    // In flight on version 1: a pilot with an open progress report ...
    ProcessInstance pilot = start();
    settKlokke(pluss(START, "P1D"));
    driver.fullfor(pilot, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
    Date godkjent = settKlokke(pluss(START, "P3D"));
    driver.fullfor(pilot, "Task_Styrebehandling", STYRE_LARVIK, styrevedtak("godkjent", "5/47", "2047-01-09"));
    driver.utforJobbNarDenForfaller(pilot, "StartEvent_Rapportsyklus");
    assertThat(pilot).isWaitingAtExactly("SubProcess_Pilotering", "Timer_PilotSlutt", "SubProcess_Fremdrift",
        "Task_Fremdriftsrapport").variables().containsEntry("fase", "PILOTERING");
    assertThat(driver.jobb(pilot, "StartEvent_Rapportsyklus").getDuedate())
        .hasSameTimeAs(pluss(pluss(godkjent, frister.getStyresyklus()), frister.getStyresyklus()));
    // ... a proposal waiting for the lokal leder, and one waiting for the board, with its two timers.
    Date innsendt = settKlokke(pluss(ClockUtil.getCurrentTime(), "P1D"));
    ProcessInstance vurdering = start();
    ProcessInstance styre = start();
    driver.fullfor(styre, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
    assertThat(styre).isWaitingAtExactly("Task_Styrebehandling");
    assertThat(driver.jobb(styre, "Timer_StyrePaminnelse")).hasDueDate(pluss(innsendt, frister.getStyresyklus()));
    assertThat(driver.jobb(styre, "Timer_StyreEskalering")).hasDueDate(pluss(innsendt, frister.getEskalering()));
    List<ProcessInstance> iFlyt = List.of(vurdering, styre, pilot);

    rullUtV2();
    Map<String, Tilstand> for_ = new TreeMap<>();
    for (ProcessInstance ap : iFlyt) {
      assertThat(definisjon(ap)).as("fortsatt versjon 1").isEqualTo(v1.getId());
      for_.put(ap.getId(), tilstand(ap));
    }
    assertThat(for_.get(pilot.getId()).jobber()).extracting(Jobb::aktivitet).containsExactlyInAnyOrder(
        "Timer_PilotSlutt", "StartEvent_Rapportsyklus", "Timer_FremdriftsrapportPaminnelse");
    assertThat(for_.get(styre.getId()).jobber()).extracting(Jobb::aktivitet)
        .containsExactlyInAnyOrder("Timer_StyrePaminnelse", "Timer_StyreEskalering");

    // The plan of docs/migrering.md: equal ids map to each other, and the timers are kept as they
    // are (no updateEventTriggers: that would compute their due dates again from now).
    MigrationPlan plan = runtime.createMigrationPlan(v1.getId(), v2.getId()).mapEqualActivities().build();
    assertThat(plan.getInstructions()).extracting(MigrationInstruction::getSourceActivityId).contains(
        "Task_VurderForslag", "Task_Styrebehandling", "Timer_StyrePaminnelse", "Timer_StyreEskalering",
        "SubProcess_Pilotering", "Timer_PilotSlutt", "SubProcess_Fremdrift", "StartEvent_Rapportsyklus",
        "Task_Fremdriftsrapport", "Timer_FremdriftsrapportPaminnelse");
    assertThat(plan.getInstructions()).allSatisfy(i -> {
      assertThat(i.getTargetActivityId()).isEqualTo(i.getSourceActivityId());
      assertThat(i.isUpdateEventTrigger()).isFalse();
    });
    runtime.newMigration(plan).processInstanceIds(iFlyt.stream().map(ProcessInstance::getId).toList()).execute();

    for (ProcessInstance ap : iFlyt) {
      assertThat(definisjon(ap)).as("versjon 2").isEqualTo(v2.getId());
      assertThat(tilstand(ap)).as("tilstanden til %s etter migreringen", ap.getBusinessKey())
          .isEqualTo(for_.get(ap.getId()));
      assertThat(tasks.createTaskQuery().processInstanceId(ap.getId()).list())
          .allSatisfy(t -> assertThat(t.getProcessDefinitionId()).isEqualTo(v2.getId()));
      assertThat(management.createJobQuery().processInstanceId(ap.getId()).list()).allSatisfy(j -> {
        assertThat(j.getProcessDefinitionId()).isEqualTo(v2.getId());
        assertThat(management.createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId()).singleResult()
            .getProcessDefinitionId()).isEqualTo(v2.getId());
      });
    }

    // Each goes on to its end on version 2. The board's reminder fires from the kept timer.
    Date paminnelse = driver.jobb(styre, "Timer_StyrePaminnelse").getDuedate();
    driver.utforJobbNarDenForfaller(styre, "Timer_StyrePaminnelse");
    driver.utforJobb(styre, "EndEvent_StyrePaminnet");
    assertThat(varsellogg.forProsessinstans(styre.getId())).extracting(Varsel::hendelse)
        .contains(Varselhendelse.PAMINNELSE);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(styre.getId())
        .activityId("Timer_StyrePaminnelse").singleResult())
        .satisfies(h -> assertThat(h.getProcessDefinitionId()).isEqualTo(v2.getId()))
        .satisfies(h -> assertThat(h.getEndTime()).hasSameTimeAs(paminnelse));
    assertThat(styre).isWaitingAtExactly("Task_Styrebehandling");
    driver.fullfor(styre, "Task_Styrebehandling", STYRE_LARVIK, styrevedtak("avslatt", "9/47", "2047-03-03"));
    driver.utforJobb(styre, "EndEvent_StyreAvslatt");
    assertThat(styre).isEnded().variables().containsEntry("fase", "AVSLATT");

    // The pilot: the open report is delivered, the pilot ends, the board winds it up.
    driver.fullfor(pilot, "Task_Fremdriftsrapport", AP_LARVIK, fremdriftsrapport("gronn", 40000, false));
    assertThat(pilot).hasPassed("EndEvent_RapportMottatt").isWaitingAtExactly(PILOT_LOPER);
    tilSlutt(pilot);

    // The proposal in assessment meets version 2's new quality check on the way.
    driver.fullfor(vurdering, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
    assertThat(vurdering).isWaitingAtExactly("Task_KvalitetssikreVurdering");
    driver.fullfor(vurdering, "Task_KvalitetssikreVurdering", LEDER_LARVIK, Map.of());
    driver.fullfor(vurdering, "Task_Styrebehandling", STYRE_LARVIK, styrevedtak("godkjent", "12/47", "2047-04-07"));
    assertThat(vurdering).isWaitingAtExactly(PILOT_LOPER);
    tilSlutt(vurdering);

    for (ProcessInstance ap : iFlyt) {
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ap.getId()).singleResult()
          .getProcessDefinitionId()).isEqualTo(v2.getId());
    }
  }

  @Test
  void oppdaterteHendelsesutloserGirTidsfristerRegnetFraMigreringen() {
    // Why the plan leaves updateEventTriggers out: with it, a timer is created anew from the target
    // definition, and the board's deadlines would start over on the day of the migration.
    Date innsendt = settKlokke(pluss(START, "P1D"));
    ProcessInstance styre = start();
    driver.fullfor(styre, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
    Job for_ = driver.jobb(styre, "Timer_StyrePaminnelse");
    assertThat(for_).hasDueDate(pluss(innsendt, frister.getStyresyklus()));

    rullUtV2();
    Date migrert = settKlokke(pluss(innsendt, "P20D"));
    MigrationPlan plan = runtime.createMigrationPlan(v1.getId(), v2.getId()).mapEqualActivities()
        .updateEventTriggers().build();
    runtime.newMigration(plan).processInstanceIds(styre.getId()).execute();

    Job etter = driver.jobb(styre, "Timer_StyrePaminnelse");
    assertThat(etter).hasDueDate(pluss(migrert, frister.getStyresyklus()));
    // The task itself is kept, with its own due date.
    assertThat(driver.oppgave(styre, "Task_Styrebehandling").getDueDate())
        .hasSameTimeAs(pluss(innsendt, frister.getStyresyklus()));
  }

  // Helpers

  /** Version 2 from the test resource, with the forms of version 1's deployment (formRefBinding="deployment"). */
  private void rullUtV2() {
    DeploymentBuilder utrulling = repository.createDeployment().name(V2_UTRULLING).source(V2_UTRULLING)
        .addClasspathResource(V2_MODELL);
    for (String ressurs : repository.getDeploymentResourceNames(v1.getDeploymentId())) {
      if (ressurs.endsWith(".form")) {
        utrulling.addInputStream(ressurs, ressurs(v1.getDeploymentId(), ressurs));
      }
    }
    Deployment utrullet = utrulling.deploy();
    v2 = repository.createProcessDefinitionQuery().deploymentId(utrullet.getId())
        .processDefinitionKey(ArbeidspakkeDriver.PROSESS).singleResult();
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ArbeidspakkeDriver.PROSESS)
        .withoutTenantId().latestVersion().singleResult().getId()).isEqualTo(v2.getId());
  }

  private InputStream ressurs(String utrulling, String navn) {
    return repository.getResourceAsStream(utrulling, navn);
  }

  private void slettV2() {
    if (v2 != null) {
      repository.deleteDeployment(v2.getDeploymentId(), true);
      v2 = null;
    }
  }

  /** The pilot ends on its timer; evaluation and the board's decision to wind it up end the package. */
  private void tilSlutt(ProcessInstance ap) {
    driver.utforJobbNarDenForfaller(ap, "Timer_PilotSlutt");
    assertThat(ap).isWaitingAtExactly("Task_Evaluering");
    driver.fullfor(ap, "Task_Evaluering", AP_LARVIK, evaluering("avvikle"));
    driver.fullfor(ap, "Task_BeslutningVidereDrift", STYRE_LARVIK, videreDriftAvvikle());
    assertThat(ap).isEnded().hasPassed("EndEvent_Avviklet").variables().containsEntry("fase", "AVVIKLET");
  }

  private ProcessInstance start() {
    ProcessInstance ap = driver.startForslag(AP_LARVIK, Forslag.gyldig());
    startet.add(ap.getId());
    assertThat(ap).isWaitingAtExactly("Task_VurderForslag");
    return ap;
  }

  private String definisjon(ProcessInstance ap) {
    return runtime.createProcessInstanceQuery().processInstanceId(ap.getId()).singleResult()
        .getProcessDefinitionId();
  }

  /** What a migration must keep: variables, activity instances, open tasks and their people, timers. */
  record Tilstand(Map<String, String> variabler, List<String> variabelinstanser, List<String> aktiviteter,
      List<Oppgave> oppgaver, List<Jobb> jobber) {}

  record Oppgave(String id, String aktivitet, String navn, String tildelt, String kandidatgrupper, Long frist,
      String utforelse) {}

  record Jobb(String id, String aktivitet, Long forfall, String utforelse, int forsok) {}

  private Tilstand tilstand(ProcessInstance ap) {
    // Values as text: a JSON value (Spin) has no equals of its own.
    Map<String, String> variabler = new TreeMap<>();
    runtime.getVariables(ap.getId()).forEach((navn, verdi) -> variabler.put(navn, String.valueOf(verdi)));
    List<String> variabelinstanser = runtime.createVariableInstanceQuery().processInstanceIdIn(ap.getId()).list()
        .stream()
        .map(v -> String.join("|", v.getId(), v.getName(), v.getTypeName(), v.getExecutionId(),
            v.getActivityInstanceId(), String.valueOf(v.getValue())))
        .sorted().toList();
    // Below the root, whose activity id is the definition's id: the one thing that should change.
    List<String> aktiviteter = new ArrayList<>();
    ActivityInstance rot = runtime.getActivityInstance(ap.getId());
    aktiviteter.add("rot#" + rot.getId());
    for (ActivityInstance barn : rot.getChildActivityInstances()) {
      aktivitetsinstanser(barn, aktiviteter);
    }
    for (TransitionInstance overgang : rot.getChildTransitionInstances()) {
      aktiviteter.add(overgang.getActivityId() + "#" + overgang.getId());
    }
    List<Oppgave> oppgaver = tasks.createTaskQuery().processInstanceId(ap.getId()).orderByTaskId().asc().list()
        .stream().map(this::oppgave).toList();
    List<Jobb> jobber = management.createJobQuery().processInstanceId(ap.getId()).orderByJobId().asc().list()
        .stream().map(j -> new Jobb(j.getId(), aktivitet(j), tid(j.getDuedate()), j.getExecutionId(), j.getRetries()))
        .toList();
    assertThat(variabler).as("variabler").isNotEmpty();
    return new Tilstand(variabler, variabelinstanser, aktiviteter, oppgaver, jobber);
  }

  private String aktivitet(Job jobb) {
    return management.createJobDefinitionQuery().jobDefinitionId(jobb.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  private Oppgave oppgave(Task t) {
    String grupper = tasks.getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).map(IdentityLink::getGroupId)
        .collect(Collectors.toCollection(TreeSet::new)).toString();
    return new Oppgave(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), grupper, tid(t.getDueDate()),
        t.getExecutionId());
  }

  private static Long tid(Date tidspunkt) {
    return tidspunkt == null ? null : tidspunkt.getTime();
  }

  private static void aktivitetsinstanser(ActivityInstance instans, List<String> ut) {
    ut.add(instans.getActivityId() + "#" + instans.getId());
    for (ActivityInstance barn : instans.getChildActivityInstances()) {
      aktivitetsinstanser(barn, ut);
    }
    for (TransitionInstance overgang : instans.getChildTransitionInstances()) {
      ut.add(overgang.getActivityId() + "#" + overgang.getId());
    }
    ut.sort(null);
  }

}
