package no.vareunge.rapportering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import no.vareunge.TestBrukere;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives process {@code styrerapport}: started by its timer or by programleder, each job run
 * explicitly (no job executor in tests), the approval completed as programleder does in Tasklist.
 */
public final class StyrerapportDriver {

  static final String PROSESS = "styrerapport";

  private final ProcessEngine engine;
  private final ManagementService jobber;
  private final TaskService oppgaver;
  private final IdentityService identitet;
  private final RepositoryService repository;
  private final ArbeidspakkeDriver oppgavedriver;

  public StyrerapportDriver(ProcessEngine engine) {
    this.engine = engine;
    this.jobber = engine.getManagementService();
    this.oppgaver = engine.getTaskService();
    this.identitet = engine.getIdentityService();
    this.repository = engine.getRepositoryService();
    this.oppgavedriver = new ArbeidspakkeDriver(engine);
  }

  /** The timer of the latest version's start event (the only one: older versions lose theirs). */
  Job tidsplan() {
    String definisjon = repository.createProcessDefinitionQuery().processDefinitionKey(PROSESS).latestVersion()
        .singleResult().getId();
    List<Job> timere = jobber.createJobQuery().processDefinitionKey(PROSESS).timers().list().stream()
        .filter(j -> j.getProcessInstanceId() == null).toList();
    assertThat(timere).as("tidsstart for styrerapport").hasSize(1);
    assertThat(timere.get(0).getProcessDefinitionId()).isEqualTo(definisjon);
    return timere.get(0);
  }

  /** Programleder (or whoever) orders a report in Tasklist: the definition is started with its start form. */
  ProcessInstance bestill(String bruker) {
    return somBruker(bruker, () -> engine.getRuntimeService().startProcessInstanceByKey(PROSESS));
  }

  /** Runs the asynchronous step {@code aktivitet} of the instance, which is due now. */
  void utfor(ProcessInstance rapport, String aktivitet) {
    Job jobb = jobb(rapport, aktivitet);
    assertThat(jobb.getDuedate() == null || !jobb.getDuedate().after(ClockUtil.getCurrentTime()))
        .as("jobben for %s er forfalt", aktivitet).isTrue();
    jobber.executeJob(jobb.getId());
  }

  Job jobb(ProcessInstance rapport, String aktivitet) {
    Job jobb = jobber.createJobQuery().processInstanceId(rapport.getId()).activityId(aktivitet).singleResult();
    assertThat(jobb).as("jobb for %s", aktivitet).isNotNull();
    return jobb;
  }

  Task godkjenning(ProcessInstance rapport) {
    Task oppgave = oppgaver.createTaskQuery().processInstanceId(rapport.getId())
        .taskDefinitionKey("Task_GodkjennRapport").singleResult();
    assertThat(oppgave).as("Godkjenn rapport").isNotNull();
    return oppgave;
  }

  void godkjenn(ProcessInstance rapport, String kommentar) {
    oppgavedriver.fullfor(godkjenning(rapport), TestBrukere.PROGRAMLEDER,
        kommentar == null ? Map.of("rapportbeslutning", "godkjent")
            : Map.of("rapportbeslutning", "godkjent", "rapportkommentar", kommentar));
  }

  void lagNy(ProcessInstance rapport, String grunn) {
    oppgavedriver.fullfor(godkjenning(rapport), TestBrukere.PROGRAMLEDER,
        Map.of("rapportbeslutning", "lagNy", "rapportendring", grunn));
  }

  /** The whole way from an order to the archive, at the engine clock's time; returns the report's id. */
  public long helVeien(Date tidspunkt) {
    ClockUtil.setCurrentTime(tidspunkt);
    ProcessInstance rapport = bestill(TestBrukere.PROGRAMLEDER);
    utfor(rapport, "Task_SammenstillTall");
    godkjenn(rapport, null);
    utfor(rapport, "Task_SendRapport");
    utfor(rapport, "Task_ArkiverRapport");
    return rapportId(rapport);
  }

  long rapportId(ProcessInstance rapport) {
    return (Long) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(rapport.getId()).variableName("rapportId").singleResult().getValue();
  }

  <T> T somBruker(String bruker, Supplier<T> handling) {
    List<String> grupper = identitet.createGroupQuery().groupMember(bruker).list().stream().map(Group::getId).toList();
    List<String> kommuner = identitet.createTenantQuery().userMember(bruker).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identitet.setAuthentication(bruker, grupper, kommuner);
    try {
      return handling.get();
    } finally {
      identitet.clearAuthentication();
    }
  }
}
