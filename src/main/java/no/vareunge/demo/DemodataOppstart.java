package no.vareunge.demo;

import no.vareunge.arbeidspakke.Arbeidspakkeprosess;
import no.vareunge.tilgang.Deploymentlas;
import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo portfolio at the first start (demo profile only): when the database has no work
 * package yet, ever, {@link Demoportefolje} creates one, so the dashboard and Cockpit have
 * something to show.
 *
 * <p>Runs after the models are deployed and the demo users exist ({@code Oppstart}, order 10),
 * and before the job executor starts: the Camunda starter starts it on the same event with the
 * lowest precedence, and the portfolio moves the engine clock. Everything happens in one
 * transaction that first takes the engine's deployment lock, so a second node starting at the
 * same moment waits, then finds the packages and creates none, and a start that fails half-way
 * leaves nothing behind (the next start tries again). A failure is logged; the application
 * starts without demo data rather than not at all.
 */
@Component
@Profile("demo")
public class DemodataOppstart {

  private static final Logger LOG = LoggerFactory.getLogger(DemodataOppstart.class);

  private final Demoportefolje portefolje;
  private final HistoryService historikk;
  private final Deploymentlas las;
  private final TransactionTemplate transaksjon;

  public DemodataOppstart(Demoportefolje portefolje, HistoryService historikk, Deploymentlas las,
      PlatformTransactionManager transaksjoner) {
    this.portefolje = portefolje;
    this.historikk = historikk;
    this.las = las;
    this.transaksjon = new TransactionTemplate(transaksjoner);
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void vedOppstart() {
    try {
      transaksjon.executeWithoutResult(status -> {
        las.ta();
        if (historikk.createHistoricProcessInstanceQuery().processDefinitionKey(Arbeidspakkeprosess.PROSESS).count() == 0) {
          portefolje.opprett(Demoportefolje.DEMOBRUKERE);
        }
      });
    } catch (RuntimeException e) {
      LOG.error("Demoporteføljen kunne ikke lages; programmet starter uten demodata", e);
    }
  }
}
