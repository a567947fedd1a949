package no.vareunge.robusthet;

import static no.vareunge.arbeidspakke.Skjemasvar.lederBeslutning;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import no.vareunge.Forslag;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many at once (issue 13), over loopback and bounded in count and time: 50 clients submit proposals
 * and decide them through the REST API while the job executor sends the notifications. Nothing may
 * fail, stall, be lost or be done twice: the references are unique and without gaps per kommune, each
 * decision is once in the protocol, and a burst of at least 100 notification jobs drains while the
 * clients go on. Then an exhausted connection pool answers 503 in Norwegian, not a 500.
 */
@VareungeTest
class LastHttpTest {

  private static final int KLIENTER = 50;
  private static final List<String> KOMMUNER = List.of("larvik", "horten");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource database;

  private RestKlient rest;
  private JobExecutor jobbkjorer;

  @BeforeEach
  void oppsett() {
    ClockUtil.reset();
    TestBrukere.opprett(engine.getIdentityService());
    rest = new RestKlient(port);
    jobbkjorer = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
  }

  @AfterEach
  void stoppJobbkjoreren() {
    if (jobbkjorer.isActive()) {
      jobbkjorer.shutdown();
    }
  }

  record Pakke(String kommune, String instans, String referanse) {}

  @Test
  void femtiKlienterSamtidigUtenFeilTapEllerDobbeltvedtak() throws Exception {
    Map<String, Integer> for_ = new ConcurrentHashMap<>();
    KOMMUNER.forEach(k -> for_.put(k, teller(k)));
    List<String> feil = Collections.synchronizedList(new ArrayList<>());

    // Round 1 with the job executor stopped: the notifications pile up.
    List<Pakke> pakker = new ArrayList<>(runde(feil));
    long varslingsjobber = engine.getManagementService().createJobQuery().processDefinitionKey("varsling")
        .executable().count();
    assertThat(varslingsjobber).as("varslingsjobber som venter").isGreaterThanOrEqualTo(100);

    // Round 2 while the job executor works through the burst.
    jobbkjorer.start();
    pakker.addAll(runde(feil));
    Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
        .until(() -> engine.getManagementService().createJobQuery().processDefinitionKey("varsling").executable()
            .count() == 0);
    jobbkjorer.shutdown();

    assertThat(feil).as("feil under lasten").isEmpty();
    assertThat(pakker).hasSize(2 * KLIENTER);
    for (String kommune : KOMMUNER) {
      TreeSet<Integer> numre = new TreeSet<>();
      pakker.stream().filter(p -> p.kommune().equals(kommune))
          .forEach(p -> numre.add(Integer.parseInt(p.referanse().substring(p.referanse().lastIndexOf('-') + 1))));
      long antall = pakker.stream().filter(p -> p.kommune().equals(kommune)).count();
      assertThat(numre).as("unike referanser i %s", kommune).hasSize((int) antall);
      assertThat(numre.first()).as("ingen hull i %s", kommune).isEqualTo(for_.get(kommune) + 1);
      assertThat(numre.last()).as("ingen hull i %s", kommune).isEqualTo(for_.get(kommune) + (int) antall);
      assertThat(teller(kommune)).isEqualTo(for_.get(kommune) + (int) antall);
    }
    for (Pakke p : pakker) {
      assertThat(jdbc.sql("SELECT COUNT(*) FROM vedtak WHERE prosessinstans_id = ?").param(p.instans())
          .query(Long.class).single()).as("vedtak for %s", p.referanse()).isOne();
      assertThat(jdbc.sql("SELECT fase FROM arbeidspakke WHERE referanse = ?").param(p.referanse())
          .query(String.class).single()).as("fase for %s", p.referanse()).isEqualTo("PILOTERING");
      assertThat(jdbc.sql("SELECT COUNT(*) FROM varsel WHERE prosessinstans_id = ? AND status NOT IN ('SENDT', "
              + "'REGISTRERT', 'HOPPET_OVER')").param(p.instans()).query(Long.class).single())
          .as("varsler som ikke kom fram for %s", p.referanse()).isZero();
    }
  }

