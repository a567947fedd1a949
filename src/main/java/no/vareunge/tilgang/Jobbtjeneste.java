package no.vareunge.tilgang;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.management.UpdateJobSuspensionStateBuilderImpl;
import org.camunda.bpm.engine.management.UpdateJobSuspensionStateSelectBuilder;

/**
 * The engine's management service, except that suspending or activating a job by its id is refused
 * to everyone but a technical administrator. The engine checks nothing at all there for its own jobs
 * (history clean-up, which belongs to no process), so any signed-in user could switch the retention
 * policy off; every other change to a job goes through {@link Modellvern}. Running a job by hand is
 * refused before the job starts ({@link #executeJob}).
 */
final class Jobbtjeneste extends ManagementServiceImpl {

  Jobbtjeneste(ProcessEngineConfiguration konfigurasjon) {
    super(konfigurasjon);
  }

  @Override
  public UpdateJobSuspensionStateSelectBuilder updateJobSuspensionState() {
    return new Suspensjon(commandExecutor);
  }

  /**
   * Checked before the engine runs the job: the engine checks inside the job's own command, and a
   * refusal there counts as a failure of the job, so that anyone who saw a timer could use up its
   * retries and raise an incident.
   */
  @Override
  public void executeJob(String jobId) {
    if (!commandExecutor.execute(Modellvern::administratorEllerSystemet)) {
      throw new AuthorizationException(Modellvern.MELDING);
    }
    super.executeJob(jobId);
  }

  private static final class Suspensjon extends UpdateJobSuspensionStateBuilderImpl {

    Suspensjon(CommandExecutor kommandoer) {
      super(kommandoer);
    }

    @Override
    public void activate() {
      sjekk();
      super.activate();
    }

    @Override
    public void suspend() {
      sjekk();
      super.suspend();
    }

    /** A job of a process instance or definition is checked by the engine; this is for the rest. */
    private void sjekk() {
      if (jobId != null && !commandExecutor.execute(Modellvern::administratorEllerSystemet)) {
        throw new AuthorizationException(Modellvern.MELDING);
      }
    }
  }
}
