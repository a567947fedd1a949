package no.vareunge.tilgang;

import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.vareunge.Forslag;
import no.vareunge.Nettokt;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The doors of issue 12 that are not cells of the matrix (TilgangsmatriseHttpTest): BPMN errors on the
 * tasks of the youth panel and of the submitter, serialized objects on every form route, who sees
 * which users, and the security headers.
 */
@VareungeTest
class BeslutningsvernHttpTest {

  private static final String OBJEKT = "{\"value\": \"{}\", \"type\": \"Object\", \"valueInfo\": "
      + "{\"objectTypeName\": \"java.io.FileOutputStream\", \"serializationDataFormat\": \"application/json\"}}";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired Brukersynlighet synlighet;

  private RestKlient rest;
  private ArbeidspakkeDriver driver;

  @BeforeEach
  void oppsett() {
    TestBrukere.opprett(identity);
    synlighet.oppdater();
    rest = new RestKlient(port);
    driver = new ArbeidspakkeDriver(engine);
  }

  @Test
  void ungdomspaneletOgInnsenderenKanIkkeAvsluttePakkenMedEnBpmnFeil() throws Exception {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("horUngdomspanel", true);
    ProcessInstance ap = driver.startForslag(TestBrukere.AP_LARVIK, forslag);
    driver.fullfor(ap, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, vurdering("komplett"));
    Task uttalelse = driver.oppgave(ap, "Task_UttalelseUngdomspanel");

    for (String hva : List.of("bpmnError", "bpmnEscalation")) {
      String kropp = hva.equals("bpmnError") ? "{\"errorCode\": \"avslutt\"}" : "{\"escalationCode\": \"avslutt\"}";
      HttpResponse<String> svar = rest.send("POST", "/engine-rest/task/" + uttalelse.getId() + "/" + hva,
          TestBrukere.UNGDOM, "application/json", kropp);
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(403);
      assertThat(RestKlient.melding(svar)).startsWith("Prosessmodellen venter ikke").contains("«avslutt»")
          .contains("Fullfør oppgaven med skjemaet");
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(ap.getId()).count()).isOne();
    assertThat(driver.oppgave(ap, "Task_UttalelseUngdomspanel").getId()).isEqualTo(uttalelse.getId());

    // The submitter, sent back to rework the proposal, is refused the same way.
    ProcessInstance nr2 = driver.startForslag(TestBrukere.AP_LARVIK, Forslag.gyldig());
    driver.fullfor(nr2, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, vurdering("maBearbeides"));
    Task bearbeid = driver.oppgave(nr2, "Task_BearbeidForslag");
    HttpResponse<String> svar = rest.send("POST", "/engine-rest/task/" + bearbeid.getId() + "/bpmnError",
        TestBrukere.AP_LARVIK, "application/json", "{\"errorCode\": \"trekk\"}");
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(bearbeid.getId()).count()).isOne();