  /** Twenty who press «Avbryt piloten» at the same moment: it is stopped once, by one of them. */
  @Test
  void samtidigeAvbruddStopperPilotenEnGang() throws Exception {
    Pakke pilot = pakke("larvik", Collections.synchronizedList(new ArrayList<>()));
    assertThat(pilot).isNotNull();
    String sti = "/api/arbeidspakker/" + pilot.referanse() + "/avbryt-pilot";
    // Bad input first: nothing happens.
    assertThat(rest.send("POST", sti, "leder.larvik", "application/json", "").statusCode()).isEqualTo(400);
    assertThat(rest.send("POST", sti, "leder.larvik", "application/json", "{").statusCode()).isEqualTo(400);
    assertThat(rest.postJson(sti, "leder.larvik", Map.of("begrunnelse", "  ")).statusCode()).isEqualTo(400);
    assertThat(engine.getRuntimeService().getVariable(pilot.instans(), "fase")).isEqualTo("PILOTERING");

    ExecutorService klikk = Executors.newFixedThreadPool(20);
    List<Integer> svar = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> alle = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String bruker = i % 2 == 0 ? "leder.larvik" : "styre.larvik";
        alle.add(klikk.submit(() -> svar.add(rest.postJson(sti, bruker, Map.of("begrunnelse", "Stopp " + bruker))
            .statusCode())));
      }
      for (Future<?> f : alle) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      klikk.shutdownNow();
    }
    assertThat(svar).containsOnly(204, 409);
    assertThat(svar.stream().filter(s -> s == 204).count()).as("avbrutt én gang").isOne();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pilot.instans())
        .taskDefinitionKey("Task_Evaluering").count()).isOne();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pilot.instans())
        .activityId("Task_RegistrerAvbrudd").count()).isOne();
  }

  @Test
  void tommeForTilkoblingerGir503PaNorsk() throws Exception {
    List<Connection> holdt = new ArrayList<>();
    try {
      // Take every connection of the pool, as a crowd would.
      for (int i = 0; i < 100; i++) {
        Connection c = tilkobling();
        if (c == null) {
          break;
        }
        holdt.add(c);
      }
      for (String sti : List.of("/engine-rest/process-definition/key/arbeidspakke/submit-form",
          "/api/oppgaver/ingen/fullfor")) {
        HttpResponse<String> svar = sti.startsWith("/api")
            ? rest.postJson(sti, TestBrukere.LEDER_LARVIK, Map.of("vurdering", "komplett"))
            : rest.post(sti, TestBrukere.AP_LARVIK, Forslag.gyldig());
        assertThat(svar.statusCode()).as(sti + ": " + svar.body()).isEqualTo(503);
        assertThat(svar.headers().firstValue("Retry-After")).as(sti).contains("5");
        assertThat(svar.body()).as(sti).contains("Systemet har mye å gjøre akkurat nå")
            .doesNotContain("Exception").doesNotContain("JDBC");
      }
    } finally {
      for (Connection c : holdt) {
        c.close();
      }
    }
    assertThat(rest.get("/engine-rest/task/count", TestBrukere.LEDER_LARVIK).statusCode()).as("etterpå").isEqualTo(200);
  }

  /** A connection of the pool, or null when it has none left within a moment. */
  private Connection tilkobling() throws Exception {
    ExecutorService ventetrad = Executors.newSingleThreadExecutor();
    try {
      Future<Connection> c = ventetrad.submit(() -> database.getConnection());
      return c.get(2, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return null;
    } finally {
      ventetrad.shutdownNow();
    }
  }

  /** Each client submits a proposal, the lokal leder assesses it and decides it (a small pilot). */
  private List<Pakke> runde(List<String> feil) throws Exception {
    ExecutorService klienter = Executors.newFixedThreadPool(KLIENTER);
    try {
      List<Future<Pakke>> resultater = new ArrayList<>();
      for (int i = 0; i < KLIENTER; i++) {
        String kommune = KOMMUNER.get(i % KOMMUNER.size());
        resultater.add(klienter.submit(() -> pakke(kommune, feil)));
      }
      List<Pakke> pakker = new ArrayList<>();
      for (Future<Pakke> r : resultater) {
        Pakke p = r.get(2, TimeUnit.MINUTES);
        if (p != null) {
          pakker.add(p);
        }
      }
      return pakker;
    } finally {
      klienter.shutdownNow();
    }
  }

  private Pakke pakke(String kommune, List<String> feil) throws Exception {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("kommune", kommune);
    forslag.put("budsjett", 40_000);
    forslag.put("pilotvarighetMnd", 6);
    HttpResponse<String> start = rest.post("/engine-rest/process-definition/key/arbeidspakke/submit-form",
        "ap." + kommune, forslag);
    if (!ok(start, "start", feil)) {
      return null;
    }
    String instans = RestKlient.felt(start, "id");
    String leder = "leder." + kommune;
    if (!fullfor(instans, leder, vurdering("komplett"), feil) || !fullfor(instans, leder, lederBeslutning("godkjent"),
        feil)) {
      return null;
    }
    return new Pakke(kommune, instans, RestKlient.felt(start, "businessKey"));
  }

  /** The one open task of the instance, completed with its form by {@code bruker}. */
  private boolean fullfor(String instans, String bruker, Map<String, Object> svar, List<String> feil) throws Exception {
    HttpResponse<String> oppgaver = rest.get("/engine-rest/task?processInstanceId=" + instans, bruker);
    if (!ok(oppgaver, "oppgaveliste", feil)) {
      return false;
    }
    String oppgave = RestKlient.json(oppgaver).path(0).path("id").asText();
    return ok(rest.post("/engine-rest/task/" + oppgave + "/submit-form", bruker, svar), "fullføring", feil);
  }

  private static boolean ok(HttpResponse<String> svar, String hva, List<String> feil) {
    if (svar.statusCode() >= 300) {
      feil.add(hva + ": " + svar.statusCode() + " " + svar.body());
      return false;
    }
    return true;
  }

  private int teller(String kommune) {
    int aar = no.vareunge.felles.Tidssone.idag().getYear();
    return jdbc.sql("SELECT COALESCE(MAX(siste), 0) FROM referanseteller WHERE kommune = ? AND aar = ?")
        .params(kommune, aar).query(Integer.class).single();
  }
}
