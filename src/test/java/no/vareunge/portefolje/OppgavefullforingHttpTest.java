package no.vareunge.portefolje;

import static no.vareunge.TestBrukere.AP_LARVIK;
import static no.vareunge.TestBrukere.LEDER_LARVIK;
import static no.vareunge.TestBrukere.STYRE_HORTEN;
import static no.vareunge.TestBrukere.STYRE_LARVIK;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.vareunge.Forslag;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * POST /api/oppgaver/{id}/fullfor: a board decision with the form's plain values, checked against
 * the form on the server, as the logged-in board member; and each way it is refused. (Two members
 * at the same moment: no.vareunge.robusthet.SamtidigFullforingHttpTest.)
 */
@VareungeTest
class OppgavefullforingHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;

  private RestKlient rest;
  private ArbeidspakkeDriver driver;

  @BeforeEach
  void forbered() {
    TestBrukere.opprett(identity);
    rest = new RestKlient(port);
    driver = new ArbeidspakkeDriver(engine);
  }

  @AfterEach
  void rydd() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  /** A Larvik package waiting for the board's decision (Styrebehandling), nobody has taken it. */
  private ProcessInstance styresak() {
    ProcessInstance pakke = driver.startForslag(AP_LARVIK, Forslag.gyldig());
    driver.fullfor(pakke, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
    return pakke;
  }

  static Map<String, Object> styrevedtak() {
    Map<String, Object> svar = new LinkedHashMap<>();
    svar.put("styrevedtak", "godkjent");
    svar.put("styreSakNr", "12/26");
    svar.put("styreMotedato", "2026-04-14");
    svar.put("styreBegrunnelse", "Tiltaket svarer på behovet i kommunen.");
    svar.put("styreBetingelser", "Rapport hver styresyklus.");
    return svar;
  }

  private HttpResponse<String> fullfor(String oppgaveId, String bruker, Object svar) throws Exception {
    return rest.postJson("/api/oppgaver/" + oppgaveId + "/fullfor", bruker, svar);
  }

  @Test
  void styremedlemFullforerStyrebehandlingenMedSkjemaetsVerdier() throws Exception {
    ProcessInstance pakke = styresak();
    Task oppgave = driver.oppgave(pakke, "Task_Styrebehandling");

    HttpResponse<String> svar = fullfor(oppgave.getId(), STYRE_LARVIK, styrevedtak());

    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(oppgave.getId()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(oppgave.getId()).singleResult()
        .getAssignee()).as("tatt av styremedlemmet før det fullførte").isEqualTo(STYRE_LARVIK);
    assertThat(vedtak(pakke)).singleElement().satisfies(rad -> assertThat(rad)
        .containsEntry("UTFALL", "godkjent")
        .containsEntry("SAK_NR", "12/26")
        .containsEntry("MOTEDATO", "2026-04-14")
        .containsEntry("BESLUTTET_AV", STYRE_LARVIK));
    assertThat(engine.getRuntimeService().getVariable(pakke.getId(), "fase")).isEqualTo("PILOTERING");
    assertThat(engine.getRuntimeService().getVariable(pakke.getId(), "styreBetingelser"))
        .isEqualTo("Rapport hver styresyklus.");
  }

  @Test
  void listerLagresSomJsonOgTommeRaderFaller() throws Exception {
    ProcessInstance pakke = styresak();
    driver.fullfor(pakke, "Task_Styrebehandling", STYRE_LARVIK,
        no.vareunge.arbeidspakke.Skjemasvar.styrevedtak("godkjent", "13/26", "2026-04-14"));
    driver.utforJobbNarDenForfaller(pakke, "Timer_PilotSlutt");
    Task evaluering = driver.oppgave(pakke, "Task_Evaluering");
    Map<String, Object> svar = new LinkedHashMap<>();
    svar.put("malresultater", List.of(Map.of("navn", "Antall praksisplasser", "oppnaddVerdi", "32"),
        Map.of("navn", "", "oppnaddVerdi", "")));
    svar.put("maloppnaelse", "Målet er nesten nådd.");
    svar.put("realiserteGevinster", "Flere unge i praksis.");
    svar.put("laering", "Faste veiledere er avgjørende.");
    svar.put("anbefaling", "drift");

    HttpResponse<String> fullfort = fullfor(evaluering.getId(), AP_LARVIK, svar);

    assertThat(fullfort.statusCode()).as(fullfort.body()).isEqualTo(204);
    Object resultater = engine.getRuntimeService().getVariableTyped(pakke.getId(), "malresultater");
    assertThat(resultater).isInstanceOf(JsonValue.class);
    // Compared as JSON: the order of an object's fields is not part of its value.
    assertThat(JSON.readTree(((JsonValue) resultater).getValueSerialized()))
        .isEqualTo(JSON.readTree("[{\"navn\":\"Antall praksisplasser\",\"oppnaddVerdi\":\"32\"}]"));
  }

  @Test
  void feilUtfyltSkjemaGir400MedEnMeldingPerFeltOgIngentingLagres() throws Exception {
    ProcessInstance pakke = styresak();
    Task oppgave = driver.oppgave(pakke, "Task_Styrebehandling");
    Map<String, Object> svar = styrevedtak();
    svar.remove("styreSakNr");
    svar.put("styrevedtak", "kanskje");
    svar.put("ekstra", "felt");

    HttpResponse<String> avvist = fullfor(oppgave.getId(), STYRE_LARVIK, svar);

    assertThat(avvist.statusCode()).as(avvist.body()).isEqualTo(400);
    assertThat(avvist.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = RestKlient.json(avvist);
    assertThat(problem.path("title").asText()).isEqualTo("Ugyldig forespørsel");
    assertThat(problem.path("detail").asText()).startsWith("Skjemaet er ikke riktig utfylt: ");
    assertThat(problem.path("feil")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
        "Feltet «ekstra» finnes ikke i skjemaet.",
        "«Styrets vedtak» (styrevedtak) har en ugyldig verdi «kanskje». Gyldige verdier: godkjent, avslatt, returnert, "
            + "loftetTilEierstyret.",
        "«Saksnummer (f.eks. 12/26)» (styreSakNr) må fylles ut.");
    Task etter = driver.oppgave(pakke, "Task_Styrebehandling");
    assertThat(etter.getAssignee()).as("ikke tatt").isNull();
    assertThat(vedtak(pakke)).isEmpty();
  }

  @Test
  void andresOppgaveEllerKommuneGir403() throws Exception {
    ProcessInstance pakke = styresak();
    Task oppgave = driver.oppgave(pakke, "Task_Styrebehandling");

    HttpResponse<String> horten = fullfor(oppgave.getId(), STYRE_HORTEN, styrevedtak());
    HttpResponse<String> arbeidspakkeleder = fullfor(oppgave.getId(), AP_LARVIK, styrevedtak());
    HttpResponse<String> programleder = fullfor(oppgave.getId(), TestBrukere.PROGRAMLEDER, styrevedtak());

    for (HttpResponse<String> svar : List.of(horten, arbeidspakkeleder, programleder)) {
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(403);
      assertThat(RestKlient.json(svar).path("title").asText()).isEqualTo("Ingen tilgang");
    }
    assertThat(RestKlient.json(horten).path("detail").asText())
        .isEqualTo("Du har ikke tilgang til oppgaven «" + oppgave.getId() + "».");
    assertThat(RestKlient.json(programleder).path("detail").asText())
        .isEqualTo("Du kan ikke fullføre oppgaven «Styrebehandling».");
    assertThat(driver.oppgave(pakke, "Task_Styrebehandling").getAssignee()).isNull();
    assertThat(vedtak(pakke)).isEmpty();
  }

  @Test
  void ukjentOppgaveGir404() throws Exception {
    HttpResponse<String> svar = fullfor("finnes-ikke", STYRE_LARVIK, styrevedtak());

    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(404);
    assertThat(RestKlient.json(svar).path("detail").asText()).isEqualTo("Oppgaven «finnes-ikke» finnes ikke.");
  }

  @Test
  void oppgaveSomAlleredeErFullfortEllerTattAvEnAnnenGir409() throws Exception {
    ProcessInstance pakke = styresak();
    Task oppgave = driver.oppgave(pakke, "Task_Styrebehandling");
    engine.getTaskService().claim(oppgave.getId(), "styre.larvik.2");

    HttpResponse<String> tatt = fullfor(oppgave.getId(), STYRE_LARVIK, styrevedtak());

    assertThat(tatt.statusCode()).as(tatt.body()).isEqualTo(409);
    assertThat(RestKlient.json(tatt).path("detail").asText()).isEqualTo("Oppgaven «" + oppgave.getId()
        + "» er allerede tatt av «styre.larvik.2». Oppdater siden for å se hvem som arbeider med den.");

    engine.getTaskService().setAssignee(oppgave.getId(), null);
    assertThat(fullfor(oppgave.getId(), STYRE_LARVIK, styrevedtak()).statusCode()).isEqualTo(204);
    HttpResponse<String> igjen = fullfor(oppgave.getId(), STYRE_LARVIK, styrevedtak());

    assertThat(igjen.statusCode()).as(igjen.body()).isEqualTo(409);
    assertThat(RestKlient.json(igjen).path("title").asText()).isEqualTo("Konflikt");
    assertThat(RestKlient.json(igjen).path("detail").asText()).isEqualTo("Oppgaven «" + oppgave.getId()
        + "» er allerede fullført av en annen. Oppdater siden for å se vedtaket.");
    assertThat(vedtak(pakke)).hasSize(1);
  }

  private List<Map<String, Object>> vedtak(ProcessInstance pakke) {
    return jdbc.sql("SELECT utfall, sak_nr, motedato, besluttet_av FROM vedtak WHERE prosessinstans_id = ?")
        .param(pakke.getId()).query().listOfRows();
  }
}
