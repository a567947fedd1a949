package no.vareunge.tilgang;

import static no.vareunge.arbeidspakke.Skjemasvar.lederBeslutning;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import no.vareunge.Forslag;
import no.vareunge.RestKlient;
import no.vareunge.Nettokt;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every refusal a user meets is said in Norwegian, without the engine's codes or permission names
 * (issue 13), and the one who holds a task may always give it back.
 */
@VareungeTest
class NorskeAvslagHttpTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  private RestKlient rest;
  private ArbeidspakkeDriver driver;

  @BeforeEach
  void oppsett() {
    TestBrukere.opprett(identity);
    rest = new RestKlient(port);
    driver = new ArbeidspakkeDriver(engine);
  }

  @Test
  void aTaEnOppgaveManIkkeStarPaGirNorskAvslag() throws Exception {
    ProcessInstance ap = driver.startForslag(TestBrukere.AP_LARVIK, Forslag.gyldig());
    driver.fullfor(ap, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, vurdering("komplett"));
    Task styresak = driver.oppgave(ap, "Task_Styrebehandling");
    String ta = "/engine-rest/task/" + styresak.getId() + "/claim";

    // The submitter, and programleder following an overdue link: not theirs.
    for (String bruker : new String[] {TestBrukere.AP_LARVIK, TestBrukere.PROGRAMLEDER}) {
      HttpResponse<String> svar = rest.postJson(ta, bruker, Map.of("userId", bruker));
      assertThat(svar.statusCode()).as(bruker + ": " + svar.body()).isEqualTo(403);
      assertNorsk(svar);
      assertThat(RestKlient.melding(svar)).isEqualTo("Oppgaven «Styrebehandling» er ikke din: bare den som har fått "
          + "den, eller en i gruppen den er sendt til, kan ta eller fullføre den.");
    }
    // The board of another kommune.
    HttpResponse<String> annen = rest.postJson(ta, TestBrukere.STYRE_HORTEN, Map.of("userId", TestBrukere.STYRE_HORTEN));
    assertThat(annen.statusCode()).as(annen.body()).isIn(403, 404);
    assertNorsk(annen);
    assertThat(engine.getTaskService().createTaskQuery().taskId(styresak.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void denSomHarTattOppgavenKanGiDenTilbake() throws Exception {
    ProcessInstance ap = driver.startForslag(TestBrukere.AP_LARVIK, Forslag.gyldig());
    driver.fullfor(ap, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, vurdering("komplett"));
    Task styresak = driver.oppgave(ap, "Task_Styrebehandling");
    String sti = "/engine-rest/task/" + styresak.getId();

    assertThat(rest.postJson(sti + "/claim", TestBrukere.STYRE_LARVIK, Map.of("userId", TestBrukere.STYRE_LARVIK))
        .statusCode()).isEqualTo(204);
    // Another member of the board cannot take it from the one who holds it.
    HttpResponse<String> fremmed = rest.send("POST", sti + "/unclaim", TestBrukere.LEDER_LARVIK, null, null);
    assertThat(fremmed.statusCode()).as(fremmed.body()).isEqualTo(403);
    assertNorsk(fremmed);
    assertThat(engine.getTaskService().createTaskQuery().taskId(styresak.getId()).singleResult().getAssignee())
        .isEqualTo(TestBrukere.STYRE_LARVIK);

    HttpResponse<String> frigi = rest.send("POST", sti + "/unclaim", TestBrukere.STYRE_LARVIK, null, null);
    assertThat(frigi.statusCode()).as(frigi.body()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(styresak.getId()).singleResult().getAssignee()).isNull();
    // And giving it to someone else is still not theirs to do.
    HttpResponse<String> gi = rest.postJson(sti + "/assignee", TestBrukere.STYRE_LARVIK,
        Map.of("userId", TestBrukere.LEDER_LARVIK));
    assertThat(gi.statusCode()).as(gi.body()).isEqualTo(403);
  }

  @Test
  void aSendeAvbrytPilotSomMeldingGirNorskAvslag() throws Exception {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("budsjett", 40_000);
    forslag.put("pilotvarighetMnd", 6);
    ProcessInstance ap = driver.startForslag(TestBrukere.AP_LARVIK, forslag);
    driver.fullfor(ap, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, vurdering("komplett"));
    driver.fullfor(ap, "Task_BesluttMindreTiltak", TestBrukere.LEDER_LARVIK, lederBeslutning("godkjent"));

    HttpResponse<String> svar = rest.postJson("/engine-rest/message", TestBrukere.AP_LARVIK,
        Map.of("messageName", "AvbrytPilot", "processInstanceId", ap.getId()));
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(403);
    assertNorsk(svar);
    assertThat(RestKlient.melding(svar)).startsWith("Arbeidspakkens data og vei endres bare gjennom skjemaene");
  }

  @Test
  void enWebappSideManIkkeHarTilgangTilGirNorskFeilside() throws Exception {
    Nettokt okt = new Nettokt(port);
    assertThat(okt.loggInn(TestBrukere.STYRE_LARVIK, TestBrukere.PASSORD).statusCode()).isEqualTo(302);

    // The board member has Tasklist, not Cockpit.
    HttpResponse<String> cockpit = okt.hent("/camunda/app/cockpit/default/");
    assertThat(cockpit.statusCode()).isEqualTo(403);
    assertThat(cockpit.body()).doesNotContain("Whitelabel").doesNotContain("Forbidden")
        .contains("<html lang=\"nb\"", "<h1>Ingen tilgang</h1>", "Til programoversikten");
  }

  private static void assertNorsk(HttpResponse<String> svar) throws Exception {
    String melding = RestKlient.melding(svar);
    assertThat(melding).isNotBlank().doesNotContain("ENGINE-").doesNotContain("permission")
        .doesNotContain("The user with id").doesNotContain("TASK_WORK").doesNotContain("TASK_ASSIGN");
  }
}
