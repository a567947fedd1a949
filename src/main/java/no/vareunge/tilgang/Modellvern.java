package no.vareunge.tilgang;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.batch.BatchEntity;
import org.camunda.bpm.engine.impl.batch.history.HistoricBatchEntity;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * A package's data and path change only through its forms and its model. Camunda's permissions are
 * coarser than the program's decision rights: UPDATE_INSTANCE, for example, allows a message
 * correlation and also editing variables, modifying and suspending the instance; TASK_WORK allows
 * completing a task and also setting its variables. So, whatever a grant says, a signed-in user who
 * is not a technical administrator ({@code camunda-admin}) may not, through any API:
 * <ul>
 *   <li>set or remove process, execution or task variables outside a form submission;
 *   <li>modify, restart, migrate, suspend, signal or delete an instance, or create or resolve an
 *       incident in it; start batches;
 *   <li>change a definition (suspension, history time to live) or delete history;
 *   <li>execute a job, set its retries, due date or priority, or delete it, and read or change the
 *       engine's own jobs (history clean-up), which belong to no process.
 * </ul>
 * The engine itself (jobs, listeners) and the application's own services acting as the system are
 * not affected: they run without authentication or with authorization checks switched off. Stopping a
 * pilot goes through the program's own service (no.vareunge.arbeidspakke.Pilotavbrudd), which checks
 * exactly that right.
 */
class Modellvern extends AuthorizationCommandChecker {

  static final String MELDING = "Arbeidspakkens data og vei endres bare gjennom skjemaene og prosessmodellen. "
      + "Dette kan bare en teknisk administrator gjøre.";

  /** Refuses unless the engine itself acts, or a technical administrator. */
  static void bareAdministrator() {
    if (!administratorEllerSystemet(Context.getCommandContext())) {
      throw new AuthorizationException(MELDING);
    }
  }

  /** The engine itself (no user, or checks switched off), or a technical administrator. */
  static boolean administratorEllerSystemet(CommandContext kommando) {
    Authentication bruker = kommando.getAuthentication();
    return !kommando.getProcessEngineConfiguration().isAuthorizationEnabled() || !kommando.isAuthorizationCheckEnabled()
        || bruker == null || bruker.getUserId() == null || kommando.getAuthorizationManager().isCamundaAdmin(bruker);
  }

  // ------------------------------------------------------------------ variables

  @Override
  public void checkUpdateProcessInstanceVariables(ExecutionEntity execution) {
    bareAdministrator();
    super.checkUpdateProcessInstanceVariables(execution);
  }

  @Override
  public void checkUpdateTaskVariable(TaskEntity task) {
    bareAdministrator();
    super.checkUpdateTaskVariable(task);
  }

  // ------------------------------------------------------------------ instances

  @Override
  public void checkUpdateProcessInstance(ExecutionEntity execution) {
    bareAdministrator();
    super.checkUpdateProcessInstance(execution);
  }

  @Override
  public void checkUpdateProcessInstanceById(String processInstanceId) {
    bareAdministrator();
    super.checkUpdateProcessInstanceById(processInstanceId);
  }

  @Override
  public void checkUpdateProcessInstanceSuspensionStateById(String processInstanceId) {
    bareAdministrator();
    super.checkUpdateProcessInstanceSuspensionStateById(processInstanceId);
  }

  @Override
  public void checkUpdateProcessInstanceByProcessDefinitionId(String processDefinitionId) {
    bareAdministrator();
    super.checkUpdateProcessInstanceByProcessDefinitionId(processDefinitionId);
  }

  @Override
  public void checkUpdateProcessInstanceByProcessDefinitionKey(String processDefinitionKey) {
    bareAdministrator();
    super.checkUpdateProcessInstanceByProcessDefinitionKey(processDefinitionKey);
  }

  @Override
  public void checkUpdateProcessInstanceSuspensionStateByProcessDefinitionId(String processDefinitionId) {
    bareAdministrator();
    super.checkUpdateProcessInstanceSuspensionStateByProcessDefinitionId(processDefinitionId);
  }

  @Override
  public void checkUpdateProcessInstanceSuspensionStateByProcessDefinitionKey(String processDefinitionKey) {
    bareAdministrator();
    super.checkUpdateProcessInstanceSuspensionStateByProcessDefinitionKey(processDefinitionKey);
  }

  @Override
  public void checkUpdateRetriesProcessInstanceByProcessDefinitionId(String processDefinitionId) {
    bareAdministrator();
    super.checkUpdateRetriesProcessInstanceByProcessDefinitionId(processDefinitionId);
  }

  @Override
  public void checkDeleteProcessInstance(ExecutionEntity execution) {
    bareAdministrator();
    super.checkDeleteProcessInstance(execution);
  }

