package no.vareunge.tilgang;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/** Plugs the kommune tenants into the engine. */
@Component
public class TilgangPlugin extends AbstractProcessEnginePlugin {

  private final List<Kommuneprosess> kommuneprosesser;

  public TilgangPlugin(List<Kommuneprosess> kommuneprosesser) {
    this.kommuneprosesser = kommuneprosesser;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl konfigurasjon) {
    konfigurasjon.setTenantIdProvider(new KommuneTenantIdProvider(kommuneprosesser));
    konfigurasjon.setResourceAuthorizationProvider(new Oppgavetilgang());
    // The engine's two checkers in its own order, the tenant check refusing with 403 instead of 500,
    // the authorization check also asking whether a task is the worker's own.
    List<CommandChecker> sjekker = new ArrayList<>(List.of(Kommunegrense.sjekk(), new Oppgavearbeid()));
    konfigurasjon.setCommandCheckers(sjekker);
    // Doors the engine leaves open to anyone who may work on a task or sees a job (see each class).
    konfigurasjon.setTaskService(new Oppgavetjeneste());
    konfigurasjon.setRuntimeService(new Kjoretidstjeneste());
    konfigurasjon.setManagementService(new Jobbtjeneste(konfigurasjon));
    Innloggingsbrems brems = new Innloggingsbrems();
    konfigurasjon.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return BremsetIdentitet.class;
      }

      @Override
      public Session openSession() {
        return new BremsetIdentitet(brems);
      }
    });
  }
}
