package no.vareunge.arbeidspakke;

import no.vareunge.felles.Tidssone;
import no.vareunge.kommune.Kommune;
import no.vareunge.kommune.KommuneRegister;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out references {@code AP-<år>-<KOM>-<løpenr>}, unique and without gaps per kommune and year.
 *
 * <p>The counter is counted in the transaction of the start itself: the UPDATE locks the kommune's
 * row, so concurrent starts in one kommune queue behind each other until the first one commits, and
 * no number is ever given to two packages. A start that fails rolls its number back with it; nobody
 * has seen that number, and the next package gets it. (A transaction of its own would take a second
 * database connection while the start holds one: enough concurrent starts then starve the pool.)
 */
@Component
public class Referansenummer {

  private final JdbcClient jdbc;
  private final KommuneRegister kommuner;
  private final TransactionTemplate vedLagringspunkt;

  public Referansenummer(JdbcClient jdbc, KommuneRegister kommuner, PlatformTransactionManager transaksjoner) {
    this.jdbc = jdbc;
    this.kommuner = kommuner;
    this.vedLagringspunkt = new TransactionTemplate(transaksjoner);
    vedLagringspunkt.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** The counters of this year and the next for every kommune, so that starts only ever UPDATE them. */
  @EventListener(ApplicationReadyEvent.class)
  public void forbered() {
    int aar = Tidssone.idag().getYear();
    for (Kommune kommune : kommuner.alle()) {
      for (int a : new int[] {aar, aar + 1}) {
        try {
          jdbc.sql("INSERT INTO referanseteller (kommune, aar, siste) SELECT ?, ?, 0 WHERE NOT EXISTS "
              + "(SELECT 1 FROM referanseteller WHERE kommune = ? AND aar = ?)").params(kommune.id(), a, kommune.id(), a)
              .update();
        } catch (DuplicateKeyException e) {
          // another node prepared it at the same moment
        }
      }
    }
  }

  public String neste(Kommune kommune, int aar) {
    int nummer = nesteLopenummer(kommune.id(), aar);
    return String.format("AP-%d-%s-%03d", aar, kommune.kode(), nummer);
  }

  private int nesteLopenummer(String kommune, int aar) {
    int oppdatert = jdbc.sql("UPDATE referanseteller SET siste = siste + 1 WHERE kommune = ? AND aar = ?")
        .params(kommune, aar)
        .update();
    if (oppdatert == 0) {
      // A year or kommune not prepared at start-up. Two first starts may create the row at the same
      // moment: the INSERT runs at a savepoint of the same transaction (and connection), so the one
      // that loses rolls back only that and counts on the row the other one made.
      try {
        vedLagringspunkt.executeWithoutResult(s -> jdbc.sql(
            "INSERT INTO referanseteller (kommune, aar, siste) VALUES (?, ?, 1)").params(kommune, aar).update());
        return 1;
      } catch (DuplicateKeyException e) {
        return nesteLopenummer(kommune, aar);
      }
    }
    return jdbc.sql("SELECT siste FROM referanseteller WHERE kommune = ? AND aar = ?")
        .params(kommune, aar)
        .query(Integer.class)
        .single();
  }
}
