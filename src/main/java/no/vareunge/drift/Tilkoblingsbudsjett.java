package no.vareunge.drift;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Why the connection pool cannot run dry. A request or a job holds one connection for its whole
 * transaction. Only one thing takes a second one at the same time: the notification log, which
 * writes what happened to each recipient in a transaction of its own so that it survives a failed
 * job (no.vareunge.varsling.Varsellogg), and it runs only in the job executor's threads. Web threads
 * never hold two (the reference counter counts in the start's own transaction). So with at most J
 * job threads, a pool of P connections never starves when P > J: if all P are taken, at most J of
 * them belong to threads waiting for a second one, and the others finish and give theirs back.
 * The application refuses to start when the settings break that rule, naming both.
 */
@Component
class Tilkoblingsbudsjett {

  private final DataSource database;
  private final ProcessEngine engine;

  Tilkoblingsbudsjett(DataSource database, ProcessEngine engine) {
    this.database = database;
    this.engine = engine;
  }

  @EventListener(ApplicationReadyEvent.class)
  void kontroller() {
    HikariDataSource pool;
    try {
      pool = database.unwrap(HikariDataSource.class);
    } catch (java.sql.SQLException e) {
      return; // another pool: its sizing is the operator's
    }
    int jobbtraader = jobbtraader(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getJobExecutor());
    if (pool.getMaximumPoolSize() <= jobbtraader) {
      throw new IllegalStateException("spring.datasource.hikari.maximum-pool-size (" + pool.getMaximumPoolSize()
          + ") må være større enn antall tråder i jobbkjøreren, camunda.bpm.job-execution.max-pool-size ("
          + jobbtraader + "): ellers kan varslingsjobbene bruke opp tilkoblingene til databasen.");
    }
  }

  static int jobbtraader(JobExecutor jobbkjorer) {
    if (jobbkjorer instanceof SpringJobExecutor spring && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor t) {
      return t.getMaxPoolSize();
    }
    if (jobbkjorer instanceof DefaultJobExecutor t) {
      return t.getMaxPoolSize();
    }
    return 0;
  }
}
