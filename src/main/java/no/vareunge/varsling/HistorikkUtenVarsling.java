package no.vareunge.varsling;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The engine's history, except of process {@code varsling}. A notification is one e-mail: what
 * was sent to whom, when, and how it went is in the notification log (table {@code varsel},
 * {@code GET /api/varsler}). Its history in the engine (the instance, its activity, each of its
 * ten variables twice, the job log) was written in the transaction of the user's step, once per
 * new task and decision, for nothing anyone reads; without it a lifecycle is about an eighth
 * faster (docs/ytelse.md). A notification that fails is still an incident, at runtime, and
 * what an administrator does about it (the user operation log) is still kept.
 */
final class HistorikkUtenVarsling implements HistoryEventHandler {

  private final HistoryEventHandler motorens;

  HistorikkUtenVarsling(HistoryEventHandler motorens) {
    this.motorens = motorens;
  }

  @Override
  public void handleEvent(HistoryEvent hendelse) {
    if (!Varslingsstart.PROSESS.equals(hendelse.getProcessDefinitionKey())
        || hendelse instanceof UserOperationLogEntryEventEntity) {
      motorens.handleEvent(hendelse);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> hendelser) {
    hendelser.forEach(this::handleEvent);
  }
}
