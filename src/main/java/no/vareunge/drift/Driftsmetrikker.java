package no.vareunge.drift;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import no.vareunge.kommune.Kommune;
import no.vareunge.kommune.KommuneRegister;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Figures for operations (Prometheus, /actuator/prometheus): open tasks per kommune, open
 * incidents, jobs that failed and notifications that could not be sent. Read when scraped;
 * a kommune added while the application runs gets its gauge at the next start.
 */
@Component
public class Driftsmetrikker implements MeterBinder {

  private final ProcessEngine motor;
  private final KommuneRegister kommuner;
  private final JdbcClient jdbc;

  public Driftsmetrikker(ProcessEngine motor, KommuneRegister kommuner, JdbcClient jdbc) {
    this.motor = motor;
    this.kommuner = kommuner;
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Kommune kommune : kommuner.alle()) {
      Gauge.builder("vareunge.oppgaver.apne", () -> motor.getTaskService().createTaskQuery()
              .tenantIdIn(kommune.id()).count())
          .description("Åpne oppgaver i kommunens arbeidspakker")
          .tag("kommune", kommune.id())
          .register(registry);
    }
    Gauge.builder("vareunge.hendelser.apne", () -> motor.getRuntimeService().createIncidentQuery().count())
        .description("Åpne hendelser (incidents) som venter på en administrator")
        .register(registry);
    Gauge.builder("vareunge.jobber.feilet", () -> motor.getManagementService().createJobQuery().withException().count())
        .description("Jobber som har feilet minst én gang og ikke er fullført")
        .register(registry);
    Gauge.builder("vareunge.varsler.feilet", () -> jdbc.sql("SELECT COUNT(*) FROM varsel WHERE status = 'FEILET'")
            .query(Long.class).single())
        .description("Varsler som ikke kunne sendes")
        .register(registry);
  }
}
