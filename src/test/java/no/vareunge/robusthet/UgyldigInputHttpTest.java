package no.vareunge.robusthet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import no.vareunge.Forslag;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.robusthet.Styresaker.Styresak;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input to every endpoint of the application's API and to the form submissions of the REST API
 * (start form, task completion): wrong types, missing and extra fields, huge strings, unusual
 * Unicode, script and SQL fragments. Always a 4xx with a Norwegian message (a problem detail under
 * /api, Camunda's error format under /engine-rest), never a 500, and nothing stored: no new process
 * instance, no vedtak row, no read model row, and the board task untouched.
 */
@VareungeTest
class UgyldigInputHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MEGABYTE = "x".repeat(1024 * 1024);
  private static final String NUL = "\u0000";
  private static final String RTL = "\u200F";
  private static final String KOMBINERT = "e\u0301";
  private static final String EMOJI = "😀";
  private static final String SKRIPT = "<script>alert('x')</script>";
  private static final String SQL = "'; DROP TABLE vedtak; --";
  private static final Set<String> TITLER = Set.of("Ugyldig forespørsel", "Ingen tilgang", "Finnes ikke",
      "Metoden er ikke tillatt", "Svaret kan ikke leveres i ønsket format", "Innholdstypen støttes ikke");
  /** Words of Spring's, Jackson's and Camunda's own (English) messages: none may come through. */
  private static final List<String> ENGELSK = List.of("Required", "required", "Failed", "failed", "Cannot",
      "cannot", "must", "Exception", "exception", "not found", "Bad Request", "Unrecognized", "Unexpected");
  private static final String JSON_TYPE = "application/json";
  private static final String START = "/engine-rest/process-definition/key/arbeidspakke/submit-form";

  /** One board task for all probes: none of them may change it. */
  private static Styresak sak;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;

  private RestKlient rest;
  private Styresaker saker;

  @BeforeEach
  void oppsett() throws Exception {
    TestBrukere.opprett(identity);
    rest = new RestKlient(port);
    saker = new Styresaker(rest, engine, jdbc);
    if (sak == null) {
      sak = saker.nySak();
    }
  }

  // ------------------------------------------------------------------ the application's API

  static Stream<Arguments> apiForesporsler() {
    List<Arguments> a = new ArrayList<>();
    for (String sok : List.of("fase=TULL", "fase=" + q(SQL), "side=-1", "side=abc", "side=1.5",
        "side=99999999999", "antallPerSide=0", "antallPerSide=201", "antallPerSide=" + q(EMOJI), "status=bla",
        "status=" + q(SKRIPT), "kommune=finnes-ikke", "kommune=" + q(SQL), "kommune=" + q("larvik" + NUL),
        "kommune=" + q("larvik" + RTL), "kommune=" + q(KOMBINERT), "kommune=horten", "tekst=" + "a".repeat(5000),
        "tekst=" + q("abc" + NUL))) {
      a.add(get("/api/arbeidspakker?" + sok));
    }
    for (String referanse : List.of("finnes-ikke", q(SKRIPT).replace("%2F", ""), q(SQL), q(EMOJI), q(RTL),
        q(KOMBINERT), "A".repeat(1000))) {
      a.add(get("/api/arbeidspakker/" + referanse));
    }
    for (String sok : List.of("maks=abc", "maks=0", "maks=100000", "kommune=tull", "kommune=" + q(SQL))) {
      a.add(get("/api/oppgaver/forfalte?" + sok));
    }
    for (String sok : List.of("status=LEST", "status=" + q(SKRIPT), "referanse=" + "R".repeat(5000),
        "referanse=" + q(NUL))) {
      a.add(get("/api/varsler?" + sok));
    }
    a.add(get("/api/finnes-ikke"));
    a.add(Arguments.of("DELETE /api/arbeidspakker", "DELETE", "/api/arbeidspakker", null, null));
    a.add(Arguments.of("POST /api/portefolje/oppsummering", "POST", "/api/portefolje/oppsummering", JSON_TYPE, "{}"));
    a.add(Arguments.of("PUT fullfor", "PUT", "/api/oppgaver/{oppgave}/fullfor", JSON_TYPE, "{}"));
    a.add(Arguments.of("GET fullfor", "GET", "/api/oppgaver/{oppgave}/fullfor", null, null));

    // The task completion of the domain API, with the board task's form.
    String fullfor = "/api/oppgaver/{oppgave}/fullfor";
    a.add(post("uten innhold", fullfor, JSON_TYPE, ""));
    a.add(post("null", fullfor, JSON_TYPE, "null"));
    a.add(post("liste", fullfor, JSON_TYPE, "[]"));
    a.add(post("tekst", fullfor, JSON_TYPE, "\"godkjent\""));
    a.add(post("ugyldig JSON", fullfor, JSON_TYPE, "{\"styrevedtak\": "));
    a.add(post("dypt nøstet JSON", fullfor, JSON_TYPE, "[".repeat(5000) + "]".repeat(5000)));
    a.add(post("tomt objekt", fullfor, JSON_TYPE, "{}"));
    a.add(post("text/plain", fullfor, "text/plain", json(styrevedtak())));
    a.add(post("skjemakoding", fullfor, "application/x-www-form-urlencoded", "styrevedtak=godkjent"));
    a.add(post("XML", fullfor, "application/xml", "<styrevedtak>godkjent</styrevedtak>"));
    a.add(post("tall for valg", fullfor, JSON_TYPE, json(med("styrevedtak", 5))));
    a.add(post("liste for valg", fullfor, JSON_TYPE, json(med("styrevedtak", List.of("godkjent")))));
    a.add(post("objekt for valg", fullfor, JSON_TYPE, json(med("styrevedtak", Map.of("a", 1)))));
    a.add(post("tekst for dato", fullfor, JSON_TYPE, json(med("styreMotedato", "i morgen"))));
    a.add(post("tall for dato", fullfor, JSON_TYPE, json(med("styreMotedato", 20260310))));
    a.add(post("boolsk for tekst", fullfor, JSON_TYPE, json(med("styreSakNr", true))));
    a.add(post("påkrevd felt mangler", fullfor, JSON_TYPE, json(uten("styreSakNr"))));
    a.add(post("ekstra felt", fullfor, JSON_TYPE, json(med("ekstra", 1))));
    a.add(post("prosessvariabel som ekstra felt", fullfor, JSON_TYPE, json(med("fase", "DRIFT"))));
    a.add(post("1 MB begrunnelse", fullfor, JSON_TYPE, json(med("styreBegrunnelse", MEGABYTE))));
    a.add(post("1 MB saksnummer", fullfor, JSON_TYPE, json(med("styreSakNr", MEGABYTE))));
    a.add(post("1 MB feltnavn", fullfor, JSON_TYPE, json(med(MEGABYTE, "x"))));
    a.add(post("RTL-merke i valg", fullfor, JSON_TYPE, json(med("styrevedtak", "godkjent" + RTL))));
    a.add(post("kombinerende tegn i valg", fullfor, JSON_TYPE, json(med("styrevedtak", "godkjent\u0301"))));
    a.add(post("NUL i saksnummer", fullfor, JSON_TYPE, json(med("styreSakNr", "7/26" + NUL))));
    a.add(post("NUL i begrunnelse", fullfor, JSON_TYPE, json(med("styreBegrunnelse", "Godkjent" + NUL))));
    a.add(post("RTL-merke i dato", fullfor, JSON_TYPE, json(med("styreMotedato", "2026-03-10" + RTL))));
    a.add(post("emoji som feltnavn", fullfor, JSON_TYPE, json(med(EMOJI, "x"))));
    a.add(post("skript i valg", fullfor, JSON_TYPE, json(med("styrevedtak", SKRIPT))));
    a.add(post("skript som feltnavn", fullfor, JSON_TYPE, json(med(SKRIPT, "x"))));
    a.add(post("SQL i valg", fullfor, JSON_TYPE, json(med("styrevedtak", "godkjent" + SQL))));
    a.add(post("SQL i oppgave-id", "/api/oppgaver/" + q(SQL) + "/fullfor", JSON_TYPE, json(styrevedtak())));
    a.add(post("1000 tegn oppgave-id", "/api/oppgaver/" + "9".repeat(1000) + "/fullfor", JSON_TYPE,
        json(styrevedtak())));
    return a.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apiForesporsler")
  void apietAvviserMedNorskProblemdetalj(String navn, String metode, String sti, String type, String kropp)
      throws Exception {
    Tilstand for_ = tilstand();

    HttpResponse<String> svar = rest.send(metode, sti.replace("{oppgave}", sak.oppgave().getId()),
        TestBrukere.STYRE_LARVIK, type, kropp);

    assertThat(svar.statusCode()).as(svar.body()).isBetween(400, 499);
    assertThat(svar.headers().firstValue("Content-Type")).as(svar.body())
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = RestKlient.json(svar);
    assertThat(problem.path("status").asInt()).isEqualTo(svar.statusCode());
    assertThat(problem.path("title").asText()).isIn(TITLER);
    assertNorsk(problem.path("detail").asText());
    assertThat(tilstand()).isEqualTo(for_);
  }

  /**
   * An encoded NUL in the path never reaches the application: the web server (Tomcat) refuses the
   * request itself with its own plain 400 page. (In a query parameter or a body it does reach the
   * API and is refused there, see above.)
   */
  @Test
  void nulIStienAvvisesAvWebtjeneren() throws Exception {
    Tilstand for_ = tilstand();

    HttpResponse<String> svar = rest.get("/api/arbeidspakker/AP-2026-LAR-001" + q(NUL), TestBrukere.STYRE_LARVIK);

    assertThat(svar.statusCode()).isEqualTo(400);
    assertThat(tilstand()).isEqualTo(for_);
  }

  /** Odd but valid search text is only text: no hits, and the tables are still there. */
  @ParameterizedTest(name = "tekst={0}")
  @MethodSource("rareSok")
  void rareSokErBareTekst(String tekst) throws Exception {
    HttpResponse<String> svar = rest.get("/api/arbeidspakker?tekst=" + q(tekst), TestBrukere.PROGRAMLEDER);

    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    assertThat(RestKlient.json(svar).path("totalt").asLong()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM vedtak").query(Long.class).single()).isNotNegative();
  }

  static Stream<String> rareSok() {
    return Stream.of(SQL, "' OR '1'='1", SKRIPT, EMOJI + EMOJI, RTL + "عربي", KOMBINERT + KOMBINERT, "%", "_%_", "\\");
  }

  // ------------------------------------------------------------------ the REST API's form submissions

  static Stream<Arguments> skjemainnsendinger() {
    List<Arguments> a = new ArrayList<>();
    String oppgave = "/engine-rest/task/{oppgave}/submit-form";
    String fullfor = "/engine-rest/task/{oppgave}/complete";
    for (String sti : List.of(START, oppgave, fullfor)) {
      a.add(Arguments.of(sti + ": ikke JSON", sti, "{\"variables\": "));
      a.add(Arguments.of(sti + ": liste", sti, "[]"));
      a.add(Arguments.of(sti + ": variables er tekst", sti, "{\"variables\": \"x\"}"));
      a.add(Arguments.of(sti + ": variabel uten value", sti, "{\"variables\": {\"tittel\": 5}}"));
      a.add(Arguments.of(sti + ": ugyldig Json-verdi", sti,
          "{\"variables\": {\"malparametere\": {\"type\": \"Json\", \"value\": \"[{\"}}}"));
      a.add(Arguments.of(sti + ": mangler alt", sti, "{}"));
    }
    a.add(start("tekst for tall", Map.of("budsjett", "mye")));
    a.add(start("desimal for heltall", Map.of("pilotvarighetMnd", 1.5)));
    a.add(start("tekst for ja/nei", Map.of("kreverPolitiskBehandling", "ja")));
    a.add(start("ekstra felt", Map.of("ekstra", 1)));
    a.add(start("prosessvariabel som ekstra felt", Map.of("fase", "DRIFT")));
    a.add(start("1 MB tittel", Map.of("tittel", MEGABYTE)));
    a.add(start("1 MB utfordring", Map.of("utfordring", MEGABYTE)));
    a.add(start("NUL i tittel", Map.of("tittel", "Praksisplasser" + NUL + " i kommunen")));
    a.add(start("RTL-merke i kommune", Map.of("kommune", "larvik" + RTL)));
    a.add(start("kombinerende tegn i kommune", Map.of("kommune", "larvik\u0301")));
    a.add(start("emoji som feltnavn", Map.of(EMOJI, "x")));
    a.add(start("skript i kommune", Map.of("kommune", SKRIPT)));
    a.add(start("SQL i kommune", Map.of("kommune", "larvik" + SQL)));
    a.add(start("skript i partnere", Map.of("partnere", List.of(SKRIPT))));
    for (String sti : List.of(oppgave, fullfor)) {
      a.add(Arguments.of(sti + ": tall for valg", sti, tasklist(med("styrevedtak", 5))));
      a.add(Arguments.of(sti + ": påkrevd felt mangler", sti, tasklist(uten("styreSakNr"))));
      a.add(Arguments.of(sti + ": ekstra felt", sti, tasklist(med("fase", "DRIFT"))));
      a.add(Arguments.of(sti + ": 1 MB begrunnelse", sti, tasklist(med("styreBegrunnelse", MEGABYTE))));
      a.add(Arguments.of(sti + ": NUL i saksnummer", sti, tasklist(med("styreSakNr", "7/26" + NUL))));
      a.add(Arguments.of(sti + ": RTL-merke i valg", sti, tasklist(med("styrevedtak", "godkjent" + RTL))));
      a.add(Arguments.of(sti + ": skript i valg", sti, tasklist(med("styrevedtak", SKRIPT))));
      a.add(Arguments.of(sti + ": SQL i dato", sti, tasklist(med("styreMotedato", "2026-03-10" + SQL))));
    }
    return a.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("skjemainnsendinger")
  void skjemaeneAvviserMedNorskMelding(String navn, String sti, String kropp) throws Exception {
    Tilstand for_ = tilstand();
    boolean start = sti.equals(START);

    HttpResponse<String> svar = rest.send("POST", sti.replace("{oppgave}", sak.oppgave().getId()),
        start ? TestBrukere.AP_LARVIK : TestBrukere.STYRE_LARVIK, JSON_TYPE, kropp);

    assertThat(svar.statusCode()).as(svar.body()).isBetween(400, 499);
    // The application's one error shape, with the detail also as «message» for Tasklist.
    assertThat(svar.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(RestKlient.json(svar).path("detail").asText()).isEqualTo(RestKlient.melding(svar));
    assertThat(RestKlient.json(svar).path("status").asInt()).isEqualTo(svar.statusCode());
    assertNorsk(RestKlient.melding(svar));
    assertThat(tilstand()).isEqualTo(for_);
  }

  // ------------------------------------------------------------------ unusual but valid Unicode is kept

  @Test
  void uvanligUnicodeIGyldigVedtakLagresUendret() throws Exception {
    Styresak egen = saker.nySak();
    String begrunnelse = "Godkjent " + EMOJI + " " + RTL + "مرحبا" + " " + KOMBINERT + " " + SKRIPT + " " + SQL;
    Map<String, Object> svar = Styresaker.styrevedtak(begrunnelse);

    HttpResponse<String> fullfort = saker.fullforIApi(egen.oppgave(), TestBrukere.STYRE_LARVIK, svar);

    assertThat(fullfort.statusCode()).as(fullfort.body()).isEqualTo(204);
    assertThat(saker.vedtak(egen.instans())).singleElement()
        .satisfies(rad -> assertThat(rad).containsEntry("BEGRUNNELSE", begrunnelse));
  }

  // ------------------------------------------------------------------ helpers

  /** What a refused request must leave as it was. */
  private record Tilstand(long prosessinstanser, long pakker, long vedtak, String assignee, int revisjon) {}

  private Tilstand tilstand() {
    Task oppgave = engine.getTaskService().createTaskQuery().taskId(sak.oppgave().getId()).singleResult();
    assertThat(oppgave).as("styrebehandlingen er fortsatt åpen").isNotNull();
    return new Tilstand(
        engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("arbeidspakke").count(),
        jdbc.sql("SELECT COUNT(*) FROM arbeidspakke").query(Long.class).single(),
        jdbc.sql("SELECT COUNT(*) FROM vedtak").query(Long.class).single(),
        oppgave.getAssignee(), ((TaskEntity) oppgave).getRevision());
  }

  private static void assertNorsk(String melding) {
    assertThat(melding).isNotBlank();
    assertThat(ENGELSK).noneMatch(melding::contains);
    assertThat(melding.length()).as("meldingen gjentar ikke en megabyte").isLessThan(2000);
  }

  private static Arguments get(String sti) {
    return Arguments.of("GET " + (sti.length() > 100 ? sti.substring(0, 100) + "…" : sti), "GET", sti, null, null);
  }

  private static Arguments post(String navn, String sti, String type, String kropp) {
    return Arguments.of("POST fullfor: " + navn, "POST", sti, type, kropp);
  }

  /** A valid proposal with one value changed, in Tasklist's format. */
  private static Arguments start(String navn, Map<String, Object> endring) {
    Map<String, Object> forslag = new java.util.LinkedHashMap<>();
    Forslag.gyldig().forEach((k, v) -> forslag.put(k, v instanceof JsonValue j ? lesJson(j) : v));
    forslag.putAll(endring);
    return Arguments.of(START + ": " + navn, START, tasklist(forslag));
  }

  private static Object lesJson(JsonValue verdi) {
    try {
      return JSON.readValue(verdi.getValueSerialized(), Object.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> styrevedtak() {
    return Styresaker.styrevedtak("Godkjent.");
  }

  private static Map<String, Object> med(String felt, Object verdi) {
    Map<String, Object> svar = styrevedtak();
    svar.put(felt, verdi);
    return svar;
  }

  private static Map<String, Object> uten(String felt) {
    Map<String, Object> svar = styrevedtak();
    svar.remove(felt);
    return svar;
  }

  private static String json(Object verdi) {
    try {
      return JSON.writeValueAsString(verdi);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String tasklist(Map<String, Object> verdier) {
    try {
      return RestKlient.tasklist(verdier);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String q(String verdi) {
    return URLEncoder.encode(verdi, StandardCharsets.UTF_8).replace("+", "%20");
  }

}
