package no.vareunge.tilgang;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * A work package belongs to its kommune: the shared process definition is started as an
 * instance of the kommune's tenant, taken from the start form. Whoever starts it must belong to
 * that kommune. A notification about a package (started by the system inside the package's
 * transaction) belongs to the same kommune: it carries the package's content; without a kommune it
 * is shared, like the definitions. Which processes these are, their features say ({@link
 * Kommuneprosess}); every other process is shared.
 */
class KommuneTenantIdProvider implements TenantIdProvider {

  private final Map<String, Kommuneprosess> prosesser;

  KommuneTenantIdProvider(List<Kommuneprosess> prosesser) {
    this.prosesser = prosesser.stream().collect(Collectors.toMap(Kommuneprosess::prosess, Function.identity()));
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    Kommuneprosess prosess = prosesser.get(ctx.getProcessDefinition().getKey());
    if (prosess == null) {
      return null;
    }
    String kommune = ctx.getVariables().getValue(Kommuneprosess.VARIABEL, String.class);
    if (!prosess.bareMedlemmer()) {
      return kommune;
    }
    Authentication innlogget = Context.getCommandContext().getAuthentication();
    if (innlogget != null && !kommuneneTil(innlogget).contains(kommune)) {
      throw new AuthorizationException("Du kan bare sende inn forslag for en kommune du hører til («"
          + kommune + "» er ikke din kommune).");
    }
    return kommune;
  }

  private static List<String> kommuneneTil(Authentication innlogget) {
    return innlogget.getTenantIds() == null ? List.of() : innlogget.getTenantIds();
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  /** A decision taken inside a package belongs to the package's kommune. */
  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    DelegateExecution execution = ctx.getExecution();
    return execution == null ? null : execution.getTenantId();
  }
}