  @Override
  public void checkMigrateProcessInstance(ExecutionEntity processInstance, ProcessDefinition targetProcessDefinition) {
    bareAdministrator();
    super.checkMigrateProcessInstance(processInstance, targetProcessDefinition);
  }

  @Override
  public void checkCreateMigrationPlan(ProcessDefinition source, ProcessDefinition target) {
    bareAdministrator();
    super.checkCreateMigrationPlan(source, target);
  }

  @Override
  public void checkCreateBatch(Permission permission) {
    bareAdministrator();
    super.checkCreateBatch(permission);
  }

  @Override
  public void checkDeleteBatch(BatchEntity batch) {
    bareAdministrator();
    super.checkDeleteBatch(batch);
  }

  @Override
  public void checkSuspendBatch(BatchEntity batch) {
    bareAdministrator();
    super.checkSuspendBatch(batch);
  }

  @Override
  public void checkActivateBatch(BatchEntity batch) {
    bareAdministrator();
    super.checkActivateBatch(batch);
  }

  @Override
  public void checkDeleteTask(TaskEntity task) {
    bareAdministrator();
    super.checkDeleteTask(task);
  }

  // ------------------------------------------------------------------ definitions and history

  @Override
  public void checkUpdateProcessDefinitionById(String processDefinitionId) {
    bareAdministrator();
    super.checkUpdateProcessDefinitionById(processDefinitionId);
  }

  @Override
  public void checkUpdateProcessDefinitionByKey(String processDefinitionKey) {
    bareAdministrator();
    super.checkUpdateProcessDefinitionByKey(processDefinitionKey);
  }

  @Override
  public void checkUpdateProcessDefinitionSuspensionStateById(String processDefinitionId) {
    bareAdministrator();
    super.checkUpdateProcessDefinitionSuspensionStateById(processDefinitionId);
  }

  @Override
  public void checkUpdateProcessDefinitionSuspensionStateByKey(String processDefinitionKey) {
    bareAdministrator();
    super.checkUpdateProcessDefinitionSuspensionStateByKey(processDefinitionKey);
  }

  @Override
  public void checkUpdateDecisionDefinitionById(String decisionDefinitionId) {
    bareAdministrator();
    super.checkUpdateDecisionDefinitionById(decisionDefinitionId);
  }

  @Override
  public void checkDeleteHistoricProcessInstance(HistoricProcessInstance instance) {
    bareAdministrator();
    super.checkDeleteHistoricProcessInstance(instance);
  }

  @Override
  public void checkDeleteHistoricTaskInstance(HistoricTaskInstanceEntity task) {
    bareAdministrator();
    super.checkDeleteHistoricTaskInstance(task);
  }

  @Override
  public void checkDeleteHistoricDecisionInstance(String decisionDefinitionKey) {
    bareAdministrator();
    super.checkDeleteHistoricDecisionInstance(decisionDefinitionKey);
  }

  @Override
  public void checkDeleteHistoricDecisionInstance(HistoricDecisionInstance instance) {
    bareAdministrator();
    super.checkDeleteHistoricDecisionInstance(instance);
  }

  @Override
  public void checkDeleteHistoricVariableInstance(HistoricVariableInstanceEntity variable) {
    bareAdministrator();
    super.checkDeleteHistoricVariableInstance(variable);
  }

  @Override
  public void checkDeleteHistoricVariableInstancesByProcessInstance(HistoricProcessInstanceEntity instance) {
    bareAdministrator();
    super.checkDeleteHistoricVariableInstancesByProcessInstance(instance);
  }

  @Override
  public void checkDeleteHistoricBatch(HistoricBatchEntity batch) {
    bareAdministrator();
    super.checkDeleteHistoricBatch(batch);
  }

  @Override
  public void checkUpdateUserOperationLog(UserOperationLogEntry entry) {
    bareAdministrator();
    super.checkUpdateUserOperationLog(entry);
  }

  @Override
  public void checkDeleteUserOperationLog(UserOperationLogEntry entry) {
    bareAdministrator();
    super.checkDeleteUserOperationLog(entry);
  }

  // ------------------------------------------------------------------ jobs

  @Override
  public void checkUpdateJob(JobEntity job) {
    bareAdministrator();
    super.checkUpdateJob(job);
  }

  @Override
  public void checkUpdateRetriesJob(JobEntity job) {
    bareAdministrator();
    super.checkUpdateRetriesJob(job);
  }

  @Override
  public void checkReadJob(JobEntity job) {
    if (job.getProcessDefinitionKey() == null) {
      bareAdministrator(); // the engine's own jobs, which the engine would show anyone
    }
    super.checkReadJob(job);
  }
}
