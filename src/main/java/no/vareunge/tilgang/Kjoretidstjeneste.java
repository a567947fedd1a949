package no.vareunge.tilgang;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.RestartProcessInstanceBuilderImpl;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.runtime.RestartProcessInstanceBuilder;

/**
 * The engine's runtime service, except that restarting finished instances is for technical
 * administrators only. The engine asks for nothing but READ_HISTORY on the definition, which every
 * reader of a package holds: a board member could bring back a rejected package and move it to any
 * step. (The asynchronous way starts a batch, which {@link Modellvern} refuses.)
 */
final class Kjoretidstjeneste extends RuntimeServiceImpl {

  @Override
  public RestartProcessInstanceBuilder restartProcessInstances(String processDefinitionId) {
    return new RestartProcessInstanceBuilderImpl(commandExecutor, processDefinitionId) {
      @Override
      public void execute() {
        if (!commandExecutor.execute(Modellvern::administratorEllerSystemet)) {
          throw new AuthorizationException(Modellvern.MELDING);
        }
        super.execute();
      }
    };
  }
}
