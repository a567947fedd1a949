package no.vareunge.robusthet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.robusthet.Styresaker.Styresak;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two board members complete the same task at the same moment, over the REST API as Tasklist does
 * and over the application's own API (POST /api/oppgaver/{id}/fullfor). Exactly one wins;
 * the other is told in Norwegian that someone else was first (409), whether the race is lost
 * before the engine (the task is already gone) or inside it (optimistic locking, the vedtak's unique
 * task id). Repeated, since one round may not hit the narrow window inside the engine.
 */
@VareungeTest
class SamtidigFullforingHttpTest {

  /** A second member of styre-larvik, so that two different people race. */
  static final String STYRE_LARVIK_2 = "styre.larvik.2";
  private static final int RUNDER = 6;
  private static final String KONFLIKT = "er allerede fullført av en annen. Oppdater siden for å se vedtaket.";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;

  private Styresaker saker;
  private RestKlient rest;

  @BeforeEach
  void oppsett() {
    TestBrukere.opprett(identity);
    if (identity.createUserQuery().userId(STYRE_LARVIK_2).count() == 0) {
      User bruker = identity.newUser(STYRE_LARVIK_2);
      bruker.setFirstName(STYRE_LARVIK_2);
      bruker.setLastName("Test");
      bruker.setEmail(TestBrukere.epost(STYRE_LARVIK_2));
      bruker.setPassword(TestBrukere.PASSORD);
      identity.saveUser(bruker);
      identity.createMembership(STYRE_LARVIK_2, "styre-larvik");
    }
    rest = new RestKlient(port);
    saker = new Styresaker(rest, engine, jdbc);
  }

  /** How a board member completes the task: the REST API as Tasklist, or the application's own API. */
  private interface Fullforing {
    HttpResponse<String> fullfor(Styresak sak, String bruker, Map<String, Object> svar) throws Exception;
  }

  @Test
  void toStyremedlemmerSamtidigEnVinnerDenAndreFar409() throws Exception {
    kapplop((sak, bruker, svar) -> saker.fullfor(sak.oppgave(), bruker, svar), taper -> {
      assertThat(RestKlient.melding(taper)).endsWith(KONFLIKT);
      assertThat(taper.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
    });
  }

  /** The same race through POST /api/oppgaver/{id}/fullfor: a problem detail with the same message. */
  @Test
  void toStyremedlemmerSamtidigIDomeneApietEnVinnerDenAndreFar409() throws Exception {
    kapplop((sak, bruker, svar) -> saker.fullforIApi(sak.oppgave(), bruker, svar), taper -> {
      assertThat(RestKlient.json(taper).path("title").asText()).isEqualTo("Konflikt");
      assertThat(RestKlient.json(taper).path("detail").asText()).endsWith(KONFLIKT);
      assertThat(taper.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    });
  }

  private interface Sjekk {
    void sjekk(HttpResponse<String> taper) throws Exception;
  }

  private void kapplop(Fullforing fullforing, Sjekk taperen) throws Exception {
    List<String> brukere = List.of(TestBrukere.STYRE_LARVIK, STYRE_LARVIK_2);
    for (int runde = 1; runde <= RUNDER; runde++) {
      Styresak sak = saker.nySak();
      CyclicBarrier samtidig = new CyclicBarrier(brukere.size());
      List<CompletableFuture<HttpResponse<String>>> svar = new ArrayList<>();
      for (String bruker : brukere) {
        svar.add(CompletableFuture.supplyAsync(() -> {
          try {
            samtidig.await(10, TimeUnit.SECONDS);
            // Each member writes their own name in the justification: the log shows whose decision won.
            return fullforing.fullfor(sak, bruker, Styresaker.styrevedtak("Vedtatt av " + bruker + "."));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      List<HttpResponse<String>> resultat = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> s : svar) {
        resultat.add(s.get(60, TimeUnit.SECONDS));
      }

      String runden = "runde " + runde + ": " + resultat.stream().map(r -> r.statusCode() + " " + r.body()).toList();
      List<Integer> statuser = resultat.stream().map(HttpResponse::statusCode).sorted().toList();
      assertThat(statuser).as(runden).containsExactly(204, 409);
      int vinner = resultat.get(0).statusCode() == 204 ? 0 : 1;
      taperen.sjekk(resultat.get(1 - vinner));

      // One entry in the decision log, the winner's, and one notification of it.
      List<Map<String, Object>> vedtak = saker.vedtak(sak.instans());
      assertThat(vedtak).as(runden).singleElement().satisfies(rad -> assertThat(rad)
          .containsEntry("OPPGAVE_ID", sak.oppgave().getId())
          .containsEntry("BESLUTTET_AV", brukere.get(vinner))
          .containsEntry("BEGRUNNELSE", "Vedtatt av " + brukere.get(vinner) + "."));
      assertThat(saker.vedtaksvarsler(sak.instans())).as(runden).isOne();
      assertThat(engine.getRuntimeService().getVariable(sak.instans(), "styreBegrunnelse"))
          .isEqualTo("Vedtatt av " + brukere.get(vinner) + ".");
      assertThat(engine.getRuntimeService().getVariable(sak.instans(), "fase")).as(runden).isEqualTo("PILOTERING");
    }
  }
}
