package no.vareunge.tilgang;

import static no.vareunge.arbeidspakke.Skjemasvar.styrevedtak;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.vareunge.Forslag;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The kommune's decision makers see every task of its packages through one grant on the
 * definition, but only the task's own people may claim or complete it (Oppgavearbeid), and the
 * engine writes no grant per task for those groups (Oppgavetilgang). The whole matrix of who may
 * do what is in TilgangsmatriseHttpTest; this is the rule itself, through the REST API.
 */
@VareungeTest
class OppgavearbeidHttpTest {

  private static final String IKKE_DIN = "er ikke din: bare den som har fått den, eller en i gruppen den er sendt til, "
      + "kan ta eller fullføre den.";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService autorisasjoner;

  private RestKlient rest;
  private ArbeidspakkeDriver driver;

  @BeforeEach
  void oppsett() {
    TestBrukere.opprett(identity);
    rest = new RestKlient(port);
    driver = new ArbeidspakkeDriver(engine);
  }

  @Test
  void styretSerLokalLedersOppgaveMenKanIkkeTaEllerFullforeDen() throws Exception {
    ProcessInstance ap = driver.startForslag(TestBrukere.AP_LARVIK, Forslag.gyldig());
    Task vurdering = driver.oppgave(ap, "Task_VurderForslag");
    String sti = "/engine-rest/task/" + vurdering.getId();

    assertThat(rest.get(sti, TestBrukere.STYRE_LARVIK).statusCode()).isEqualTo(200);
    HttpResponse<String> ta = rest.postJson(sti + "/claim", TestBrukere.STYRE_LARVIK,
        Map.of("userId", TestBrukere.STYRE_LARVIK));
    assertThat(ta.statusCode()).as(ta.body()).isEqualTo(403);
    assertThat(RestKlient.melding(ta)).isEqualTo("Oppgaven «" + vurdering.getName() + "» " + IKKE_DIN);
    HttpResponse<String> fullfor = rest.post(sti + "/submit-form", TestBrukere.STYRE_LARVIK, vurdering("komplett"));
    assertThat(fullfor.statusCode()).as(fullfor.body()).isEqualTo(403);
    assertThat(RestKlient.melding(fullfor)).endsWith(IKKE_DIN);

    Task etter = engine.getTaskService().createTaskQuery().taskId(vurdering.getId()).singleResult();
    assertThat(etter).as("oppgaven er fortsatt åpen").isNotNull();
    assertThat(etter.getAssignee()).isNull();
    assertThat(engine.getRuntimeService().getVariable(ap.getId(), "vurdering")).isNull();

    // Lokal leder, the candidate group, may.
    assertThat(rest.postJson(sti + "/claim", TestBrukere.LEDER_LARVIK, Map.of("userId", TestBrukere.LEDER_LARVIK))
        .statusCode()).isEqualTo(204);
    assertThat(rest.post(sti + "/submit-form", TestBrukere.LEDER_LARVIK, vurdering("komplett")).statusCode())
        .isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(vurdering.getId()).count()).isZero();
  }

  /** The application's own API: the right to work on the task is checked before the answers. */
  @Test
  void iDomeneApietFarDenSomIkkeStarPaOppgaven403ForSvareneSjekkes() throws Exception {
    ProcessInstance ap = driver.startForslag(TestBrukere.AP_LARVIK, Forslag.gyldig());
    Task vurdering = driver.oppgave(ap, "Task_VurderForslag");
    String sti = "/api/oppgaver/" + vurdering.getId() + "/fullfor";

    HttpResponse<String> styret = rest.postJson(sti, TestBrukere.STYRE_LARVIK, Map.of());
    assertThat(styret.statusCode()).as(styret.body()).isEqualTo(403);
    assertThat(RestKlient.felt(styret, "detail")).isEqualTo("Du kan ikke fullføre oppgaven «Vurder forslag».");

    // Lokal leder with a missing answer: 400, and the claim made on the way is rolled back.
    HttpResponse<String> lederen = rest.postJson(sti, TestBrukere.LEDER_LARVIK, Map.of());
    assertThat(lederen.statusCode()).as(lederen.body()).isEqualTo(400);
    assertThat(RestKlient.felt(lederen, "detail")).startsWith("Skjemaet er ikke riktig utfylt:");
    Task etter = engine.getTaskService().createTaskQuery().taskId(vurdering.getId()).singleResult();
    assertThat(etter).isNotNull();
    assertThat(etter.getAssignee()).isNull();
  }

  @Test
  void eierstyretKanIkkeFullforeStyretsSak() throws Exception {
    ProcessInstance ap = driver.startForslag(TestBrukere.AP_LARVIK, Forslag.gyldig());
    driver.fullfor(ap, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, vurdering("komplett"));
    Task styresak = driver.oppgave(ap, "Task_Styrebehandling");

    HttpResponse<String> svar = rest.post("/engine-rest/task/" + styresak.getId() + "/submit-form",
        TestBrukere.EIERSTYRET, styrevedtak("godkjent", "7/30", "2030-01-29"));

    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(403);
    assertThat(RestKlient.melding(svar)).endsWith(IKKE_DIN);
    assertThat(engine.getTaskService().createTaskQuery().taskId(styresak.getId()).count()).isOne();
  }

  @Test
  void kommunensGrupperFarIngenTillatelsePerOppgaveDeAndreFar() {
    ProcessInstance ap = driver.startForslag(TestBrukere.AP_LARVIK, Forslag.gyldig());
    Task vurdering = driver.oppgave(ap, "Task_VurderForslag");
    assertThat(grupperMedTillatelse(vurdering)).isEmpty();

    // The assignee of a task still gets a grant on it: a user is not given the whole definition.
    driver.fullfor(ap, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, vurdering("maBearbeides"));
    Task bearbeiding = driver.oppgave(ap, "Task_BearbeidForslag");
    assertThat(autorisasjoner.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(bearbeiding.getId())
        .userIdIn(TestBrukere.AP_LARVIK).count()).isOne();
  }

  private List<String> grupperMedTillatelse(Task oppgave) {
    return autorisasjoner.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(oppgave.getId()).list()
        .stream().map(Authorization::getGroupId).filter(Objects::nonNull).toList();
  }
}
