package no.vareunge.tilgang;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import no.vareunge.Forslag;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access model (issue 3) seen from outside: every role × action × own/other kommune over the
 * real REST API with HTTP Basic, one named test per cell. "Avvist" means 401/403/404, a refused
 * message correlation or an empty list, and never any data of the package: each package carries a
 * secret text in its variables, and a refused answer must contain neither it, the title nor the
 * reference number. Packages are created through the Java API as the users who would do each step.
 */
@VareungeTest
class TilgangsmatriseHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String INGEN_GRUPPE = "uten.gruppe";
  private static final String LAAS_BRUKER = "laas.test";
  private static final String KOMMUNEFEIL = "Du kan bare sende inn forslag for en kommune du hører til";

  /** A user of the matrix; {@code kommune} null for program-wide roles, {@code id} null for anonymous. */
  record Bruker(String id, String kommune) {
    String navn() {
      return id == null ? "anonym" : id;
    }

    boolean anonym() {
      return id == null;
    }

    /** How the cell names a package's kommune: relative for kommune users, by name for the others. */
    String sted(String pakkensKommune) {
      if (kommune == null) {
        return pakkensKommune.substring(0, 1).toUpperCase() + pakkensKommune.substring(1);
      }
      return kommune.equals(pakkensKommune) ? "egen kommune" : "annen kommune";
    }

    boolean i(String pakkensKommune) {
      return pakkensKommune.equals(kommune);
    }
  }

  static final Bruker AP_LARVIK = new Bruker(TestBrukere.AP_LARVIK, "larvik");
  static final Bruker LEDER_LARVIK = new Bruker(TestBrukere.LEDER_LARVIK, "larvik");
  static final Bruker STYRE_LARVIK = new Bruker(TestBrukere.STYRE_LARVIK, "larvik");
  static final Bruker AP_HORTEN = new Bruker(TestBrukere.AP_HORTEN, "horten");
  static final Bruker LEDER_HORTEN = new Bruker(TestBrukere.LEDER_HORTEN, "horten");
  static final Bruker STYRE_HORTEN = new Bruker(TestBrukere.STYRE_HORTEN, "horten");
  static final Bruker EIERSTYRET = new Bruker(TestBrukere.EIERSTYRET, null);
  static final Bruker PROGRAMLEDER = new Bruker(TestBrukere.PROGRAMLEDER, null);
  static final Bruker UNGDOM = new Bruker(TestBrukere.UNGDOM, null);
  static final Bruker UTEN_GRUPPE = new Bruker(INGEN_GRUPPE, null);
  static final Bruker ANONYM = new Bruker(null, null);

  static final List<Bruker> ALLE = List.of(AP_LARVIK, LEDER_LARVIK, STYRE_LARVIK, AP_HORTEN, LEDER_HORTEN,
      STYRE_HORTEN, EIERSTYRET, PROGRAMLEDER, UNGDOM, UTEN_GRUPPE, ANONYM);
  static final List<String> KOMMUNER = List.of("larvik", "horten");

  /** How far a package has come: which task waits, for whom. */
  enum Trinn {
    VURDERING("Task_VurderForslag", "lokal leders oppgave"),
    STYRE("Task_Styrebehandling", "styrets oppgave"),
    PILOT(null, "pilot");

    final String oppgave;
    final String beskrivelse;

    Trinn(String oppgave, String beskrivelse) {
      this.oppgave = oppgave;
      this.beskrivelse = beskrivelse;
    }
  }

  record Pakke(String kommune, String instans, String referanse, String tittel, String hemmelig, String oppgave) {}

  /** Packages only read by the tests, created once for the class (the in-memory database is shared). */
  private static final Map<String, Pakke> DELTE = new HashMap<>();
  private static int teller;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService oppgaver;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void brukere() {
    TestBrukere.opprett(identity);
    if (identity.createUserQuery().userId(INGEN_GRUPPE).count() == 0) {
      User bruker = identity.newUser(INGEN_GRUPPE);
      bruker.setPassword(TestBrukere.PASSORD);
      identity.saveUser(bruker);
    }
  }

  @AfterEach
  void klokke() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  // ---------------------------------------------------------------- expectations (the access model)

  /** The candidate group of the task: lokal leder for the assessment, the local board for its case. */
  static boolean kandidat(Bruker b, Trinn trinn, String kommune) {
    return switch (trinn) {
      case VURDERING -> b.i(kommune) && b.id().startsWith("leder.");
      case STYRE -> b.i(kommune) && b.id().startsWith("styre.");
      case PILOT -> false;
    };
  }

  /**
   * Sees the task: its candidates, and whoever reads the package (the kommune's decision makers and
   * eierstyret through their grant on arbeidspakke, programleder through TASK * READ).
   */
  static boolean serOppgaven(Bruker b, Trinn trinn, String kommune) {
    return kandidat(b, trinn, kommune) || leserPakken(b, kommune);
  }

  /** Reads a package and its history: lokal leder and board of the kommune, eierstyret, programleder. */
  static boolean leserPakken(Bruker b, String kommune) {
    return (b.i(kommune) && (b.id().startsWith("leder.") || b.id().startsWith("styre.")))
        || b == EIERSTYRET || b == PROGRAMLEDER;
  }

  /** Submits a proposal: an arbeidspakkeleder, for their own kommune only. */
  static boolean starter(Bruker b, String kommune) {
    return b.i(kommune) && b.id().startsWith("ap.");
  }

  /** Stops a pilot: the decision makers who read the package (UPDATE_INSTANCE); not programleder. */
  static boolean avbryter(Bruker b, String kommune) {
    return leserPakken(b, kommune) && b != PROGRAMLEDER;
  }

  private static String navn(Bruker b, String handling, String sted, boolean tillatt) {
    return b.navn() + " · " + handling + " · " + sted + " → " + (b.anonym() ? "401" : tillatt ? "tillatt" : "avvist");
  }

  // ---------------------------------------------------------------- tasks

  enum Oppgavehandling {
    LISTE("se oppgaven i oppgavelisten"),
    VARIABLER("lese oppgavens variabler"),
    SKJEMAVARIABLER("lese oppgavens skjemavariabler"),
    TA("ta oppgaven"),
    FULLFORE("fullføre oppgaven");

    final String tekst;

    Oppgavehandling(String tekst) {
      this.tekst = tekst;
    }
  }

  static Stream<Arguments> oppgaveceller() {
    List<Arguments> celler = new ArrayList<>();
    for (Oppgavehandling h : Oppgavehandling.values()) {
      for (Trinn trinn : List.of(Trinn.VURDERING, Trinn.STYRE)) {
        for (String kommune : KOMMUNER) {
          for (Bruker b : ALLE) {
            boolean tillatt = !b.anonym() && switch (h) {
              case LISTE, VARIABLER, SKJEMAVARIABLER -> serOppgaven(b, trinn, kommune);
              case TA, FULLFORE -> kandidat(b, trinn, kommune);
            };
            String sted = trinn.beskrivelse + ", " + b.sted(kommune);
            celler.add(Arguments.of(navn(b, h.tekst, sted, tillatt), b, h, trinn, kommune, tillatt));
          }
        }
      }
    }
    return celler.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oppgaveceller")
  void oppgave(String navn, Bruker b, Oppgavehandling h, Trinn trinn, String kommune, boolean tillatt)
      throws Exception {
    boolean endrer = h == Oppgavehandling.TA || h == Oppgavehandling.FULLFORE;
    // Claiming and completing change the task: those cells get a package of their own.
    Pakke pakke = endrer && !b.anonym() ? nyPakke(kommune, trinn) : delt(kommune, trinn);
    String sti = "/engine-rest/task/" + pakke.oppgave();
    HttpResponse<String> svar = switch (h) {
      case LISTE -> get("/engine-rest/task?processInstanceBusinessKey=" + pakke.referanse(), b);
      case VARIABLER -> get(sti + "/variables", b);
      case SKJEMAVARIABLER -> get(sti + "/form-variables", b);
      case TA -> post(sti + "/claim", b, "{\"userId\": \"" + (b.anonym() ? "ap.larvik" : b.id()) + "\"}");
      case FULLFORE -> post(sti + "/submit-form", b, RestKlient.tasklist(skjemasvar(trinn)));
    };

    if (b.anonym()) {
      assertAnonymAvvist(svar, pakke);
    } else if (h == Oppgavehandling.LISTE) {
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
      List<String> ider = new ArrayList<>();
      JSON.readTree(svar.body()).forEach(t -> ider.add(t.path("id").asText()));
      assertThat(ider).as("synlige oppgaver").isEqualTo(tillatt ? List.of(pakke.oppgave()) : List.of());
    } else if (!tillatt) {
      assertAvvistUtenData(svar, pakke);
    } else if (h == Oppgavehandling.TA || h == Oppgavehandling.FULLFORE) {
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(204);
    } else {
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
      assertThat(JSON.readTree(svar.body()).path("utfordring").path("value").asText()).isEqualTo(pakke.hemmelig());
    }

    // What the task looks like afterwards, seen without authorization checks.
    Task etter = oppgaver.createTaskQuery().taskId(pakke.oppgave()).singleResult();
    if (h == Oppgavehandling.FULLFORE && tillatt) {
      assertThat(etter).as("fullført").isNull();
      assertThat(history.createHistoricTaskInstanceQuery().taskId(pakke.oppgave()).singleResult().getDeleteReason())
          .isEqualTo("completed");
      String utfall = trinn == Trinn.VURDERING ? "vurdering" : "styrevedtak";
      assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(pakke.instans()).variableName(utfall)
          .singleResult()).as(utfall).isNotNull();
    } else {
      assertThat(etter).as("oppgaven er fortsatt åpen").isNotNull();
      assertThat(etter.getAssignee()).isEqualTo(h == Oppgavehandling.TA && tillatt ? b.id() : null);
    }
  }

  // ---------------------------------------------------------------- starting a package

  static Stream<Arguments> startceller() {
    List<Arguments> celler = new ArrayList<>();
    for (String kommune : KOMMUNER) {
      for (Bruker b : ALLE) {
        boolean tillatt = !b.anonym() && starter(b, kommune);
        celler.add(Arguments.of(navn(b, "sende inn forslag", b.sted(kommune), tillatt), b, kommune, tillatt));
      }
    }
    return celler.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("startceller")
  void startForslag(String navn, Bruker b, String kommune, boolean tillatt) throws Exception {
    Map<String, Object> forslag = forslag(kommune, "Hemmelig forslag " + UUID.randomUUID());
    Tilstand for_ = tilstand();

    HttpResponse<String> svar =
        post("/engine-rest/process-definition/key/arbeidspakke/submit-form", b, RestKlient.tasklist(forslag));

    if (tillatt) {
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
      JsonNode instans = JSON.readTree(svar.body());
      assertThat(instans.path("tenantId").asText()).isEqualTo(kommune);
      assertThat(instans.path("businessKey").asText()).contains(kommune.equals("larvik") ? "-LAR-" : "-HOR-");
      assertThat(runtime.getVariable(instans.path("id").asText(), "innsender")).isEqualTo(b.id());
      return;
    }
    if (b.anonym()) {
      assertThat(svar.statusCode()).isEqualTo(401);
    } else if (b == UTEN_GRUPPE) {
      // Without a group the process definition itself is invisible.
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(404);
    } else {
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(403);
      if (b.id().startsWith("ap.")) {
        // The arbeidspakkeleder may start proposals, only not for another kommune: say why, in Norwegian.
        assertThat(JSON.readTree(svar.body()).path("message").asText()).contains(KOMMUNEFEIL);
      }
    }
    assertThat(svar.body()).doesNotContain((String) forslag.get("utfordring"));
    assertThat(tilstand()).as("ingenting opprettet").isEqualTo(for_);
  }

  // ---------------------------------------------------------------- reading a package and its history

  enum Lesing {
    INSTANS("lese prosessinstansen", false),
    INSTANS_SOK("søke prosessinstans på referanse", true),
    HISTORIKK("lese historikken", false),
    AKTIVITETER("lese aktivitetshistorikken", true),
    VARIABLER("søke variabler", true),
    HISTORISKE_VARIABLER("søke historiske variabler", true);

    final String tekst;
    final boolean liste;

    Lesing(String tekst, boolean liste) {
      this.tekst = tekst;
      this.liste = liste;
    }

    String sti(Pakke p) {
      return switch (this) {
        case INSTANS -> "/engine-rest/process-instance/" + p.instans();
        case INSTANS_SOK -> "/engine-rest/process-instance?processDefinitionKey=arbeidspakke&businessKey=" + p.referanse();
        case HISTORIKK -> "/engine-rest/history/process-instance/" + p.instans();
        case AKTIVITETER -> "/engine-rest/history/activity-instance?processInstanceId=" + p.instans();
        case VARIABLER -> "/engine-rest/variable-instance?processInstanceIdIn=" + p.instans();
        case HISTORISKE_VARIABLER -> "/engine-rest/history/variable-instance?processInstanceId=" + p.instans();
      };
    }
  }

  static Stream<Arguments> leseceller() {
    List<Arguments> celler = new ArrayList<>();
    for (Lesing l : Lesing.values()) {
      for (String kommune : KOMMUNER) {
        for (Bruker b : ALLE) {
          boolean tillatt = !b.anonym() && leserPakken(b, kommune);
          celler.add(Arguments.of(navn(b, l.tekst, b.sted(kommune), tillatt), b, l, kommune, tillatt));
        }
      }
    }
    return celler.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("leseceller")
  void lesePakke(String navn, Bruker b, Lesing l, String kommune, boolean tillatt) throws Exception {
    Pakke pakke = delt(kommune, Trinn.VURDERING);

    HttpResponse<String> svar = get(l.sti(pakke), b);

    if (b.anonym()) {
      assertAnonymAvvist(svar, pakke);
    } else if (!tillatt) {
      if (l.liste) {
        assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
        assertThat(JSON.readTree(svar.body())).as("tom liste").isEmpty();
      }
      assertAvvistUtenData(svar, pakke);
    } else {
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
      JsonNode kropp = JSON.readTree(svar.body());
      switch (l) {
        case INSTANS, HISTORIKK -> assertThat(kropp.path("businessKey").asText()).isEqualTo(pakke.referanse());
        case INSTANS_SOK -> assertThat(kropp.findValuesAsText("id")).containsExactly(pakke.instans());
        case AKTIVITETER -> assertThat(kropp.findValuesAsText("activityId"))
            .contains("StartEvent_ForslagMottatt", "Task_RegistrerArbeidspakke", "Task_VurderForslag");
        case VARIABLER, HISTORISKE_VARIABLER -> {
          assertThat(kropp.findValuesAsText("processInstanceId")).containsOnly(pakke.instans());
          assertThat(svar.body()).contains(pakke.hemmelig());
        }
      }
    }
  }

  // ---------------------------------------------------------------- stopping a pilot (message AvbrytPilot)

  static Stream<Arguments> avbruddceller() {
    List<Arguments> celler = new ArrayList<>();
    for (String kommune : KOMMUNER) {
      for (Bruker b : ALLE) {
        boolean tillatt = !b.anonym() && avbryter(b, kommune);
        celler.add(Arguments.of(navn(b, "avbryte piloten", b.sted(kommune), tillatt), b, kommune, tillatt));
      }
    }
    return celler.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("avbruddceller")
  void avbrytePilot(String navn, Bruker b, String kommune, boolean tillatt) throws Exception {
    Pakke pilot = b.anonym() ? delt(kommune, Trinn.PILOT) : nyPakke(kommune, Trinn.PILOT);
    ObjectNode melding = JSON.createObjectNode().put("messageName", "AvbrytPilot").put("businessKey", pilot.referanse());
    melding.putObject("processVariables").putObject("avbruddBegrunnelse")
        .put("value", "Avbrutt av " + b.navn()).put("type", "String");

    HttpResponse<String> svar = post("/engine-rest/message", b, melding.toString());

    if (tillatt) {
      assertThat(svar.statusCode()).as(svar.body()).isIn(200, 204);
      assertThat(runtime.getVariable(pilot.instans(), "avbruddBegrunnelse")).isEqualTo("Avbrutt av " + b.navn());
      assertThat(runtime.getVariable(pilot.instans(), "fase")).isEqualTo("EVALUERING");
      assertThat(oppgaver.createTaskQuery().processInstanceId(pilot.instans()).taskDefinitionKey("Task_Evaluering")
          .count()).isOne();
      return;
    }
    if (b.anonym()) {
      assertAnonymAvvist(svar, pilot);
    } else {
      // Refused (403), or no match: a package of another kommune is invisible to the correlation (400).
      assertThat(svar.statusCode()).as(svar.body()).isIn(400, 403, 404);
      assertIngenData(svar, pilot);
    }
    assertThat(runtime.getVariable(pilot.instans(), "fase")).isEqualTo("PILOTERING");
    assertThat(runtime.getVariable(pilot.instans(), "avbruddBegrunnelse")).isNull();
    assertThat(runtime.getActiveActivityIds(pilot.instans())).contains("Timer_PilotSlutt");
    assertThat(oppgaver.createTaskQuery().processInstanceId(pilot.instans()).count()).isZero();
  }

  // ---------------------------------------------------------------- the web apps

  static Stream<Arguments> webappceller() {
    List<Arguments> celler = new ArrayList<>();
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      for (Bruker b : ALLE) {
        boolean tillatt = !b.anonym() && switch (app) {
          case "tasklist" -> b != UTEN_GRUPPE;
          case "cockpit" -> b == PROGRAMLEDER;
          default -> false;
        };
        String handling = "logge inn i " + app.substring(0, 1).toUpperCase() + app.substring(1);
        celler.add(Arguments.of(navn(b, handling, "hele programmet", tillatt), b, app, tillatt));
      }
    }
    return celler.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("webappceller")
  void loggeInnIWebapp(String navn, Bruker b, String app, boolean tillatt) throws Exception {
    HttpResponse<String> svar = loggInn(app, b.anonym() ? "" : b.id(), b.anonym() ? "" : TestBrukere.PASSORD);

    if (tillatt) {
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
      assertThat(JSON.readTree(svar.body()).path("userId").asText()).isEqualTo(b.id());
    } else {
      // Right password without access to the app: 403; no user at all: 401.
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(b.anonym() ? 401 : 403);
    }
  }

  @Test
  @DisplayName("feil passord til Cockpit → 401, også for programleder")
  void feilPassordTilCockpit() throws Exception {
    assertThat(loggInn("cockpit", TestBrukere.PROGRAMLEDER, "feil-passord").statusCode()).isEqualTo(401);
    // The failed attempt slows the next login down; move the engine clock past that pause.
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 3_600_000));
    assertThat(loggInn("cockpit", TestBrukere.PROGRAMLEDER, TestBrukere.PASSORD).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("webappenes REST-API uten innlogget økt → 401")
  void webappApiUtenOkt() throws Exception {
    Pakke pakke = delt("larvik", Trinn.VURDERING);
    for (String sti : List.of("/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + pakke.referanse(),
        "/camunda/api/engine/engine/default/process-instance/" + pakke.instans(),
        "/camunda/api/engine/engine/default/history/variable-instance?processInstanceId=" + pakke.instans())) {
      HttpResponse<String> svar = get(sti, ANONYM);
      assertThat(svar.statusCode()).as(sti).isEqualTo(401);
      assertIngenData(svar, pakke);
    }
  }

  @Test
  @DisplayName("/actuator/health er åpen uten innlogging, uten detaljer")
  void helseErApen() throws Exception {
    HttpResponse<String> svar = get("/actuator/health", ANONYM);
    assertThat(svar.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(svar.body()).path("status").asText()).isEqualTo("UP");
    assertThat(JSON.readTree(svar.body()).has("components")).isFalse();
  }

  @Test
  @DisplayName("feil passord over HTTP Basic → 401")
  void feilPassordOverRest() throws Exception {
    HttpResponse<String> svar = send(HttpRequest.newBuilder(uri("/engine-rest/task"))
        .header("Authorization", RestKlient.basic(TestBrukere.UNGDOM, "feil-passord")).GET());
    assertThat(svar.statusCode()).isEqualTo(401);
    assertThat(svar.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 3_600_000));
    assertThat(get("/engine-rest/task", UNGDOM).statusCode()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- login throttling

  @Test
  @DisplayName("innlogging bremses etter feil passord, og låses etter for mange forsøk")
  void innloggingBremses() throws Exception {
    ProcessEngineConfigurationImpl konfig = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    // application.yaml: 3 s, doubled for each failed attempt, at most 60 s; locked after 10.
    assertThat(konfig.getLoginDelayBase()).isEqualTo(3);
    assertThat(konfig.getLoginDelayFactor()).isEqualTo(2);
    assertThat(konfig.getLoginDelayMaxTime()).isEqualTo(60);
    assertThat(konfig.getLoginMaxAttempts()).isEqualTo(10);
    if (identity.createUserQuery().userId(LAAS_BRUKER).count() == 0) {
      User bruker = identity.newUser(LAAS_BRUKER);
      bruker.setPassword(TestBrukere.PASSORD);
      identity.saveUser(bruker);
    }
    identity.unlockUser(LAAS_BRUKER);
    long t = System.currentTimeMillis();
    ClockUtil.setCurrentTime(new Date(t));
    assertThat(innlogging(TestBrukere.PASSORD)).as("riktig passord før feilene").isEqualTo(200);

    // Three wrong passwords, each after the previous pause: 3 s, 6 s, then 12 s.
    long[] pauser = {3_000, 6_000, 12_000};
    for (int i = 0; i < pauser.length; i++) {
      assertThat(innlogging("feil-" + i)).isEqualTo(401);
      // Even the right password is refused until the pause is over ...
      assertThat(innlogging(TestBrukere.PASSORD)).as("riktig passord i pause %d", i + 1).isEqualTo(401);
      ClockUtil.setCurrentTime(new Date(t + pauser[i] - 1));
      assertThat(innlogging(TestBrukere.PASSORD)).as("riktig passord like før pause %d er over", i + 1).isEqualTo(401);
      t += pauser[i];
      ClockUtil.setCurrentTime(new Date(t));
    }
    // ... and works once it is, which also resets the count: the next mistake costs 3 s again.
    assertThat(innlogging(TestBrukere.PASSORD)).isEqualTo(200);
    assertThat(innlogging("feil")).isEqualTo(401);
    ClockUtil.setCurrentTime(new Date(t + 3_000));
    assertThat(innlogging(TestBrukere.PASSORD)).isEqualTo(200);

    // Ten wrong passwords in a row lock the user until an administrator unlocks it.
    t += 3_000;
    for (int i = 0; i < 10; i++) {
      ClockUtil.setCurrentTime(new Date(t));
      assertThat(innlogging("feil-" + i)).isEqualTo(401);
      t += 61_000;
    }
    ClockUtil.setCurrentTime(new Date(t + 86_400_000L));
    assertThat(innlogging(TestBrukere.PASSORD)).as("låst et døgn senere").isEqualTo(401);
    identity.unlockUser(LAAS_BRUKER);
    assertThat(innlogging(TestBrukere.PASSORD)).as("etter opplåsing").isEqualTo(200);
  }

  private int innlogging(String passord) throws Exception {
    return send(HttpRequest.newBuilder(uri("/engine-rest/task/count"))
        .header("Authorization", RestKlient.basic(LAAS_BRUKER, passord)).GET()).statusCode();
  }

  // ---------------------------------------------------------------- assertions

  private static void assertAnonymAvvist(HttpResponse<String> svar, Pakke pakke) {
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(401);
    assertIngenData(svar, pakke);
  }

  private static void assertAvvistUtenData(HttpResponse<String> svar, Pakke pakke) {
    if (svar.statusCode() != 200) {
      assertThat(svar.statusCode()).as(svar.body()).isIn(401, 403, 404);
    }
    assertIngenData(svar, pakke);
  }

  /** Neither the secret variable, the title nor the reference number of the package. */
  private static void assertIngenData(HttpResponse<String> svar, Pakke pakke) {
    assertThat(svar.body()).doesNotContain(pakke.hemmelig()).doesNotContain(pakke.tittel())
        .doesNotContain(pakke.referanse());
  }

  /** The state a refused start must not change. */
  record Tilstand(long instanser, long teller) {}

  private Tilstand tilstand() {
    return new Tilstand(
        history.createHistoricProcessInstanceQuery().processDefinitionKey("arbeidspakke").count(),
        jdbc.sql("SELECT COALESCE(SUM(siste), 0) FROM referanseteller").query(Long.class).single());
  }

  // ---------------------------------------------------------------- packages

  private Pakke delt(String kommune, Trinn trinn) {
    return DELTE.computeIfAbsent(kommune + "/" + trinn, k -> nyPakke(kommune, trinn));
  }

  /**
   * A package of {@code kommune} that waits at {@code trinn}, driven there through the Java API
   * by the users who do each step: the arbeidspakkeleder submits, the lokal leder assesses and,
   * for a small six-month pilot, approves.
   */
  private Pakke nyPakke(String kommune, Trinn trinn) {
    String nr = kommune + "-" + (++teller);
    String hemmelig = "Hemmelig utfordring " + UUID.randomUUID();
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("kommune", kommune);
    forslag.put("tittel", "Tilgangstest " + nr + " " + UUID.randomUUID().toString().substring(0, 8));
    forslag.put("utfordring", hemmelig);
    if (trinn == Trinn.PILOT) {
      forslag.put("budsjett", 40_000);
      forslag.put("pilotvarighetMnd", 6);
    }
    String ap = "ap." + kommune;
    String leder = "leder." + kommune;
    ProcessInstance instans = som(ap, () -> runtime.startProcessInstanceByKey("arbeidspakke", forslag));
    String id = instans.getId();
    if (trinn != Trinn.VURDERING) {
      fullfor(id, "Task_VurderForslag", leder, Map.of("vurdering", "komplett", "vurderingKommentar", "Komplett."));
    }
    if (trinn == Trinn.PILOT) {
      fullfor(id, "Task_BesluttMindreTiltak", leder,
          Map.of("lederBeslutning", "godkjent", "lederBegrunnelse", "Lite og kort tiltak."));
      assertThat(runtime.getVariable(id, "fase")).isEqualTo("PILOTERING");
    }
    String oppgave = null;
    if (trinn.oppgave != null) {
      Task t = oppgaver.createTaskQuery().processInstanceId(id).taskDefinitionKey(trinn.oppgave).singleResult();
      assertThat(t).as(trinn.oppgave).isNotNull();
      oppgave = t.getId();
    }
    Pakke pakke = new Pakke(kommune, id, instans.getBusinessKey(), (String) forslag.get("tittel"), hemmelig, oppgave);
    assertThat(pakke.referanse()).isNotBlank();
    return pakke;
  }

  private void fullfor(String instans, String aktivitet, String bruker, Map<String, Object> svar) {
    Task oppgave = oppgaver.createTaskQuery().processInstanceId(instans).taskDefinitionKey(aktivitet).singleResult();
    assertThat(oppgave).as(aktivitet).isNotNull();
    som(bruker, () -> {
      oppgaver.claim(oppgave.getId(), bruker);
      oppgaver.complete(oppgave.getId(), svar);
      return null;
    });
  }

  /** Runs {@code handling} logged in as {@code bruker}, with groups and kommuner, as the REST API does. */
  private <T> T som(String bruker, Supplier<T> handling) {
    identity.clearAuthentication();
    List<String> grupper = identity.createGroupQuery().groupMember(bruker).list().stream().map(Group::getId).toList();
    List<String> kommuner = identity.createTenantQuery().userMember(bruker).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identity.setAuthentication(bruker, grupper, kommuner);
    try {
      return handling.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Map<String, Object> skjemasvar(Trinn trinn) {
    Map<String, Object> svar = new LinkedHashMap<>();
    if (trinn == Trinn.VURDERING) {
      svar.put("vurdering", "komplett");
      svar.put("vurderingKommentar", "Forslaget er komplett.");
    } else {
      svar.put("styrevedtak", "avslatt");
      svar.put("styreSakNr", "7/26");
      svar.put("styreMotedato", "2026-03-10");
      svar.put("styreBegrunnelse", "Styret prioriterer andre tiltak.");
    }
    return svar;
  }

  /** The start form's values for {@code kommune}, Json values as plain lists. */
  private static Map<String, Object> forslag(String kommune, String utfordring) throws Exception {
    Map<String, Object> forslag = new LinkedHashMap<>();
    for (var e : Forslag.gyldig().entrySet()) {
      Object verdi = e.getValue();
      forslag.put(e.getKey(), verdi instanceof JsonValue j ? JSON.readValue(j.getValueSerialized(), Object.class) : verdi);
    }
    forslag.put("kommune", kommune);
    forslag.put("utfordring", utfordring);
    return forslag;
  }


  // ---------------------------------------------------------------- HTTP

  private URI uri(String sti) {
    return URI.create("http://localhost:" + port + sti);
  }

  private HttpResponse<String> get(String sti, Bruker b) throws Exception {
    return send(medBruker(HttpRequest.newBuilder(uri(sti)).header("Accept", "application/json").GET(), b));
  }

  private HttpResponse<String> post(String sti, Bruker b, String kropp) throws Exception {
    return send(medBruker(HttpRequest.newBuilder(uri(sti))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(BodyPublishers.ofString(kropp, StandardCharsets.UTF_8)), b));
  }

  private static HttpRequest.Builder medBruker(HttpRequest.Builder foresporsel, Bruker b) {
    return b.anonym() ? foresporsel : foresporsel.header("Authorization", RestKlient.basic(b.id(), TestBrukere.PASSORD));
  }

  private HttpResponse<String> send(HttpRequest.Builder foresporsel) throws Exception {
    return http.send(foresporsel.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Logs in to a web app as the browser does: fetch the page for a CSRF token, then post the login form. */
  private HttpResponse<String> loggInn(String app, String bruker, String passord) throws Exception {
    HttpClient klient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(new CookieManager()).build();
    HttpResponse<String> side = klient.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/"))
        .GET().build(), BodyHandlers.ofString());
    String xsrf = side.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String skjema = "username=" + URLEncoder.encode(bruker, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(passord, StandardCharsets.UTF_8);
    return klient.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("X-XSRF-TOKEN", xsrf)
        .POST(BodyPublishers.ofString(skjema)).build(), BodyHandlers.ofString());
  }
}
