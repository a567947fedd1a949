package no.vareunge.tilgang;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.impl.management.UpdateJobSuspensionStateBuilderImpl;
import org.camunda.bpm.engine.management.UpdateJobSuspensionStateSelectBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;

/**
 * The engine's management service, except that suspending or activating a job by its id is refused
 * to everyone but a technical administrator. The engine checks nothing at all there for its own jobs
 * (history clean-up, which belongs to no process), so any signed-in user could switch the retention
 * policy off; every other change to a job goes through {@link Modellvern}. Running a job by hand is
 * refused before the job starts ({@link #executeJob}), and only administrators see that job at all
 * ({@link Jobbsok}).
 */
final class Jobbtjeneste extends ManagementServiceImpl {

  Jobbtjeneste(ProcessEngineConfiguration konfigurasjon) {
    super(konfigurasjon);
  }

  @Override
  public JobQuery createJobQuery() {
    return new Jobbsok(commandExecutor);
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

  /**
   * The engine's job query, but the engine's own job (history clean-up, which belongs to no process)
   * is not listed, counted or found by id for anyone but an administrator: the engine shows it to
   * every signed-in user.
   */
  private static final class Jobbsok extends JobQueryImpl {

    Jobbsok(CommandExecutor kommandoer) {
      super(kommandoer);
    }

    @Override
    public List<Job> executeList(CommandContext kommando, Page side) {
      List<Job> jobber = super.executeList(kommando, side);
      return Modellvern.administratorEllerSystemet(kommando) ? jobber
          : jobber.stream().filter(j -> j.getProcessDefinitionKey() != null).toList();
    }

    @Override
    public long executeCount(CommandContext kommando) {
      long alle = super.executeCount(kommando);
      if (Modellvern.administratorEllerSystemet(kommando)) {
        return alle;
      }
      Set<String> motorens = new HashSet<>();
      kommando.getJobManager().findJobsByHandlerType(HistoryCleanupJobHandler.TYPE).forEach(j -> motorens.add(j.getId()));
      if (ids != null) {
        motorens.retainAll(ids);
      }
      if (motorens.isEmpty()) {
        return alle;
      }
      // How many of them the same query counts: the same criteria, narrowed to their ids.
      Set<String> for_ = ids;
      ids = motorens;
      try {
        return alle - super.executeCount(kommando);
      } finally {
        ids = for_;
      }
    }
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
