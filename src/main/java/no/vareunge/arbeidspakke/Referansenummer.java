package no.vareunge.arbeidspakke;

import no.vareunge.kommune.Kommune;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out references {@code AP-<år>-<KOM>-<løpenr>}, unique per kommune and year.
 *
 * <p>The counter row is locked by the UPDATE, so concurrent starts queue behind each other. The
 * counter runs in its own short transaction so that the lock is not held for the whole start of
 * a process instance; a start that fails afterwards leaves a gap in the numbers, never a duplicate.
 */
@Component
public class Referansenummer {

  private final JdbcClient jdbc;
  private final TransactionTemplate egenTransaksjon;

  public Referansenummer(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.egenTransaksjon = new TransactionTemplate(transactionManager);
    this.egenTransaksjon.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String neste(Kommune kommune, int aar) {
    int nummer = nesteLopenummer(kommune.id(), aar);
    return String.format("AP-%d-%s-%03d", aar, kommune.kode(), nummer);
  }

  private int nesteLopenummer(String kommune, int aar) {
    for (int forsok = 0; ; forsok++) {
      try {
        return egenTransaksjon.execute(status -> {
          int oppdatert = jdbc.sql("UPDATE referanseteller SET siste = siste + 1 WHERE kommune = ? AND aar = ?")
              .params(kommune, aar)
              .update();
          if (oppdatert == 0) {
            jdbc.sql("INSERT INTO referanseteller (kommune, aar, siste) VALUES (?, ?, 1)").params(kommune, aar).update();
            return 1;
          }
          return jdbc.sql("SELECT siste FROM referanseteller WHERE kommune = ? AND aar = ?")
              .params(kommune, aar)
              .query(Integer.class)
              .single();
        });
      } catch (DuplicateKeyException e) {
        // Another start created this year's row at the same moment: its row now exists, count on it.
        if (forsok >= 3) {
          throw e;
        }
      }
    }
  }
}
