package no.vareunge.tilgang;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;

/**
 * Who may work on a task (claim it, complete it, submit its form): the engine's own check, and
 * then the task's own people. The decision makers of a kommune hold TASK_WORK on {@code
 * arbeidspakke} as a whole (see {@link Oppgavetilgang} for why), which alone would let the board
 * complete the lokal leder's assessment. So the one working must also be the assignee or owner, a
 * candidate user or a member of a candidate group, or be allowed to update the task
 * (administrators). What no one but an administrator may do regardless of grants is in
 * {@link Modellvern}.
 */
final class Oppgavearbeid extends Modellvern {

  @Override
  public void checkTaskWork(TaskEntity oppgave) {
    try {
      super.checkTaskWork(oppgave);
    } catch (AuthorizationException e) {
      // The engine's own refusal names permissions in English; say it as the rule below does.
      throw ikkeDin(oppgave);
    }
    CommandContext kommando = Context.getCommandContext();
    Authentication bruker = kommando.getAuthentication();
    if (!kommando.getProcessEngineConfiguration().isAuthorizationEnabled() || !kommando.isAuthorizationCheckEnabled()
        || bruker == null || bruker.getUserId() == null) {
      return; // the system itself: jobs, listeners, set-up
    }
    if (erEgen(oppgave, bruker)
        || getAuthorizationManager().isAuthorized(Permissions.UPDATE, Resources.TASK, oppgave.getId())) {
      return;
    }
    throw ikkeDin(oppgave);
  }

  /** Giving a task to someone else (or taking it from its holder) is the administrators'. */
  @Override
  public void checkTaskAssign(TaskEntity oppgave) {
    try {
      super.checkTaskAssign(oppgave);
    } catch (AuthorizationException e) {
      throw new AuthorizationException("Du kan ikke gi oppgaven «" + oppgave.getName() + "» til noen andre eller ta "
          + "den fra den som har den. Den som har tatt oppgaven, kan gi den tilbake.");
    }
  }

  private static AuthorizationException ikkeDin(TaskEntity oppgave) {
    return new AuthorizationException("Oppgaven «" + oppgave.getName() + "» er ikke din: bare den som har fått den, "
        + "eller en i gruppen den er sendt til, kan ta eller fullføre den.");
  }

  private static boolean erEgen(TaskEntity oppgave, Authentication bruker) {
    String id = bruker.getUserId();
    if (id.equals(oppgave.getAssignee()) || id.equals(oppgave.getOwner())) {
      return true;
    }
    for (IdentityLink kandidat : oppgave.getCandidates()) {
      if (id.equals(kandidat.getUserId())
          || (kandidat.getGroupId() != null && bruker.getGroupIds() != null
              && bruker.getGroupIds().contains(kandidat.getGroupId()))) {
        return true;
      }
    }
    return false;
  }
}
