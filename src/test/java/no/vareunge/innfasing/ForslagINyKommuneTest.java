package no.vareunge.innfasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.vareunge.RestKlient;
import no.vareunge.Forslag;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.tilgang.Tilgangsoppsett;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A kommune onboarded by programleder can be used at once: its arbeidspakke-leder sends a
 * proposal over HTTP as Tasklist does, and the proposal goes to the new kommune's lokal leder.
 * (Not in {@link InnfasingKommuneProsessTest}: that class measures the coverage of the
 * onboarding process alone.)
 */
@VareungeTest
class ForslagINyKommuneTest {

  private static final String LEDER = "leder.notodden";
  private static final String AP = "ap.notodden";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService oppgaver;
  @Autowired Tilgangsoppsett tilgang;

  @AfterEach
  void rydd() {
    identity.clearAuthentication();
  }

  @Test
  void arbeidspakkelederINyKommuneSenderForslagSomGarTilNyLokalLeder() throws Exception {
    TestBrukere.opprett(identity);
    InnfasingDriver driver = new InnfasingDriver(engine);
    String innfasing = driver.fasInn("notodden", "Notodden", "NOD", LEDER, List.of("styre.notodden"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(innfasing).count()).isZero();
    // An arbeidspakke-leder of the new kommune, as an administrator sets one up.
    driver.opprettBrukere(AP);
    tilgang.leggTilMedlem(AP, Tilgangsoppsett.ARBEIDSPAKKELEDERE);
    tilgang.knyttBrukerTilKommune(AP, "notodden");
    RestKlient rest = new RestKlient(port);
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("kommune", "notodden");
    forslag.put("partnere", List.of("kommune", "nav"));
    forslag.put("malparametere", List.of(Map.of("navn", "Antall praksisplasser", "utgangsverdi", "5",
        "malverdi", "20")));

    // Someone from another kommune cannot send it for Notodden.
    HttpResponse<String> avvist = rest.post("/engine-rest/process-definition/key/arbeidspakke/start",
        TestBrukere.AP_LARVIK, forslag);
    assertThat(avvist.statusCode()).as(avvist.body()).isEqualTo(403);

    HttpResponse<String> svar = rest.post("/engine-rest/process-definition/key/arbeidspakke/start", AP, forslag);

    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(RestKlient.felt(svar, "id"))
        .singleResult();
    assertThat(pi.getTenantId()).isEqualTo("notodden");
    assertThat(pi.getBusinessKey()).matches("AP-\\d{4}-NOD-001");
    assertThat(pi).isWaitingAt("Task_VurderForslag");
    Task vurdering = oppgaver.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(vurdering).hasCandidateGroup("leder-notodden");
    // The new lokal leder sees it with their own login, and the leader in Larvik does not.
    long synligForLeder = driver.somBruker(LEDER,
        () -> oppgaver.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("leder-notodden").count());
    long synligForLarvik = driver.somBruker(TestBrukere.LEDER_LARVIK,
        () -> oppgaver.createTaskQuery().processInstanceId(pi.getId()).count());
    assertThat(synligForLeder).isEqualTo(1);
    assertThat(synligForLarvik).isZero();
  }
}
