package no.vareunge.arbeidspakke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives process {@code arbeidspakke} through the Java API the way its users do through
 * Tasklist: log in, (claim,) complete the task with what the form submits, log out. Timers and
 * asynchronous steps are run here by executing their jobs, since the job executor is off in tests.
 */
public final class ArbeidspakkeDriver {

  public static final String PROSESS = "arbeidspakke";

  private final String prosess;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ManagementService management;
  private final Pilotavbrudd pilotavbrudd;

  public ArbeidspakkeDriver(ProcessEngine engine) {
    this(engine, PROSESS);
  }

  /** Drives another process with the same task ids (the benchmark's baseline, bench/grunnlinje.bpmn). */
  public ArbeidspakkeDriver(ProcessEngine engine, String prosess) {
    this.prosess = prosess;
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.identity = engine.getIdentityService();
    this.management = engine.getManagementService();
    this.pilotavbrudd = new Pilotavbrudd(engine);
  }

  /** An arbeidspakke-leder submits the start form. */
  public ProcessInstance startForslag(String innsender, Map<String, Object> forslag) {
    loggInn(innsender);
    try {
      return runtime.startProcessInstanceByKey(prosess, forslag);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The one open task of {@code aktivitet} in the instance. */
  public Task oppgave(ProcessInstance instans, String aktivitet) {
    Task oppgave = tasks.createTaskQuery().processInstanceId(instans.getId()).taskDefinitionKey(aktivitet)
        .singleResult();
    assertThat(oppgave).as("åpen oppgave %s", aktivitet).isNotNull();
    return oppgave;
  }

  public void fullfor(ProcessInstance instans, String aktivitet, String bruker, Map<String, Object> svar) {
    fullfor(oppgave(instans, aktivitet), bruker, svar);
  }

  /**
   * {@code bruker} completes the task: only someone who may (the assignee, or a member of a
   * candidate group) gets that far, and an unassigned task is claimed first, as in Tasklist.
   */
  public void fullfor(Task oppgave, String bruker, Map<String, Object> svar) {
    boolean kan = bruker.equals(oppgave.getAssignee())
        || tasks.createTaskQuery().taskId(oppgave.getId()).taskCandidateUser(bruker).count() == 1;
    assertThat(kan).as("%s kan utføre %s", bruker, oppgave.getTaskDefinitionKey()).isTrue();
    loggInn(bruker);
    try {
      if (oppgave.getAssignee() == null) {
        tasks.claim(oppgave.getId(), bruker);
      }
      tasks.complete(oppgave.getId(), svar);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The lokal leder or the board stops the pilot, the program's way (Pilotavbrudd); null: no reason given. */
  public void avbrytPilot(String bruker, String referanse, String begrunnelse) {
    ProcessInstance instans = runtime.createProcessInstanceQuery().processInstanceBusinessKey(referanse).singleResult();
    assertThat(instans).as("arbeidspakke %s", referanse).isNotNull();
    loggInn(bruker);
    try {
      pilotavbrudd.avbryt(instans.getId(), instans.getTenantId(), begrunnelse);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The one job (timer or asynchronous step) of {@code aktivitet} in the instance. */
  public Job jobb(ProcessInstance instans, String aktivitet) {
    Job jobb = management.createJobQuery().processInstanceId(instans.getId()).activityId(aktivitet).singleResult();
    assertThat(jobb).as("jobb for %s", aktivitet).isNotNull();
    return jobb;
  }

  public long antallJobber(ProcessInstance instans, String aktivitet) {
    return management.createJobQuery().processInstanceId(instans.getId()).activityId(aktivitet).count();
  }

  /** Runs a job that is due now, e.g. an asynchronous notification. */
  public void utforJobb(ProcessInstance instans, String aktivitet) {
    Job jobb = jobb(instans, aktivitet);
    assertThat(jobb.getDuedate() == null || !jobb.getDuedate().after(ClockUtil.getCurrentTime()))
        .as("jobben for %s er forfalt", aktivitet).isTrue();
    management.executeJob(jobb.getId());
  }

  /** Moves the engine clock to the job's due date and runs it, as the job executor would. */
  public void utforJobbNarDenForfaller(ProcessInstance instans, String aktivitet) {
    Date forfall = jobb(instans, aktivitet).getDuedate();
    assertThat(forfall).as("forfall for %s", aktivitet).isNotNull().isAfterOrEqualTo(ClockUtil.getCurrentTime());
    ClockUtil.setCurrentTime(forfall);
    utforJobb(instans, aktivitet);
  }

  /** Logs in with the user's groups and kommuner (tenants), as the web apps and the REST API do. */
  private void loggInn(String bruker) {
    List<String> grupper = identity.createGroupQuery().groupMember(bruker).list().stream().map(Group::getId).toList();
    List<String> kommuner = identity.createTenantQuery().userMember(bruker).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identity.setAuthentication(bruker, grupper, kommuner);
  }
}
