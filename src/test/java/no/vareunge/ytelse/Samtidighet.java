package no.vareunge.ytelse;

import static no.vareunge.arbeidspakke.Skjemasvar.styrevedtak;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.vareunge.Forslag;
import no.vareunge.RestKlient;

/**
 * Many users at once, over loopback: {@value #KLIENTER} clients each submit proposals and take them
 * through the assessment and the board's decision over the REST API, as Tasklist does, first for
 * {@code arbeidspakke}, then the same requests to the baseline: plain Camunda ({@link Grunnlinje}) behind the
 * same HTTP stack as a named engine ({@code /engine-rest/engine/grunnlinje}), running the baseline model
 * (same tasks, none of the application's forms, listeners or delegates), in turns in the same run. Throughput is requests per
 * second over the whole wall time; latencies are per request.
 */
final class Samtidighet {

  static final int KLIENTER = 50;

  record Resultat(int kommuner, int klienter, int forsporsler, double appPerSek, double grunnlinjePerSek, double forhold,
      double appP50, double appP95, double grunnlinjeP50, double grunnlinjeP95, int feil) {}

  private final RestKlient rest;
  private final List<String> kommuner;

  /** Client {@code i} works in {@code kommuner[i % n]}: one kommune is the worst case (its counter row). */
  Samtidighet(RestKlient rest, List<String> kommuner) {
    this.rest = rest;
    this.kommuner = List.copyOf(kommuner);
  }

  /** {@code runder} turns of each, each turn {@value #KLIENTER} clients × {@code perKlient} packages. */
  Resultat mal(int runder, int perKlient) throws Exception {
    List<Long> app = Collections.synchronizedList(new ArrayList<>());
    List<Long> grunn = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger feil = new AtomicInteger();
    long appTid = 0;
    long grunnTid = 0;
    for (int r = 0; r < runder; r++) {
      appTid += last(perKlient, "/engine-rest", "arbeidspakke", "submit-form", app, feil);
      grunnTid += last(perKlient, "/engine-rest/engine/" + Grunnlinje.PROSESS, Grunnlinje.PROSESS, "complete", grunn, feil);
    }
    double appPerSek = app.size() / (appTid / 1e9);
    double grunnPerSek = grunn.size() / (grunnTid / 1e9);
    Fordeling a = Fordeling.av(app);
    Fordeling g = Fordeling.av(grunn);
    return new Resultat(kommuner.size(), KLIENTER, app.size(), appPerSek, grunnPerSek, appPerSek / grunnPerSek, a.median(),
        a.persentil(95), g.median(), g.persentil(95), feil.get());
  }

  /** The wall time of one turn. */
  private long last(int perKlient, String api, String prosess, String fullfor, List<Long> tider, AtomicInteger feil)
      throws Exception {
    ExecutorService klienter = Executors.newFixedThreadPool(KLIENTER);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> alle = new ArrayList<>();
      for (int k = 0; k < KLIENTER; k++) {
        String kommune = kommuner.get(k % kommuner.size());
        alle.add(klienter.submit(() -> {
          for (int i = 0; i < perKlient; i++) {
            pakke(api, prosess, kommune, fullfor, tider, feil);
          }
          return null;
        }));
      }
      for (Future<?> f : alle) {
        f.get(10, TimeUnit.MINUTES);
      }
      return System.nanoTime() - t0;
    } finally {
      klienter.shutdownNow();
    }
  }

  private void pakke(String api, String prosess, String kommune, String fullfor, List<Long> tider, AtomicInteger feil)
      throws Exception {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("kommune", kommune);
    String start = prosess.equals(Grunnlinje.PROSESS) ? "start" : "submit-form";
    HttpResponse<String> startet = tid(tider, feil, () -> rest.post(api + "/process-definition/key/" + prosess
        + "/" + start, "ap." + kommune, forslag));
    if (startet.statusCode() >= 300) {
      return;
    }
    String instans = RestKlient.felt(startet, "id");
    if (fullfor(api, instans, "leder." + kommune, fullfor, vurdering("komplett"), tider, feil)) {
      fullfor(api, instans, "styre." + kommune, fullfor, styrevedtak("godkjent", "7/30", "2030-01-29"), tider, feil);
    }
  }

  private boolean fullfor(String api, String instans, String bruker, String rute, Map<String, Object> svar,
      List<Long> tider, AtomicInteger feil) throws Exception {
    HttpResponse<String> oppgaver = tid(tider, feil, () -> rest.get(api + "/task?processInstanceId=" + instans, bruker));
    if (oppgaver.statusCode() >= 300) {
      return false;
    }
    String oppgave = RestKlient.json(oppgaver).path(0).path("id").asText();
    return tid(tider, feil, () -> rest.post(api + "/task/" + oppgave + "/" + rute, bruker, svar))
        .statusCode() < 300;
  }

  interface Foresporsel {
    HttpResponse<String> send() throws Exception;
  }

  private static HttpResponse<String> tid(List<Long> tider, AtomicInteger feil, Foresporsel f) throws Exception {
    long t = System.nanoTime();
    HttpResponse<String> svar = f.send();
    tider.add(System.nanoTime() - t);
    if (svar.statusCode() >= 300) {
      feil.incrementAndGet();
    }
    return svar;
  }
}
