package no.vareunge.tilgang;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's tenant check, refusing with an {@link AuthorizationException}. The engine itself
 * throws a plain ProcessEngineException (ENGINE-13034) when someone works on a task or instance of
 * a kommune they do not belong to, which the REST API answers with 500 as if the server had
 * failed; as an AuthorizationException it is a 403 like any other refusal.
 */
final class Kommunegrense {

  private static final String TENANTFEIL = "ENGINE-13034";
  private static final Logger LOG = LoggerFactory.getLogger(Kommunegrense.class);

  private Kommunegrense() {}

  static CommandChecker sjekk() {
    TenantCommandChecker tenantsjekk = new TenantCommandChecker();
    return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
        new Class<?>[] {CommandChecker.class}, (proxy, metode, argumenter) -> {
          try {
            return metode.invoke(tenantsjekk, argumenter);
          } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ProcessEngineException feil && feil.getMessage() != null
                && feil.getMessage().startsWith(TENANTFEIL)) {
              // The engine's message (code, ids) goes to the log, not to the user.
              LOG.debug("Avvist av kommunegrensen: {}", feil.getMessage());
              throw new AuthorizationException("Dette hører til en kommune du ikke har tilgang til.");
            }
            throw e.getCause();
          }
        });
  }
}
