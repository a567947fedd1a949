package no.vareunge.tilgang;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Which kommuner a reader of the portfolio may see: the tenants of the logged-in user (every
 * kommune for programleder and eierstyret, who are members of all), or all of them for the
 * process itself (the board report runs without a user).
 */
public record Kommuneutvalg(boolean alle, Set<String> kommuner) {

  public static final Kommuneutvalg ALLE = new Kommuneutvalg(true, Set.of());

  public static Kommuneutvalg bare(Collection<String> kommuner) {
    return new Kommuneutvalg(false, Set.copyOf(kommuner));
  }

  /** The current user's kommuner; nobody logged in sees nothing. */
  public static Kommuneutvalg forInnlogget(ProcessEngineServices engine) {
    Authentication innlogget = engine.getIdentityService().getCurrentAuthentication();
    if (innlogget == null) {
      return bare(List.of());
    }
    if (Lesetilgang.alleKommuner(innlogget)) {
      return ALLE;
    }
    return bare(innlogget.getTenantIds() == null ? List.of() : innlogget.getTenantIds());
  }

  public boolean ser(String kommune) {
    return alle || kommuner.contains(kommune);
  }
}
