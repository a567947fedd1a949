package no.vareunge.ytelse;

import static no.vareunge.arbeidspakke.Skjemasvar.evaluering;
import static no.vareunge.arbeidspakke.Skjemasvar.fremdriftsrapport;
import static no.vareunge.arbeidspakke.Skjemasvar.gevinstoppfolging;
import static no.vareunge.arbeidspakke.Skjemasvar.overforingTilDrift;
import static no.vareunge.arbeidspakke.Skjemasvar.styrevedtak;
import static no.vareunge.arbeidspakke.Skjemasvar.videreDriftDrift;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import no.vareunge.Forslag;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Fills the portfolio through the engine, as users would have: most packages are only proposed,
 * a share is assessed and waits for a decision at each level, and smaller shares are piloting, in
 * drift, finished or turned down, spread over all kommuner. Several threads, each with its own
 * kommuner (so that they never wait for each other's reference counter); timers that must have
 * fallen due are run directly, and the asynchronous steps (notifications, end events) are run
 * afterwards by {@link #kjorVentendeJobber}, as the job executor would have done.
 */
final class Portefoljefyller {

  private final ProcessEngine engine;
  private final ArbeidspakkeDriver driver;
  private final List<String> kommuner;
  private final int traader;

  Portefoljefyller(ProcessEngine engine, List<String> kommuner, int traader) {
    this.engine = engine;
    this.driver = new ArbeidspakkeDriver(engine);
    this.kommuner = List.copyOf(kommuner);
    this.traader = traader;
  }

  /** Creates packages number {@code fra} up to (not including) {@code til}, telling how far it has come. */
  void fyll(int fra, int til) throws Exception {
    AtomicInteger ferdige = new AtomicInteger();
    int hvert = Math.max(1000, (til - fra) / 20);
    long start = System.nanoTime();
    parallelt(traad -> {
      for (int i = fra; i < til; i++) {
        if (i % kommuner.size() % traader == traad) {
          arbeidspakke(i, kommuner.get(i % kommuner.size()));
          int antall = ferdige.incrementAndGet();
          if (antall % hvert == 0) {
            double sekunder = (System.nanoTime() - start) / 1e9;
            System.out.printf("   %d av %d fylt på %.0f s (%.1f per sekund)%n", antall, til - fra, sekunder,
                antall / sekunder);
          }
        }
      }
    });
  }

  /**
   * Runs every job that is due now (notifications, asynchronous end events) until none is left;
   * returns how many ran. A job that fails keeps its retries and is not counted.
   */
  int kjorVentendeJobber() throws Exception {
    ManagementService jobber = engine.getManagementService();
    AtomicInteger kjort = new AtomicInteger();
    while (true) {
      List<String> ider = jobber.createJobQuery().executable().listPage(0, 1000).stream().map(Job::getId).toList();
      if (ider.isEmpty()) {
        return kjort.get();
      }
      parallelt(traad -> {
        for (int j = traad; j < ider.size(); j += traader) {
          try {
            jobber.executeJob(ider.get(j));
            kjort.incrementAndGet();
          } catch (RuntimeException feilet) {
            // counted as not run; the job's retries decide whether it comes back
          }
        }
      });
    }
  }

  /** The fate of package {@code i}: where in the lifecycle it stops (shares in twentieths). */
  private void arbeidspakke(int i, String kommune) {
    int andel = i % 20;
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("kommune", kommune);
    forslag.put("tittel", "Arbeidspakke nummer " + i);
    if (andel == 14) {
      forslag.put("budsjett", 40000); // mindre tiltak: lokal leder
      forslag.put("pilotvarighetMnd", 6);
    } else if (andel == 15) {
      forslag.put("budsjett", 800000); // eierstyret
    }
    String innsender = "ap." + kommune;
    String leder = "leder." + kommune;
    String styre = "styre." + kommune;
    ProcessInstance ap = driver.startForslag(innsender, forslag);
    if (andel <= 10) {
      return; // 55 %: waiting for the assessment
    }
    driver.fullfor(ap, "Task_VurderForslag", leder, vurdering("komplett"));
    if (andel <= 15) {
      return; // 25 %: waiting for a decision (board, lokal leder, eierstyret)
    }
    if (andel == 16) {
      driver.fullfor(ap, "Task_Styrebehandling", styre, styrevedtak("avslatt", i + "/30", "2026-01-20"));
      return; // 5 %: turned down
    }
    driver.fullfor(ap, "Task_Styrebehandling", styre, styrevedtak("godkjent", i + "/30", "2026-01-20"));
    if (andel == 17) {
      return; // 5 %: piloting, no report yet
    }
    kjor(ap, "StartEvent_Rapportsyklus");
    driver.fullfor(ap, "Task_Fremdriftsrapport", innsender,
        fremdriftsrapport(List.of("gronn", "gul", "rod").get(i % 3), 10000 * (i % 7), false));
    if (andel == 18) {
      return; // 5 %: piloting with a report
    }
    kjor(ap, "Timer_PilotSlutt");
    driver.fullfor(ap, "Task_Evaluering", innsender, evaluering("drift"));
    driver.fullfor(ap, "Task_BeslutningVidereDrift", styre, videreDriftDrift(i + "/31", "kommune", 300000));
    driver.fullfor(ap, "Task_OverforingTilDrift", leder, overforingTilDrift());
    if (i % 40 == 19) {
      return; // 2.5 %: in drift
    }
    kjor(ap, "Timer_Gevinstoppfolging");
    driver.fullfor(ap, "Task_Gevinstoppfolging", leder, gevinstoppfolging()); // 2.5 %: I_DRIFT
  }

  /** A timer that would have fallen due by now in a portfolio with history. */
  private void kjor(ProcessInstance ap, String aktivitet) {
    engine.getManagementService().executeJob(driver.jobb(ap, aktivitet).getId());
  }

  @FunctionalInterface
  private interface Oppgave {
    void utfor(int traad) throws Exception;
  }

  private void parallelt(Oppgave oppgave) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(traader);
    try {
      List<Future<?>> ferdig = new ArrayList<>();
      for (int t = 0; t < traader; t++) {
        int traad = t;
        ferdig.add(pool.submit(() -> {
          oppgave.utfor(traad);
          return null;
        }));
      }
      for (Future<?> f : ferdig) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
