package no.vareunge.varsling;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives packages far enough to raise notifications, the way users do (logged in, with their
 * groups and kommuner), and finds the notifications' jobs and the e-mails.
 */
final class Varslingsdriver {

  final RuntimeService runtime;
  final TaskService tasks;
  final IdentityService identity;
  final ManagementService management;

  Varslingsdriver(ProcessEngine engine) {
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    identity = engine.getIdentityService();
    management = engine.getManagementService();
  }

  ProcessInstance start(String innsender, Map<String, Object> forslag) {
    loggInn(innsender);
    try {
      return runtime.startProcessInstanceByKey("arbeidspakke", forslag);
    } finally {
      identity.clearAuthentication();
    }
  }

  Task oppgave(ProcessInstance ap, String aktivitet) {
    Task t = tasks.createTaskQuery().processInstanceId(ap.getId()).taskDefinitionKey(aktivitet).singleResult();
    assertThat(t).as("åpen oppgave %s", aktivitet).isNotNull();
    return t;
  }

  void fullfor(ProcessInstance ap, String aktivitet, String bruker, Map<String, Object> svar) {
    Task t = oppgave(ap, aktivitet);
    loggInn(bruker);
    try {
      if (t.getAssignee() == null) {
        tasks.claim(t.getId(), bruker);
      }
      tasks.complete(t.getId(), svar);
    } finally {
      identity.clearAuthentication();
    }
  }

  String referanse(ProcessInstance ap) {
    return (String) runtime.getVariable(ap.getId(), "referanse");
  }

  /** The instances of process varsling for the package with this hendelse, oldest first. */
  List<ProcessInstance> varslinger(String referanse, Varselhendelse hendelse) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("varsling")
        .variableValueEquals("referanse", referanse).variableValueEquals("hendelse", hendelse.name()).list();
  }

  ProcessInstance varsling(String referanse, Varselhendelse hendelse) {
    List<ProcessInstance> funnet = varslinger(referanse, hendelse);
    assertThat(funnet).as("varsling %s for %s", hendelse, referanse).hasSize(1);
    return funnet.get(0);
  }

  /** The job of an instance's one asynchronous step (a notification, a timer). */
  Job jobb(String prosessinstansId, String aktivitet) {
    Job jobb = management.createJobQuery().processInstanceId(prosessinstansId).activityId(aktivitet).singleResult();
    assertThat(jobb).as("jobb for %s", aktivitet).isNotNull();
    return jobb;
  }

  void utfor(String prosessinstansId, String aktivitet) {
    management.executeJob(jobb(prosessinstansId, aktivitet).getId());
  }

  /** Sends the notification: runs the varsling instance's job. */
  void send(ProcessInstance varsling) {
    utfor(varsling.getId(), "Task_SendVarsel");
  }

  void loggInn(String bruker) {
    List<String> grupper = identity.createGroupQuery().groupMember(bruker).list().stream().map(Group::getId).toList();
    List<String> kommuner = identity.createTenantQuery().userMember(bruker).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identity.setAuthentication(bruker, grupper, kommuner);
  }

  static Map<String, Object> svar(Object... parVis) {
    Map<String, Object> svar = new LinkedHashMap<>();
    for (int i = 0; i < parVis.length; i += 2) {
      svar.put((String) parVis[i], parVis[i + 1]);
    }
    return svar;
  }

  static Map<String, Object> styrevedtak(String vedtak, String sakNr) {
    Map<String, Object> s = svar("styrevedtak", vedtak, "styreSakNr", sakNr, "styreMotedato", "2030-01-29",
        "styreBegrunnelse", "Styret mener at " + vedtak + " er riktig.");
    if ("godkjent".equals(vedtak)) {
      s.put("styreBetingelser", "Rapport hver styresyklus.");
    }
    return s;
  }

  /** The text/plain and text/html parts of a mail. */
  static Map<String, String> deler(MimeMessage melding) {
    Map<String, String> deler = new LinkedHashMap<>();
    try {
      samle(melding, deler);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return deler;
  }

  private static void samle(Part del, Map<String, String> deler) throws Exception {
    if (del.isMimeType("text/plain")) {
      deler.put("text/plain", (String) del.getContent());
    } else if (del.isMimeType("text/html")) {
      deler.put("text/html", (String) del.getContent());
    } else if (del.getContent() instanceof Multipart flere) {
      for (int i = 0; i < flere.getCount(); i++) {
        BodyPart b = flere.getBodyPart(i);
        samle(b, deler);
      }
    }
  }
}
