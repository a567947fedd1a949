package no.vareunge.tilgang;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Plugs the kommune tenants into the engine. */
@Component
public class TilgangPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl konfigurasjon) {
    konfigurasjon.setTenantIdProvider(new KommuneTenantIdProvider());
    konfigurasjon.setResourceAuthorizationProvider(new Oppgavetilgang());
    // The engine's two checkers in its own order, the tenant check refusing with 403 instead of 500,
    // the authorization check also asking whether a task is the worker's own.
    List<CommandChecker> sjekker = new ArrayList<>(List.of(Kommunegrense.sjekk(), new Oppgavearbeid()));
    konfigurasjon.setCommandCheckers(sjekker);
  }
}
