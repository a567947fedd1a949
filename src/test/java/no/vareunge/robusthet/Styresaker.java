package no.vareunge.robusthet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import no.vareunge.Forslag;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.varsling.VarslingDelegate;
import no.vareunge.varsling.Varselhendelse;
import no.vareunge.varsling.Varslingsstart;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Packages brought to the local board over the REST API, and what a board decision leaves behind. */
final class Styresaker {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Styresak(String instans, String referanse, Task oppgave) {}

  private final RestKlient rest;
  private final ProcessEngine engine;
  private final JdbcClient jdbc;

  Styresaker(RestKlient rest, ProcessEngine engine, JdbcClient jdbc) {
    this.rest = rest;
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /** A valid proposal from ap.larvik, assessed as complete by leder.larvik: it waits for styre-larvik. */
  Styresak nySak() throws Exception {
    HttpResponse<String> start = rest.post("/engine-rest/process-definition/key/arbeidspakke/submit-form",
        TestBrukere.AP_LARVIK, forslag());
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    String instans = JSON.readTree(start.body()).path("id").asText();
    Task vurdering = oppgave(instans, "Task_VurderForslag");
    HttpResponse<String> vurdert = rest.post("/engine-rest/task/" + vurdering.getId() + "/submit-form",
        TestBrukere.LEDER_LARVIK, Map.of("vurdering", "komplett", "vurderingKommentar", "Komplett."));
    assertThat(vurdert.statusCode()).as(vurdert.body()).isEqualTo(204);
    String referanse = (String) engine.getRuntimeService().getVariable(instans, "referanse");
    return new Styresak(instans, referanse, oppgave(instans, "Task_Styrebehandling"));
  }

  Task oppgave(String instans, String aktivitet) {
    Task oppgave = engine.getTaskService().createTaskQuery().processInstanceId(instans)
        .taskDefinitionKey(aktivitet).singleResult();
    assertThat(oppgave).as(aktivitet).isNotNull();
    return oppgave;
  }

  static Map<String, Object> styrevedtak(String begrunnelse) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("styrevedtak", "godkjent");
    v.put("styreSakNr", "7/26");
    v.put("styreMotedato", "2026-03-10");
    v.put("styreBegrunnelse", begrunnelse);
    return v;
  }

  HttpResponse<String> fullfor(Task oppgave, String bruker, Map<String, Object> svar) throws Exception {
    return rest.post("/engine-rest/task/" + oppgave.getId() + "/submit-form", bruker, svar);
  }

  /** The same submission as plain values through the application's own API. */
  HttpResponse<String> fullforIApi(Task oppgave, String bruker, Map<String, Object> svar) throws Exception {
    return rest.postJson("/api/oppgaver/" + oppgave.getId() + "/fullfor", bruker, svar);
  }

  /** The rows of the decision log for one package. */
  java.util.List<Map<String, Object>> vedtak(String instans) {
    return jdbc.sql("SELECT oppgave_id, utfall, begrunnelse, besluttet_av FROM vedtak WHERE prosessinstans_id = ?")
        .param(instans).query().listOfRows();
  }

  /**
   * How many notifications of the decision were started for one package and wait to be sent (the
   * tests run jobs themselves; a notification leaves no history in the engine).
   */
  long vedtaksvarsler(String instans) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Varslingsstart.PROSESS)
        .variableValueEquals(VarslingDelegate.ARBEIDSPAKKE_ID.getName(), instans)
        .variableValueEquals(VarslingDelegate.HENDELSE.getName(), Varselhendelse.VEDTAK.name())
        .count();
  }

  /** The shared valid proposal, with its Json values as plain lists and maps (as Tasklist sends them). */
  private static Map<String, Object> forslag() {
    Map<String, Object> forslag = new LinkedHashMap<>();
    Forslag.gyldig().forEach((navn, verdi) -> {
      try {
        forslag.put(navn, verdi instanceof JsonValue j ? JSON.readValue(j.getValueSerialized(), Object.class) : verdi);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return forslag;
  }
}
