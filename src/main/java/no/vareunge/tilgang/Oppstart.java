package no.vareunge.tilgang;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The set-up at every start: tenants, groups and grants, demo users (demo profile only), who sees
 * whom, and the task lists of Tasklist. Several nodes may start at the same moment on one database, and all of
 * this is "create if missing": so it runs in one transaction that first takes the engine's
 * deployment lock (the row Camunda itself locks while deploying in a cluster), and a second node
 * waits, then finds everything in place.
 */
@Component
public class Oppstart {

  private final Tilgangsoppsett tilgang;
  private final ObjectProvider<DemoBrukere> demobrukere;
  private final Oppgavefiltre filtre;
  private final Brukersynlighet synlighet;
  private final Deploymentlas las;
  private final TransactionTemplate transaksjon;

  public Oppstart(Tilgangsoppsett tilgang, ObjectProvider<DemoBrukere> demobrukere, Oppgavefiltre filtre,
      Brukersynlighet synlighet, Deploymentlas las, PlatformTransactionManager transaksjoner) {
    this.synlighet = synlighet;
    this.tilgang = tilgang;
    this.demobrukere = demobrukere;
    this.filtre = filtre;
    this.las = las;
    this.transaksjon = new TransactionTemplate(transaksjoner);
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  public void settOpp() {
    transaksjon.executeWithoutResult(status -> {
      las.ta();
      tilgang.vedOppstart();
      demobrukere.ifAvailable(DemoBrukere::opprett);
      synlighet.oppdater();
      filtre.opprett();
    });
  }
}
