package no.vareunge.ytelse;

import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * Plain Camunda on the same database as the application: a second engine with the application's
 * engine settings (history, authorization and tenant checks, JSON serialization, the grants it
 * writes per task, UUIDs) but none of its plugins, delegates or listeners. It runs {@code bench/grunnlinje.bpmn},
 * which has the same user tasks and timers as the board's path through {@code arbeidspakke}, so
 * the difference to a lifecycle of {@code arbeidspakke} is what the application adds.
 */
final class Grunnlinje implements AutoCloseable {

  static final String PROSESS = "grunnlinje";
  private static final String ARBEIDSPAKKE = "arbeidspakke";

  private final ProcessEngine engine;

  Grunnlinje(DataSource database, ProcessEngine applikasjonen) {
    ProcessEngineConfigurationImpl app = (ProcessEngineConfigurationImpl) applikasjonen.getProcessEngineConfiguration();
    StandaloneProcessEngineConfiguration k = new StandaloneProcessEngineConfiguration();
    k.setProcessEngineName(PROSESS);
    k.setDataSource(database);
    k.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    k.setJobExecutorActivate(false);
    k.setHistory(app.getHistory());
    k.setAuthorizationEnabled(app.isAuthorizationEnabled());
    k.setTenantCheckEnabled(app.isTenantCheckEnabled());
    k.setDefaultSerializationFormat(app.getDefaultSerializationFormat());
    k.setDefaultUserPermissionNameForTask(app.getDefaultUserPermissionNameForTask());
    k.setResourceAuthorizationProvider(app.getResourceAuthorizationProvider());
    k.setEnforceHistoryTimeToLive(app.isEnforceHistoryTimeToLive());
    k.setMetricsEnabled(app.isMetricsEnabled());
    k.setIdGenerator(new StrongUuidGenerator());
    // Json variables (the proposal's lists) need Spin, as in the application.
    k.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
    engine = k.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name(PROSESS)
        .addClasspathResource("bench/grunnlinje.bpmn").deploy();
    sammeTilgangSomArbeidspakke(engine.getAuthorizationService());
  }

  ProcessEngine engine() {
    return engine;
  }

  /** Every group gets the same grants on the baseline as on arbeidspakke (start, read, work). */
  private static void sammeTilgangSomArbeidspakke(AuthorizationService tilganger) {
    for (Authorization fra : tilganger.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(ARBEIDSPAKKE).list()) {
      Authorization til = tilganger.createNewAuthorization(fra.getAuthorizationType());
      til.setGroupId(fra.getGroupId());
      til.setUserId(fra.getUserId());
      til.setResource(Resources.PROCESS_DEFINITION);
      til.setResourceId(PROSESS);
      til.setPermissions(fra.getPermissions(ProcessDefinitionPermissions.values()));
      tilganger.saveAuthorization(til);
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
