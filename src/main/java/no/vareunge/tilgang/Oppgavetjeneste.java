package no.vareunge.tilgang;

import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The engine's task service, except that the one who holds a task may give it back, and that a
 * BPMN error or escalation on a user task is refused when the model does not catch it there (a
 * boundary event on the task or around it, or an event sub-process). Working on a task is all the
 * engine asks for, and an error nobody catches ends the whole instance: the person at the task could
 * end a package without any decision. A technical administrator may still do it.
 */
final class Oppgavetjeneste extends TaskServiceImpl {

  /**
   * Giving a task back (Tasklist's «Frigi»): the one who holds it may always do that, although the
   * engine asks for TASK_ASSIGN, which only administrators have. Assigning to someone else is
   * still the engine's check.
   */
  @Override
  public void setAssignee(String taskId, String userId) {
    if (userId != null) {
      super.setAssignee(taskId, userId);
      return;
    }
    commandExecutor.execute(kommando -> {
      TaskEntity oppgave = taskId == null ? null : kommando.getTaskManager().findTaskById(taskId);
      var bruker = kommando.getAuthentication();
      if (oppgave != null && bruker != null && bruker.getUserId() != null
          && bruker.getUserId().equals(oppgave.getAssignee())) {
        return new ClaimTaskCmd(taskId, null).execute(kommando); // checks only that one may work on it
      }
      return new AssignTaskCmd(taskId, null).execute(kommando);
    });
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode) {
    handleBpmnError(taskId, errorCode, null, null);
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
    handleBpmnError(taskId, errorCode, errorMessage, null);
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
    utfor(taskId, "feilen", errorCode, d -> d instanceof ErrorEventDefinition f
        && (f.getError() == null || errorCode.equals(f.getError().getErrorCode())),
        new HandleTaskBpmnErrorCmd(taskId, errorCode, errorMessage, variables));
  }

  @Override
  public void handleEscalation(String taskId, String escalationCode) {
    handleEscalation(taskId, escalationCode, null);
  }

  @Override
  public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
    utfor(taskId, "eskaleringen", escalationCode, d -> d instanceof EscalationEventDefinition e
        && (e.getEscalation() == null || escalationCode.equals(e.getEscalation().getEscalationCode())),
        new HandleTaskEscalationCmd(taskId, escalationCode, variables));
  }

  /** Checks and handles in one transaction. */
  private void utfor(String oppgaveId, String hva, String kode, Predicate<EventDefinition> fanger, Command<Void> cmd) {
    commandExecutor.execute(kommando -> {
      TaskEntity oppgave = oppgaveId == null ? null : kommando.getTaskManager().findTaskById(oppgaveId);
      if (oppgave != null && oppgave.getProcessDefinitionId() != null && kode != null
          && !Modellvern.administratorEllerSystemet(kommando)) {
        // Whether one may work on the task at all comes first, so that nothing is told about another's task.
        for (CommandChecker sjekk : kommando.getProcessEngineConfiguration().getCommandCheckers()) {
          sjekk.checkTaskWork(oppgave);
        }
        if (!fanges(kommando, oppgave, fanger)) {
          throw new AuthorizationException("Prosessmodellen venter ikke " + hva + " «" + kode + "» ved oppgaven «"
              + oppgave.getName() + "». Fullfør oppgaven med skjemaet i stedet.");
        }
      }
      return cmd.execute(kommando);
    });
  }

  /** Whether a boundary event on the task or an enclosing sub-process, or an event sub-process, catches it. */
  private static boolean fanges(CommandContext kommando, TaskEntity oppgave, Predicate<EventDefinition> fanger) {
    BpmnModelInstance modell = kommando.getProcessEngineConfiguration().getDeploymentCache()
        .findBpmnModelInstanceForProcessDefinition(oppgave.getProcessDefinitionId());
    ModelElementInstance aktivitet = modell.getModelElementById(oppgave.getTaskDefinitionKey());
    for (ModelElementInstance e = aktivitet; e != null; e = e.getParentElement()) {
      ModelElementInstance omfang = e;
      boolean grense = modell.getModelElementsByType(BoundaryEvent.class).stream()
          .filter(b -> b.getAttachedTo() == omfang)
          .anyMatch(b -> b.getEventDefinitions().stream().anyMatch(fanger));
      boolean hendelsesdelprosess = e.getChildElementsByType(SubProcess.class).stream()
          .filter(SubProcess::triggeredByEvent)
          .flatMap(s -> s.getChildElementsByType(StartEvent.class).stream())
          .anyMatch(s -> s.getEventDefinitions().stream().anyMatch(fanger));
      if (grense || hendelsesdelprosess) {
        return true;
      }
    }
    return false;
  }
}
