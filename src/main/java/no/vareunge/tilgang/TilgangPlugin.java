package no.vareunge.tilgang;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Plugs the kommune tenants into the engine. */
@Component
public class TilgangPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl konfigurasjon) {
    konfigurasjon.setTenantIdProvider(new KommuneTenantIdProvider());
  }
}
