package no.vareunge.skjema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import no.vareunge.Forslag;
import no.vareunge.Nettokt;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.felles.Tidssone;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The server-side form validation seen from outside: real HTTP requests in the format Tasklist
 * sends (untyped scalars, lists and objects as type Json with a JSON string), against the REST API
 * with HTTP Basic. Every refused submission must leave no trace: no process instance, no
 * reference number, no vedtak, the task still open with its variables as before.
 */
@VareungeTest
class SkjemaValideringHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String START_KEY = "/engine-rest/process-definition/key/arbeidspakke/";
  private static final String LANG_TEKST = "x".repeat(100_000);
  private static final String FEIL_PASSORD_BRUKER = "ap.feilpassord";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService oppgaver;
  @Autowired RepositoryService repository;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void brukere() {
    TestBrukere.opprett(identity);
  }

  // ---------------------------------------------------------------- start of a proposal

  static Stream<Arguments> ugyldigeForslag() {
    List<Arguments> tilfeller = List.of(
        tilfelle("påkrevd felt mangler", v -> v.remove("tittel"),
            "«Tittel på arbeidspakken» (tittel) må fylles ut."),
        tilfelle("påkrevd felt er null", v -> v.put("utfordring", null),
            "«Utfordringen i kommunen i dag (nåsituasjon)» (utfordring) må fylles ut."),
        tilfelle("negativt budsjett", v -> v.put("budsjett", -1),
            "«Budsjett (NOK)» (budsjett) må være minst 0."),
        tilfelle("pilot på 0 måneder", v -> v.put("pilotvarighetMnd", 0),
            "«Pilotens varighet (måneder)» (pilotvarighetMnd) må være minst 1."),
        tilfelle("pilot på 37 måneder", v -> v.put("pilotvarighetMnd", 37),
            "«Pilotens varighet (måneder)» (pilotvarighetMnd) kan være høyst 36."),
        tilfelle("pilot på en halv måned", v -> v.put("pilotvarighetMnd", 1.5),
            "«Pilotens varighet (måneder)» (pilotvarighetMnd) må være et helt tall."),
        tilfelle("ukjent kommune", v -> v.put("kommune", "oslo"),
            "«Kommune» (kommune) har en ugyldig verdi «oslo»"),
        tilfelle("tittel på 100 000 tegn", v -> v.put("tittel", LANG_TEKST),
            "«Tittel på arbeidspakken» (tittel) kan ha høyst 120 tegn (har 100000)."),
        tilfelle("budsjett som tekst", v -> v.put("budsjett", "mye"),
            "«Budsjett (NOK)» (budsjett) må være et tall."),
        tilfelle("tittel som tall", v -> v.put("tittel", 12345),
            "«Tittel på arbeidspakken» (tittel) må være tekst."),
        tilfelle("ja/nei-felt som tekst", v -> v.put("horUngdomspanel", "ja"),
            "«Be om uttalelse fra ungdomspanelet» (horUngdomspanel) må være ja eller nei"),
        tilfelle("ukjent samarbeidspartner", v -> v.put("partnere", List.of("nav", "politiet")),
            "«Samarbeidspartnere» (partnere) har en ugyldig verdi «politiet»"),
        tilfelle("felt som ikke finnes i skjemaet", v -> v.put("saksbehandler", "ap.horten"),
            "Feltet «saksbehandler» finnes ikke i skjemaet."),
        tilfelle("prosessens egne variabler kan ikke sendes inn", v -> v.put("referanse", "AP-2000-LAR-999"),
            "Feltet «referanse» finnes ikke i skjemaet."),
        tilfelle("tom liste med målparametere", v -> v.put("malparametere", List.of()),
            "«Målparametere» (malparametere) må ha minst 1 rad(er)."),
        tilfelle("målparametere mangler", v -> v.remove("malparametere"),
            "«Målparametere» (malparametere) må fylles ut."),
        tilfelle("målparameter uten målverdi", v -> v.put("malparametere",
                List.of(Map.of("navn", "Antall lærekontrakter", "utgangsverdi", "12"))),
            "«Målparametere» (malparametere) rad 1: «Målverdi» (malverdi) må fylles ut."),
        tilfelle("flere feil på en gang", v -> {
              v.put("budsjett", -5);
              v.put("pilotvarighetMnd", 37);
            },
            "«Budsjett (NOK)» (budsjett) må være minst 0.",
            "«Pilotens varighet (måneder)» (pilotvarighetMnd) kan være høyst 36."));
    List<Arguments> alle = new ArrayList<>();
    for (String endepunkt : List.of("start", "submit-form")) {
      tilfeller.forEach(t -> alle.add(Arguments.of(endepunkt, t.get()[0], t.get()[1], t.get()[2])));
    }
    return alle.stream();
  }

  private static Arguments tilfelle(String navn, Consumer<Map<String, Object>> endring, String... forventet) {
    return Arguments.of(navn, endring, forventet);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("ugyldigeForslag")
  void ugyldigForslagAvvisesMed400OgIngentingStartes(String endepunkt, String navn,
      Consumer<Map<String, Object>> endring, String[] forventet) throws Exception {
    Map<String, Object> forslag = forslag();
    endring.accept(forslag);
    Tilstand for_ = tilstand();

    HttpResponse<String> svar = post(START_KEY + endepunkt, TestBrukere.AP_LARVIK, RestKlient.tasklist(forslag));

    assertAvvist(svar, forventet);
    assertThat(tilstand()).isEqualTo(for_);
  }

  @ParameterizedTest
  @ValueSource(strings = {"start", "submit-form"})
  void uleseligInnsendingAvvisesMedNorskMelding(String endepunkt) throws Exception {
    Tilstand for_ = tilstand();
    String sti = START_KEY + endepunkt;

    assertAvvist(post(sti, TestBrukere.AP_LARVIK, "{\"variables\": {\"tittel\": {\"value\": \"Uferdig"),
        "Forespørselen er ikke gyldig JSON.");
    assertAvvist(post(sti, TestBrukere.AP_LARVIK, "[1, 2, 3]"), "Forespørselen må være et JSON-objekt.");
    assertAvvist(post(sti, TestBrukere.AP_LARVIK, "{\"variables\": [\"tittel\"]}"), "«variables» må være et objekt.");
    assertAvvist(post(sti, TestBrukere.AP_LARVIK, "{\"variables\": {\"tittel\": \"Uten value-objekt\"}}"),
        "Variabelen «tittel» må ha formen");
    // A Json variable whose string is not JSON: the engine would answer 500, the filter 400.
    ObjectNode kropp = (ObjectNode) JSON.readTree(RestKlient.tasklist(forslag()));
    ((ObjectNode) kropp.path("variables").path("malparametere")).put("value", "[{\"navn\": ");
    assertAvvist(post(sti, TestBrukere.AP_LARVIK, kropp.toString()), "Variabelen «malparametere» er ikke gyldig JSON.");
    // No body at all: every required field is missing.
    assertAvvist(post(sti, TestBrukere.AP_LARVIK, ""), "«Tittel på arbeidspakken» (tittel) må fylles ut.",
        "«Kommune» (kommune) må fylles ut.");

    assertThat(tilstand()).isEqualTo(for_);
  }

  @ParameterizedTest
  @ValueSource(strings = {"start", "submit-form"})
  void gyldigForslagSomTasklistSenderDetStartesMedReferanseOgVerdier(String endepunkt) throws Exception {
    Tilstand for_ = tilstand();

    HttpResponse<String> svar = post(START_KEY + endepunkt, TestBrukere.AP_LARVIK, RestKlient.tasklist(forslag()));

    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    JsonNode instans = JSON.readTree(svar.body());
    String referanse = instans.path("businessKey").asText();
    assertThat(referanse).matches("AP-" + Tidssone.idag().getYear() + "-LAR-\\d{3}");
    String id = instans.path("id").asText();
    assertThat(tilstand()).isEqualTo(new Tilstand(for_.instanser() + 1, for_.teller() + 1, for_.vedtak()));

    Map<String, Object> lagret = runtime.getVariables(id);
    assertThat(lagret).containsEntry("tittel", "Praksisplasser i kommunale virksomheter")
        .containsEntry("kommune", "larvik")
        .containsEntry("innsender", TestBrukere.AP_LARVIK)
        .containsEntry("referanse", referanse)
        .containsEntry("horUngdomspanel", false);
    assertThat(((Number) lagret.get("budsjett")).intValue()).isEqualTo(200_000);
    assertThat(((Number) lagret.get("pilotvarighetMnd")).intValue()).isEqualTo(12);
    JsonValue malparametere = runtime.getVariableTyped(id, "malparametere", false);
    assertThat(JSON.readTree(malparametere.getValueSerialized()))
        .isEqualTo(JSON.readTree("[{\"navn\":\"Antall praksisplasser\",\"utgangsverdi\":\"10\",\"malverdi\":\"40\"}]"));
    JsonValue partnere = runtime.getVariableTyped(id, "partnere", false);
    assertThat(JSON.readTree(partnere.getValueSerialized())).isEqualTo(JSON.readTree("[\"kommune\",\"nav\"]"));
    assertThat(oppgave(id, "Task_VurderForslag")).isNotNull();
  }

  @Test
  void typedeVerdierSomAndreKlienterSenderGodtas() throws Exception {
    // Cockpit and scripts send explicit types; numbers as strings are converted by the engine.
    ObjectNode kropp = (ObjectNode) JSON.readTree(RestKlient.tasklist(forslag()));
    ObjectNode variabler = (ObjectNode) kropp.get("variables");
    variabler.putObject("pilotvarighetMnd").put("value", "12").put("type", "Integer");
    variabler.putObject("budsjett").put("value", 200000.0).put("type", "Double");
    variabler.putObject("tittel").put("value", "Faste praksisplasser").put("type", "String");
    variabler.putObject("horUngdomspanel").put("value", false).put("type", "Boolean");

    HttpResponse<String> svar = post(START_KEY + "start", TestBrukere.AP_LARVIK, kropp.toString());

    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    String id = JSON.readTree(svar.body()).path("id").asText();
    assertThat(runtime.getVariable(id, "pilotvarighetMnd")).isEqualTo(12);
    assertThat(runtime.getVariable(id, "tittel")).isEqualTo("Faste praksisplasser");
  }

  @Test
  void andreUrlerTilSammeStartValideresOgsa() throws Exception {
    Map<String, Object> forslag = forslag();
    forslag.put("budsjett", -1);
    String kropp = RestKlient.tasklist(forslag);
    String definisjon = repository.createProcessDefinitionQuery().processDefinitionKey("arbeidspakke")
        .latestVersion().singleResult().getId();
    Tilstand for_ = tilstand();

    // The REST API answers the same resources under a named engine, by definition id, with a
    // percent-encoded path, with a path parameter and with a trailing slash: none may bypass the check.
    for (String sti : List.of(
        "/engine-rest/engine/default/process-definition/key/arbeidspakke/start",
        "/engine-rest/engine/default/process-definition/key/arbeidspakke/submit-form",
        "/engine-rest/process-definition/" + definisjon + "/start",
        "/engine-rest/process-definition/" + URLEncoder.encode(definisjon, StandardCharsets.UTF_8) + "/start",
        "/engine-rest/process-definition/" + URLEncoder.encode(definisjon, StandardCharsets.UTF_8) + "/submit-form",
        "/engine-rest/process-definition/key/arbeidspakk%65/st%61rt",
        "/engine-rest/process-definition/key/arbeidspakke/start;x=1",
        "/engine-rest/process-definition/key/arbeidspakke/start/")) {
      HttpResponse<String> svar = post(sti, TestBrukere.AP_LARVIK, kropp);
      assertThat(svar.statusCode()).as(sti + ": " + svar.body()).isIn(400, 404, 405);
      if (sti.contains(";")) {
        // Spring Security's firewall refuses a path parameter before anything reads it.
        assertThat(svar.statusCode()).isEqualTo(400);
        assertThat(melding(svar)).as(sti).startsWith("Adressen inneholder tegn som ikke er tillatt");
      } else if (svar.statusCode() == 400) {
        assertThat(melding(svar)).as(sti).contains("«Budsjett (NOK)» (budsjett) må være minst 0.");
      }
    }
    assertThat(tilstand()).isEqualTo(for_);
  }

  @Test
  void startinstruksjonerKanIkkeOmgaSkjemaet() throws Exception {
    // startInstructions carry their own variables and can skip the registration: a form
    // submission has no use for them, so they are refused rather than passed on unchecked.
    ObjectNode kropp = (ObjectNode) JSON.readTree(RestKlient.tasklist(forslag()));
    kropp.putArray("startInstructions").addObject()
        .put("type", "startBeforeActivity").put("activityId", "Task_Styrebehandling")
        .putObject("variables").putObject("budsjett").put("value", -1_000_000);
    Tilstand for_ = tilstand();

    assertAvvist(post(START_KEY + "start", TestBrukere.AP_LARVIK, kropp.toString()),
        "«startInstructions» kan ikke sendes inn sammen med et skjema.");
    kropp.remove("startInstructions");
    kropp.put("skipIoMappings", true);
    assertAvvist(post(START_KEY + "start", TestBrukere.AP_LARVIK, kropp.toString()),
        "«skipIoMappings» kan ikke sendes inn sammen med et skjema.");
    assertThat(tilstand()).isEqualTo(for_);
  }

  // ---------------------------------------------------------------- authentication

  @Test
  void restApietKreverGyldigInnlogging() throws Exception {
    Tilstand for_ = tilstand();
    String gyldig = RestKlient.tasklist(forslag());
    Map<String, Object> ugyldigForslag = forslag();
    ugyldigForslag.put("budsjett", -1);

    assertThat(post(START_KEY + "start", null, gyldig).statusCode()).isEqualTo(401);
    assertThat(post(START_KEY + "submit-form", null, gyldig).statusCode()).isEqualTo(401);
    // A wrong password delays the user's next logins (Camunda's login delay): never a shared test user.
    if (identity.createUserQuery().userId(FEIL_PASSORD_BRUKER).count() == 0) {
      User bruker = identity.newUser(FEIL_PASSORD_BRUKER);
      bruker.setPassword(TestBrukere.PASSORD);
      identity.saveUser(bruker);
      identity.createMembership(FEIL_PASSORD_BRUKER, "arbeidspakkeledere");
    }
    assertThat(post(START_KEY + "start", FEIL_PASSORD_BRUKER, "feil-passord", gyldig).statusCode()).isEqualTo(401);
    assertThat(post(START_KEY + "start", "ukjent.bruker", TestBrukere.PASSORD, gyldig).statusCode()).isEqualTo(401);
    // Authentication comes first: a stranger learns nothing about the form's rules.
    assertThat(post(START_KEY + "start", null, RestKlient.tasklist(ugyldigForslag)).statusCode()).isEqualTo(401);

    assertThat(tilstand()).isEqualTo(for_);
  }

  @Test
  void webappensRestApiStarterIngentingUtenInnlogging() throws Exception {
    Tilstand for_ = tilstand();
    Map<String, Object> ugyldigForslag = forslag();
    ugyldigForslag.put("budsjett", -1);
    String sti = "/camunda/api/engine/engine/default/process-definition/key/arbeidspakke/";

    for (String kropp : List.of(RestKlient.tasklist(forslag()), RestKlient.tasklist(ugyldigForslag))) {
      for (String endepunkt : List.of("start", "submit-form")) {
        HttpResponse<String> svar = post(sti + endepunkt, null, kropp);
        assertThat(svar.statusCode()).as(endepunkt + ": " + svar.body())
            .satisfiesAnyOf(s -> assertThat(s).isIn(401, 403), s -> assertThat(s).isBetween(300, 399));
      }
    }
    assertThat(tilstand()).isEqualTo(for_);
  }

  @Test
  void tasklistSinVeiGjennomWebappenValideresOgsa() throws Exception {
    Nettokt okt = new Nettokt(port);
    assertThat(okt.loggInn(TestBrukere.AP_LARVIK, TestBrukere.PASSORD).statusCode()).isEqualTo(302);
    String sti = "/camunda/api/engine/engine/default/process-definition/key/arbeidspakke/submit-form";
    Map<String, Object> ugyldigForslag = forslag();
    ugyldigForslag.put("pilotvarighetMnd", 37);
    Tilstand for_ = tilstand();

    HttpResponse<String> avvist = okt.postTilWebapp(sti, RestKlient.tasklist(ugyldigForslag));
    assertAvvist(avvist, "«Pilotens varighet (måneder)» (pilotvarighetMnd) kan være høyst 36.");
    assertThat(tilstand()).isEqualTo(for_);

    HttpResponse<String> startet = okt.postTilWebapp(sti, RestKlient.tasklist(forslag()));
    assertThat(startet.statusCode()).as(startet.body()).isEqualTo(200);
    String id = JSON.readTree(startet.body()).path("id").asText();
    assertThat(runtime.getVariable(id, "innsender")).isEqualTo(TestBrukere.AP_LARVIK);
    assertThat(tilstand().instanser()).isEqualTo(for_.instanser() + 1);
  }

  // ---------------------------------------------------------------- Vurder forslag

  static Stream<Arguments> ugyldigeVurderinger() {
    List<Arguments> tilfeller = List.of(
        tilfelle("ukjent vurdering", v -> v.put("vurdering", "kanskje"),
            "«Din vurdering» (vurdering) har en ugyldig verdi «kanskje»"),
        tilfelle("vurdering mangler", v -> v.remove("vurdering"), "«Din vurdering» (vurdering) må fylles ut."),
        tilfelle("kommentar på 100 000 tegn", v -> v.put("vurderingKommentar", LANG_TEKST),
            "«Kommentar» (vurderingKommentar) kan ha høyst 4000 tegn (har 100000)."),
        tilfelle("forslaget kan ikke endres ved vurdering", v -> v.put("budsjett", 0),
            "Feltet «budsjett» finnes ikke i skjemaet."));
    return medEndepunkter(tilfeller);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("ugyldigeVurderinger")
  void ugyldigVurderingAvvisesOgOppgavenStarUrort(String endepunkt, String navn,
      Consumer<Map<String, Object>> endring, String[] forventet) throws Exception {
    String instans = startForslag(forslag());
    Map<String, Object> vurdering = vurdering();
    endring.accept(vurdering);

    assertOppgavenUrort(instans, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, endepunkt, vurdering, forventet);
  }

  // ---------------------------------------------------------------- Styrebehandling

  static Stream<Arguments> ugyldigeStyrevedtak() {
    List<Arguments> tilfeller = List.of(
        tilfelle("ukjent utfall", v -> v.put("styrevedtak", "kanskje"),
            "«Styrets vedtak» (styrevedtak) har en ugyldig verdi «kanskje». Gyldige verdier: godkjent, avslatt,"
                + " returnert, loftetTilEierstyret."),
        tilfelle("utfall som tall", v -> v.put("styrevedtak", 1),
            "«Styrets vedtak» (styrevedtak) har en ugyldig verdi «1»"),
        tilfelle("saksnummer mangler", v -> v.remove("styreSakNr"),
            "«Saksnummer (f.eks. 12/26)» (styreSakNr) må fylles ut."),
        tilfelle("norsk datoformat", v -> v.put("styreMotedato", "31.12.2026"),
            "«Møtedato» (styreMotedato) må være en gyldig dato (ÅÅÅÅ-MM-DD)."),
        tilfelle("begrunnelse på 100 000 tegn", v -> v.put("styreBegrunnelse", LANG_TEKST),
            "«Begrunnelse» (styreBegrunnelse) kan ha høyst 4000 tegn (har 100000)."),
        tilfelle("eierstyrets felt i styrets skjema", v -> v.put("bevilgetBelop", 1_000_000),
            "Feltet «bevilgetBelop» finnes ikke i skjemaet."));
    return medEndepunkter(tilfeller);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("ugyldigeStyrevedtak")
  void ugyldigStyrevedtakAvvisesOgIngenVedtakRegistreres(String endepunkt, String navn,
      Consumer<Map<String, Object>> endring, String[] forventet) throws Exception {
    String instans = startForslag(forslag());
    fullfor(instans, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, vurdering());
    Map<String, Object> vedtak = styrevedtak("godkjent");
    endring.accept(vedtak);

    assertOppgavenUrort(instans, "Task_Styrebehandling", TestBrukere.STYRE_LARVIK, endepunkt, vedtak, forventet);
    assertThat(vedtakFor(instans)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"complete", "submit-form"})
  void styrevedtakOverRestSkrivesEnGangIVedtaksprotokollen(String endepunkt) throws Exception {
    String instans = startForslag(forslag());
    fullfor(instans, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, vurdering());
    Task styrebehandling = oppgave(instans, "Task_Styrebehandling");
    String sti = "/engine-rest/task/" + styrebehandling.getId() + "/" + endepunkt;

    HttpResponse<String> svar = post(sti, TestBrukere.STYRE_LARVIK, RestKlient.tasklist(styrevedtak("avslatt")));

    assertThat(svar.statusCode()).as(svar.body()).isIn(200, 204);
    List<Map<String, Object>> rader = vedtakFor(instans);
    assertThat(rader).hasSize(1);
    assertThat(rader.get(0))
        .containsEntry("OPPGAVE_ID", styrebehandling.getId())
        .containsEntry("NIVA", "LOKALT_STYRE")
        .containsEntry("UTFALL", "avslatt")
        .containsEntry("SAK_NR", "12/26")
        .containsEntry("MOTEDATO", "2026-03-10")
        .containsEntry("BESLUTTET_AV", TestBrukere.STYRE_LARVIK);
    assertThat(oppgaver.createTaskQuery().taskId(styrebehandling.getId()).count()).isZero();

    // The same task a second time: it is completed, so no second decision and no server error but a conflict.
    Tilstand for_ = tilstand();
    HttpResponse<String> igjen = post(sti, TestBrukere.STYRE_LARVIK, RestKlient.tasklist(styrevedtak("godkjent")));
    assertThat(igjen.statusCode()).as(igjen.body()).isEqualTo(409);
    assertThat(melding(igjen)).contains("er allerede fullført");
    assertThat(vedtakFor(instans)).hasSize(1);
    assertThat(tilstand()).isEqualTo(for_);
  }

  // ---------------------------------------------------------------- Behandling i eierstyret

  static Stream<Arguments> ugyldigeEierstyrevedtak() {
    List<Arguments> tilfeller = List.of(
        tilfelle("ukjent utfall", v -> v.put("eierstyrevedtak", "kanskje"),
            "«Eierstyrets vedtak» (eierstyrevedtak) har en ugyldig verdi «kanskje»"),
        tilfelle("styrets utfall finnes ikke i eierstyret", v -> v.put("eierstyrevedtak", "loftetTilEierstyret"),
            "«Eierstyrets vedtak» (eierstyrevedtak) har en ugyldig verdi «loftetTilEierstyret»"),
        tilfelle("godkjent uten bevilget beløp", v -> v.remove("bevilgetBelop"),
            "«Bevilget beløp (NOK)» (bevilgetBelop) må fylles ut."),
        tilfelle("negativt bevilget beløp", v -> v.put("bevilgetBelop", -1),
            "«Bevilget beløp (NOK)» (bevilgetBelop) må være minst 0."),
        tilfelle("bevilget beløp som tekst", v -> v.put("bevilgetBelop", "en million"),
            "«Bevilget beløp (NOK)» (bevilgetBelop) må være et tall."));
    return medEndepunkter(tilfeller);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("ugyldigeEierstyrevedtak")
  void ugyldigEierstyrevedtakAvvisesOgIngenVedtakRegistreres(String endepunkt, String navn,
      Consumer<Map<String, Object>> endring, String[] forventet) throws Exception {
    String instans = tilEierstyret();
    Map<String, Object> vedtak = eierstyrevedtak("godkjent");
    vedtak.put("bevilgetBelop", 750_000);
    endring.accept(vedtak);

    assertOppgavenUrort(instans, "Task_BehandlingEierstyre", TestBrukere.EIERSTYRET, endepunkt, vedtak, forventet);
    assertThat(vedtakFor(instans)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"complete", "submit-form"})
  void skjultFeltForkastesUtenFeilmelding(String endepunkt) throws Exception {
    String instans = tilEierstyret();
    Task behandling = oppgave(instans, "Task_BehandlingEierstyre");
    // bevilgetBelop is hidden when the owner board refuses: the browser would not send it; a
    // client that does gets no error, and the value is not stored.
    Map<String, Object> vedtak = eierstyrevedtak("avslatt");
    vedtak.put("bevilgetBelop", 750_000);

    HttpResponse<String> svar =
        post("/engine-rest/task/" + behandling.getId() + "/" + endepunkt, TestBrukere.EIERSTYRET, RestKlient.tasklist(vedtak));

    assertThat(svar.statusCode()).as(svar.body()).isIn(200, 204);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instans)
        .variableName("bevilgetBelop").count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instans)
        .variableName("eierstyrevedtak").singleResult().getValue()).isEqualTo("avslatt");
    assertThat(vedtakFor(instans)).singleElement().satisfies(rad -> assertThat(rad)
        .containsEntry("NIVA", "EIERSTYRE")
        .containsEntry("UTFALL", "avslatt")
        .containsEntry("BESLUTTET_AV", TestBrukere.EIERSTYRET));
  }

  // ---------------------------------------------------------------- helpers

  /** The state a refused submission must not change. */
  record Tilstand(long instanser, long teller, long vedtak) {}

  private Tilstand tilstand() {
    return new Tilstand(
        history.createHistoricProcessInstanceQuery().processDefinitionKey("arbeidspakke").count(),
        jdbc.sql("SELECT COALESCE(SUM(siste), 0) FROM referanseteller").query(Long.class).single(),
        jdbc.sql("SELECT COUNT(*) FROM vedtak").query(Long.class).single());
  }

  private static Stream<Arguments> medEndepunkter(List<Arguments> tilfeller) {
    List<Arguments> alle = new ArrayList<>();
    for (String endepunkt : List.of("complete", "submit-form")) {
      tilfeller.forEach(t -> alle.add(Arguments.of(endepunkt, t.get()[0], t.get()[1], t.get()[2])));
    }
    return alle.stream();
  }

  /** Submits to the task, expects 400 naming the fields, and checks that nothing moved. */
  private void assertOppgavenUrort(String instans, String aktivitet, String bruker, String endepunkt,
      Map<String, Object> innsendt, String[] forventet) throws Exception {
    Task oppgave = oppgave(instans, aktivitet);
    Map<String, String> variablerFor = variabler(instans);
    Tilstand for_ = tilstand();

    HttpResponse<String> svar = post("/engine-rest/task/" + oppgave.getId() + "/" + endepunkt, bruker, RestKlient.tasklist(innsendt));

    assertAvvist(svar, forventet);
    Task etter = oppgaver.createTaskQuery().taskId(oppgave.getId()).singleResult();
    assertThat(etter).isNotNull();
    assertThat(etter.getTaskDefinitionKey()).isEqualTo(aktivitet);
    assertThat(etter.getAssignee()).isEqualTo(oppgave.getAssignee());
    assertThat(history.createHistoricTaskInstanceQuery().taskId(oppgave.getId()).finished().count()).isZero();
    assertThat(variabler(instans)).isEqualTo(variablerFor);
    assertThat(tilstand()).isEqualTo(for_);
  }

  private Map<String, String> variabler(String instans) {
    Map<String, String> verdier = new HashMap<>();
    runtime.createVariableInstanceQuery().processInstanceIdIn(instans).disableCustomObjectDeserialization().list()
        .forEach(v -> verdier.put(v.getExecutionId() + "/" + v.getName(), String.valueOf(v.getTypedValue())));
    return verdier;
  }

  private List<Map<String, Object>> vedtakFor(String instans) {
    return jdbc.sql("SELECT * FROM vedtak WHERE prosessinstans_id = ?").param(instans).query().listOfRows();
  }

  private Task oppgave(String instans, String aktivitet) {
    Task oppgave = oppgaver.createTaskQuery().processInstanceId(instans).taskDefinitionKey(aktivitet).singleResult();
    assertThat(oppgave).as(aktivitet).isNotNull();
    return oppgave;
  }

  /** A valid proposal started over REST, as its submitter. */
  private String startForslag(Map<String, Object> forslag) throws Exception {
    HttpResponse<String> svar = post(START_KEY + "start", TestBrukere.AP_LARVIK, RestKlient.tasklist(forslag));
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    return JSON.readTree(svar.body()).path("id").asText();
  }

  private void fullfor(String instans, String aktivitet, String bruker, Map<String, Object> verdier) throws Exception {
    Task oppgave = oppgave(instans, aktivitet);
    HttpResponse<String> svar = post("/engine-rest/task/" + oppgave.getId() + "/complete", bruker, RestKlient.tasklist(verdier));
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(204);
  }

  /** A package that needs political treatment, assessed as complete: it waits for the owner board. */
  private String tilEierstyret() throws Exception {
    Map<String, Object> forslag = forslag();
    forslag.put("kreverPolitiskBehandling", true);
    String instans = startForslag(forslag);
    fullfor(instans, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, vurdering());
    return instans;
  }

  /** The shared valid proposal, with its Json values as plain lists and maps. */
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

  private static Map<String, Object> vurdering() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("vurdering", "komplett");
    v.put("vurderingKommentar", "Forslaget er komplett.");
    return v;
  }

  private static Map<String, Object> styrevedtak(String utfall) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("styrevedtak", utfall);
    v.put("styreSakNr", "12/26");
    v.put("styreMotedato", "2026-03-10");
    v.put("styreBegrunnelse", "Styret har behandlet saken.");
    return v;
  }

  private static Map<String, Object> eierstyrevedtak(String utfall) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("eierstyrevedtak", utfall);
    v.put("eierstyreSakNr", "3/26");
    v.put("eierstyreMotedato", "2026-04-02");
    v.put("eierstyreBegrunnelse", "Eierstyret har behandlet saken.");
    return v;
  }


  private void assertAvvist(HttpResponse<String> svar, String... forventet) throws Exception {
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(400);
    assertThat(svar.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(melding(svar)).contains(forventet);
  }

  private static String melding(HttpResponse<String> svar) throws Exception {
    return JSON.readTree(svar.body()).path("message").asText();
  }

  private HttpResponse<String> post(String sti, String bruker, String kropp) throws Exception {
    return post(sti, bruker, TestBrukere.PASSORD, kropp);
  }

  private HttpResponse<String> post(String sti, String bruker, String passord, String kropp) throws Exception {
    HttpRequest.Builder foresporsel = HttpRequest.newBuilder(URI.create("http://localhost:" + port + sti))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(BodyPublishers.ofString(kropp, StandardCharsets.UTF_8));
    if (bruker != null) {
      foresporsel.header("Authorization", RestKlient.basic(bruker, passord));
    }
    return http.send(foresporsel.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