    // The technical administrator still may.
    assertThat(rest.send("POST", "/engine-rest/task/" + bearbeid.getId() + "/bpmnError", TestBrukere.ADMIN,
        "application/json", "{\"errorCode\": \"trekk\"}").statusCode()).isEqualTo(204);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(nr2.getId()).count()).isZero();
  }

  @Test
  void enVariabelAvTypenObjectAvvisesPaHverSkjemarute() throws Exception {
    long for_ = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("arbeidspakke")
        .count();
    String start = RestKlient.tasklist(Forslag.gyldig()).replaceFirst("\\{\"variables\":\\{",
        "{\"variables\":{\"ondsinnet\":" + OBJEKT + ",");
    for (String sti : List.of("/engine-rest/process-definition/key/arbeidspakke/submit-form",
        "/engine-rest/process-definition/key/arbeidspakke/start")) {
      HttpResponse<String> svar = rest.send("POST", sti, TestBrukere.AP_LARVIK, "application/json", start);
      assertThat(svar.statusCode()).as(sti + ": " + svar.body()).isEqualTo(400);
      assertThat(RestKlient.melding(svar)).isEqualTo(
          "Verdien «ondsinnet» har typen «Object», som skjemaene ikke bruker. Tillatt er tekst, tall, ja/nei, dato og JSON.");
    }
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("arbeidspakke")
        .count()).as("ingen pakke startet").isEqualTo(for_);

    ProcessInstance ap = driver.startForslag(TestBrukere.AP_LARVIK, Forslag.gyldig());
    Task vurdering = driver.oppgave(ap, "Task_VurderForslag");
    String svarMedObjekt = "{\"variables\": {\"vurdering\": {\"value\": \"komplett\"}, \"vurderingKommentar\": " + OBJEKT
        + "}}";
    for (String rute : List.of("submit-form", "complete", "resolve")) {
      HttpResponse<String> svar = rest.send("POST", "/engine-rest/task/" + vurdering.getId() + "/" + rute,
          TestBrukere.LEDER_LARVIK, "application/json", svarMedObjekt);
      assertThat(svar.statusCode()).as(rute + ": " + svar.body()).isEqualTo(400);
      assertThat(RestKlient.melding(svar)).contains("«vurderingKommentar»", "«Object»");
    }
    // Not even the administrator, and not as a file.
    assertThat(rest.send("PUT", "/engine-rest/process-instance/" + ap.getId() + "/variables/x", TestBrukere.ADMIN,
        "application/json", OBJEKT).statusCode()).isEqualTo(400);
    assertThat(rest.send("POST", "/engine-rest/process-instance/" + ap.getId() + "/variables/x/data", TestBrukere.ADMIN,
        "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x\"\r\n\r\n"
            + "x\r\n--b--\r\n").statusCode()).isEqualTo(400);
    assertThat(engine.getTaskService().createTaskQuery().taskId(vurdering.getId()).count()).as("oppgaven er åpen").isOne();
    assertThat(engine.getRuntimeService().getVariables(ap.getId())).doesNotContainKeys("vurdering", "x", "ondsinnet");
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .isDeserializationTypeValidationEnabled()).isTrue();
  }

  @Test
  void etStyremedlemIHortenSerBareHortensFolkOgProgrammets() throws Exception {
    HttpResponse<String> svar = rest.get("/engine-rest/user?maxResults=500", TestBrukere.STYRE_HORTEN);
    assertThat(svar.statusCode()).isEqualTo(200);
    List<String> synlige = RestKlient.json(svar).findValuesAsText("id");
    assertThat(synlige).contains(TestBrukere.STYRE_HORTEN, TestBrukere.LEDER_HORTEN, TestBrukere.AP_HORTEN,
        TestBrukere.PROGRAMLEDER, TestBrukere.EIERSTYRET)
        .doesNotContain(TestBrukere.LEDER_LARVIK, TestBrukere.STYRE_LARVIK, TestBrukere.AP_LARVIK, TestBrukere.ADMIN);
    assertThat(svar.body()).doesNotContain(TestBrukere.epost(TestBrukere.STYRE_LARVIK));
    assertThat(RestKlient.json(rest.get("/engine-rest/user?memberOfGroup=styre-larvik", TestBrukere.STYRE_HORTEN)))
        .as("Larviks styre").isEmpty();
    assertThat(rest.get("/engine-rest/user/" + TestBrukere.LEDER_LARVIK + "/profile", TestBrukere.STYRE_HORTEN)
        .statusCode()).isIn(403, 404);
    List<String> grupper = RestKlient.json(rest.get("/engine-rest/group", TestBrukere.STYRE_HORTEN))
        .findValuesAsText("id");
    assertThat(grupper).contains("styre-horten", "leder-horten", "eierstyre", "programleder")
        .doesNotContain("styre-larvik", "leder-larvik");

    // An arbeidspakke-leder sees the kommune's decision makers; programleder sees everyone.
    assertThat(RestKlient.json(rest.get("/engine-rest/user", TestBrukere.AP_LARVIK)).findValuesAsText("id"))
        .contains(TestBrukere.LEDER_LARVIK, TestBrukere.STYRE_LARVIK).doesNotContain(TestBrukere.LEDER_HORTEN);
    assertThat(RestKlient.json(rest.get("/engine-rest/user?maxResults=500", TestBrukere.PROGRAMLEDER))
        .findValuesAsText("id")).contains(TestBrukere.LEDER_LARVIK, TestBrukere.LEDER_HORTEN, TestBrukere.AP_HORTEN);
  }

  @Test
  void motorensEgenJobbErBareForAdministratoren() throws Exception {
    List<org.camunda.bpm.engine.runtime.Job> opprydding = engine.getHistoryService().findHistoryCleanupJobs();
    String id = opprydding.isEmpty() ? engine.getHistoryService().cleanUpHistoryAsync().getId() : opprydding.get(0).getId();
    long alle = engine.getManagementService().createJobQuery().count();

    for (String bruker : List.of(TestBrukere.PROGRAMLEDER, TestBrukere.LEDER_LARVIK, TestBrukere.UNGDOM)) {
      HttpResponse<String> liste = rest.get("/engine-rest/job?maxResults=100000", bruker);
      assertThat(liste.statusCode()).as(bruker).isEqualTo(200);
      assertThat(RestKlient.json(liste).findValuesAsText("id")).as(bruker).doesNotContain(id);
      long antall = RestKlient.json(rest.get("/engine-rest/job/count", bruker)).path("count").asLong();
      assertThat(antall).as(bruker).isEqualTo(RestKlient.json(liste).size());
      assertThat(rest.get("/engine-rest/job/" + id, bruker).statusCode()).as(bruker).isEqualTo(404);
      assertThat(rest.get("/engine-rest/job/count?jobIds=" + id, bruker).body()).as(bruker).contains("\"count\":0");
    }
    assertThat(rest.get("/engine-rest/job/" + id, TestBrukere.ADMIN).statusCode()).isEqualTo(200);
    assertThat(RestKlient.json(rest.get("/engine-rest/job/count", TestBrukere.ADMIN)).path("count").asLong())
        .isEqualTo(alle);
  }

  @Test
  void sikkerhetshoderPaSiderOgApi() throws Exception {
    for (String sti : List.of("/logginn", "/api/arbeidspakker", "/engine-rest/task/count")) {
      HttpResponse<String> svar = rest.send("GET", sti, TestBrukere.PROGRAMLEDER, null, null);
      assertThat(svar.headers().firstValue("Content-Security-Policy")).as(sti).hasValueSatisfying(
          v -> assertThat(v).contains("frame-ancestors 'none'", "default-src 'self'"));
      assertThat(svar.headers().firstValue("X-Frame-Options")).as(sti).contains("DENY");
      assertThat(svar.headers().firstValue("X-Content-Type-Options")).as(sti).contains("nosniff");
      assertThat(svar.headers().firstValue("Referrer-Policy")).as(sti).contains("same-origin");
      assertThat(svar.headers().firstValue("Strict-Transport-Security")).as("ikke over http").isEmpty();
    }
  }

  @Test
  void sikkerhetshoderPaWebappeneOgHstsBakHttps() throws Exception {
    Nettokt okt = new Nettokt(port);
    okt.loggInn(TestBrukere.PROGRAMLEDER, TestBrukere.PASSORD);
    for (String sti : List.of("/camunda/app/tasklist/default/", "/", "/api/arbeidspakker")) {
      HttpResponse<String> svar = okt.hent(sti);
      assertThat(svar.statusCode()).as(sti).isEqualTo(200);
      assertThat(svar.headers().firstValue("Content-Security-Policy")).as(sti).hasValueSatisfying(
          v -> assertThat(v).contains("frame-ancestors 'none'", "default-src 'self'"));
      assertThat(svar.headers().firstValue("X-Content-Type-Options")).as(sti).contains("nosniff");
      assertThat(svar.headers().firstValue("X-Frame-Options")).as(sti).contains("DENY");
      assertThat(svar.headers().firstValue("Referrer-Policy")).as(sti).contains("same-origin");
    }
    // The web apps keep their own policy (their scripts need it); the program's pages have the strict one.
    assertThat(okt.hent("/camunda/app/tasklist/default/").headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(v -> assertThat(v).isNotEqualTo(Sikkerhetsoppsett.CSP));
    // Behind an https proxy: HSTS (a client on plain http cannot keep the Secure session, so no login here).
    Nettokt https = new Nettokt(port, Map.of("X-Forwarded-Proto", "https"));
    for (String sti : List.of("/logginn", "/api/arbeidspakker")) {
      assertThat(https.hent(sti).headers().firstValue("Strict-Transport-Security")).as(sti).hasValueSatisfying(
          v -> assertThat(v).contains("max-age=31536000", "includeSubDomains"));
    }
  }

  @Test
  void utloggingUtenSidensTokenAvvises() throws Exception {
    Nettokt okt = new Nettokt(port);
    okt.loggInn(TestBrukere.PROGRAMLEDER, TestBrukere.PASSORD);

    assertThat(okt.send("/loggut", Map.of()).statusCode()).isEqualTo(403);
    assertThat(okt.hent("/").statusCode()).as("fortsatt innlogget").isEqualTo(200);
  }
}
