package no.vareunge.tilgang;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's grants per task, except to the groups that hold their task rights on the whole
 * process definition ({@link Tilgangsoppsett#arbeiderPaHeleDefinisjonen}). A grant per task makes
 * the engine's task query compare every open task with every such grant of the reader's groups,
 * and a board has one per open case: the task list grew with the square of the board's open
 * tasks (docs/ytelse.md). Who may actually work on a task is still the task's own people
 * ({@link Oppgavearbeid}); the kommune boundary is the tenant check.
 */
final class Oppgavetilgang extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task oppgave, String gruppe, String type) {
    if (Tilgangsoppsett.arbeiderPaHeleDefinisjonen(gruppe)) {
      return new AuthorizationEntity[0];
    }
    return super.newTaskGroupIdentityLink(oppgave, gruppe, type);
  }
}
