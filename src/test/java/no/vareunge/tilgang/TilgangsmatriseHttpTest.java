package no.vareunge.tilgang;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
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
import no.vareunge.Nettokt;
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

  /** Stops a pilot (the program's endpoint): the lokal leder and the local board of the package's kommune. */
  static boolean avbryter(Bruker b, String kommune) {
    return b.i(kommune) && (b.id().startsWith("leder.") || b.id().startsWith("styre."));
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

  // ---------------------------------------------------------------- stopping a pilot (the program's endpoint)

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
    String begrunnelse = JSON.createObjectNode().put("begrunnelse", "Avbrutt av " + b.navn()).toString();

    HttpResponse<String> svar = post("/api/arbeidspakker/" + pilot.referanse() + "/avbryt-pilot", b, begrunnelse);

    if (tillatt) {
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(204);
      assertThat(runtime.getVariable(pilot.instans(), "avbruddBegrunnelse")).isEqualTo("Avbrutt av " + b.navn());
      assertThat(runtime.getVariable(pilot.instans(), "avbruttAv")).isEqualTo(b.id());
      // The package's page in the API says who stopped it, why, and that it ended today (not as planned).
      JsonNode rad = JSON.readTree(get("/api/arbeidspakker/" + pilot.referanse(), b).body()).path("arbeidspakke");
      assertThat(rad.path("avbruttAv").asText()).isEqualTo(b.id());
      assertThat(rad.path("avbruddBegrunnelse").asText()).isEqualTo("Avbrutt av " + b.navn());
      assertThat(rad.path("fase").asText()).isEqualTo("EVALUERING");
      assertThat(java.time.OffsetDateTime.parse(rad.path("pilotSluttdato").asText()).toInstant())
          .isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now().plusSeconds(5));
      assertThat(runtime.getVariable(pilot.instans(), "fase")).isEqualTo("EVALUERING");
      assertThat(oppgaver.createTaskQuery().processInstanceId(pilot.instans()).taskDefinitionKey("Task_Evaluering")
          .count()).isOne();
      return;
    }
    if (b.anonym()) {
      assertAnonymAvvist(svar, pilot);
    } else {
      // Refused (403), or a package of another kommune is not found (404).
      boolean serKommunen = b.i(kommune) || b == EIERSTYRET || b == PROGRAMLEDER || b == UNGDOM;
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(serKommunen ? 403 : 404);
      // The reference is the caller's own input here; nothing else of the package is told.
      assertThat(svar.body()).doesNotContain(pilot.hemmelig()).doesNotContain(pilot.tittel());
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
    Nettokt okt = new Nettokt(port);
    if (!b.anonym()) {
      assertThat(okt.loggInn(b.id(), TestBrukere.PASSORD).statusCode()).isEqualTo(302);
    }
    HttpResponse<String> svar = okt.hent("/camunda/api/admin/auth/user/default");

    if (b.anonym()) {
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(401);
      return;
    }
    // One sign-in for all: the web apps know the user, and open only the apps the user may use.
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    JsonNode webapp = JSON.readTree(svar.body());
    assertThat(webapp.path("userId").asText()).isEqualTo(b.id());
    List<String> apper = new ArrayList<>();
    webapp.path("authorizedApps").forEach(a -> apper.add(a.asText()));
    if (tillatt) {
      assertThat(apper).contains(app);
    } else {
      assertThat(apper).doesNotContain(app);
    }
  }

  @Test
  @DisplayName("feil passord → 401 og ingen innlogging, også for programleder")
  void feilPassordTilCockpit() throws Exception {
    Nettokt okt = new Nettokt(port);
    assertThat(okt.loggInn(TestBrukere.PROGRAMLEDER, "feil-passord").statusCode()).isEqualTo(401);
    assertThat(okt.hent("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    // The failed attempt slows the next login down; move the engine clock past that pause.
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 3_600_000));
    assertThat(okt.loggInn(TestBrukere.PROGRAMLEDER, TestBrukere.PASSORD).statusCode()).isEqualTo(302);
    assertThat(okt.hent("/camunda/api/admin/auth/user/default").body()).contains("cockpit");
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
  @DisplayName("en fullført oppgave i en annen kommune er ukjent (404) også på Tasklists vei, ikke «allerede fullført»")
  void fullfortOppgaveIAnnenKommune() throws Exception {
    Pakke pakke = nyPakke("larvik", Trinn.STYRE);
    fullfor(pakke.instans(), "Task_Styrebehandling", "styre.larvik", skjemasvar(Trinn.STYRE));
    String sti = "/camunda/api/engine/engine/default/task/" + pakke.oppgave() + "/submit-form";
    String kropp = RestKlient.tasklist(skjemasvar(Trinn.STYRE));

    HttpResponse<String> annen = webapp("styre.horten").postTilWebapp(sti, kropp);
    assertThat(annen.statusCode()).as(annen.body()).isEqualTo(404);
    assertThat(annen.body()).doesNotContain("fullført av en annen");
    assertIngenData(annen, pakke);
    HttpResponse<String> egen = webapp("styre.larvik").postTilWebapp(sti, kropp);
    assertThat(egen.statusCode()).as(egen.body()).isEqualTo(409);
    assertThat(RestKlient.melding(egen)).contains("allerede fullført av en annen");
  }

  /** A signed-in browser session, as Tasklist uses it. */
  private Nettokt webapp(String bruker) throws Exception {
    Nettokt okt = new Nettokt(port);
    assertThat(okt.loggInn(bruker, TestBrukere.PASSORD).statusCode()).isEqualTo(302);
    return okt;
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

  // ---------------------------------------------------------------- the work pages (a session, as in the browser)

  /** Sees a package in the portfolio (the /api rule): the kommune's own, and the program-wide roles. */
  static boolean serIPortefoljen(Bruker b, String kommune) {
    return b.i(kommune) || b == EIERSTYRET || b == PROGRAMLEDER || b == UNGDOM;
  }

  enum Arbeidsside {
    PAKKESIDE("åpne arbeidspakkens side"),
    DIAGRAM("hente prosessmodellen til pakkens side"),
    OPPGAVESIDE("åpne oppgavesiden"),
    MINE_OPPGAVER("finne oppgaven i Mine oppgaver");

    final String tekst;

    Arbeidsside(String tekst) {
      this.tekst = tekst;
    }

    String sti(Pakke p) {
      return switch (this) {
        case PAKKESIDE -> "/arbeidspakker/" + p.referanse();
        case DIAGRAM -> "/arbeidspakker/" + p.referanse() + "/prosess.bpmn";
        case OPPGAVESIDE -> "/oppgaver/" + p.oppgave();
        case MINE_OPPGAVER -> "/oppgaver";
      };
    }

    boolean tillatt(Bruker b, String kommune) {
      return !b.anonym() && switch (this) {
        case PAKKESIDE, DIAGRAM -> serIPortefoljen(b, kommune);
        case OPPGAVESIDE -> serOppgaven(b, Trinn.VURDERING, kommune);
        case MINE_OPPGAVER -> kandidat(b, Trinn.VURDERING, kommune);
      };
    }
  }

  static Stream<Arguments> arbeidssideceller() {
    List<Arguments> celler = new ArrayList<>();
    for (Arbeidsside side : Arbeidsside.values()) {
      for (String kommune : KOMMUNER) {
        for (Bruker b : ALLE) {
          boolean tillatt = side.tillatt(b, kommune);
          celler.add(Arguments.of(navn(b, side.tekst, b.sted(kommune), tillatt), b, side, kommune, tillatt));
        }
      }
    }
    return celler.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("arbeidssideceller")
  void arbeidsside(String navn, Bruker b, Arbeidsside side, String kommune, boolean tillatt) throws Exception {
    Pakke pakke = delt(kommune, Trinn.VURDERING);
    Nettokt okt = new Nettokt(port);
    if (!b.anonym()) {
      assertThat(okt.loggInn(b.id(), TestBrukere.PASSORD).statusCode()).isEqualTo(302);
    }

    HttpResponse<String> svar = okt.hent(side.sti(pakke));

    if (b.anonym()) {
      assertThat(svar.statusCode()).isEqualTo(302);
      assertThat(svar.headers().firstValue("Location").orElseThrow()).endsWith("/logginn");
      assertIngenData(svar, pakke);
    } else if (side == Arbeidsside.MINE_OPPGAVER) {
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
      assertThat(svar.body().contains("data-oppgave=\"" + pakke.oppgave() + "\"")).isEqualTo(tillatt);
      if (!tillatt) {
        assertIngenData(svar, pakke);
      }
    } else if (!tillatt) {
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(404);
      assertThat(svar.body()).contains("Finnes ikke");
      assertIngenData(svar, pakke);
    } else {
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
      switch (side) {
        case PAKKESIDE -> assertThat(svar.body()).contains(pakke.referanse(), pakke.hemmelig());
        case DIAGRAM -> assertThat(svar.body()).contains("id=\"arbeidspakke\"");
        case OPPGAVESIDE -> {
          // The form, with the package's values, only for those who are to do the task; others read its facts.
          assertThat(svar.body()).contains(pakke.referanse());
          assertThat(svar.body().contains(pakke.hemmelig())).isEqualTo(kandidat(b, Trinn.VURDERING, kommune));
        }
        default -> throw new IllegalStateException();
      }
    }
  }

  // ---------------------------------------------------------------- login throttling

  @Test
  @DisplayName("feil passord bremser bare den kilden som prøver, og en fremmed kan ikke låse ute noen")
  void innloggingBremsesPerKilde() throws Exception {
    if (identity.createUserQuery().userId(LAAS_BRUKER).count() == 0) {
      User bruker = identity.newUser(LAAS_BRUKER);
      bruker.setPassword(TestBrukere.PASSORD);
      identity.saveUser(bruker);
    }
    String fremmed = "127.0.0.7";
    String brukeren = "127.0.0.8";
    long t = System.currentTimeMillis();
    ClockUtil.setCurrentTime(new Date(t));
    assertThat(innlogging(brukeren, TestBrukere.PASSORD)).as("riktig passord før feilene").isEqualTo(200);

    // Three wrong passwords from the stranger, each after the previous pause: 3 s, 6 s, then 12 s.
    long[] pauser = {3_000, 6_000, 12_000};
    for (int i = 0; i < pauser.length; i++) {
      assertThat(innlogging(fremmed, "feil-" + i)).isEqualTo(401);
      // There even the right password is refused until the pause is over ...
      assertThat(innlogging(fremmed, TestBrukere.PASSORD)).as("riktig passord i pause %d", i + 1).isEqualTo(401);
      ClockUtil.setCurrentTime(new Date(t + pauser[i] - 1));
      assertThat(innlogging(fremmed, TestBrukere.PASSORD)).as("like før pause %d er over", i + 1).isEqualTo(401);
      // ... while the user, elsewhere, is never held up.
      assertThat(innlogging(brukeren, TestBrukere.PASSORD)).as("brukeren selv i pause %d", i + 1).isEqualTo(200);
      t += pauser[i];
      ClockUtil.setCurrentTime(new Date(t));
    }
    // Ten wrong passwords in a row from a stranger: that source waits 15 minutes, no longer ...
    String iherdig = "127.0.0.9";
    for (int i = 0; i < 10; i++) {
      ClockUtil.setCurrentTime(new Date(t));
      assertThat(innlogging(iherdig, "feil-" + i)).isEqualTo(401);
      t += 61_000;
    }
    long sisteFeil = t - 61_000;
    // ... the engine counts them on the user, for the administrator (each is logged with its source) ...
    assertThat(jdbc.sql("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = ?").param(LAAS_BRUKER).query(Integer.class)
        .single()).isEqualTo(10);
    ClockUtil.setCurrentTime(new Date(sisteFeil + 15 * 60_000 - 1));
    assertThat(innlogging(iherdig, TestBrukere.PASSORD)).as("kilden venter 15 minutter").isEqualTo(401);
    // ... the user is not locked at all ...
    assertThat(innlogging(brukeren, TestBrukere.PASSORD)).as("brukeren er ikke låst ute").isEqualTo(200);
    assertThat(identity.checkPassword(LAAS_BRUKER, TestBrukere.PASSORD)).as("heller ikke i motoren").isTrue();
    ClockUtil.setCurrentTime(new Date(sisteFeil + 15 * 60_000));
    assertThat(innlogging(iherdig, TestBrukere.PASSORD)).as("etter 15 minutter").isEqualTo(200);

    // Guesses from many sources (30 in 15 minutes): a source the user has logged in from before lets them
    // in at once; a new one waits until the 15 minutes are over, no longer.
    t = sisteFeil + 20 * 60_000;
    for (int i = 1; i <= 30; i++) {
      ClockUtil.setCurrentTime(new Date(t + i));
      assertThat(innlogging("127.0.1." + i, "feil")).isEqualTo(401);
    }
    ClockUtil.setCurrentTime(new Date(t + 60_000));
    assertThat(innlogging(brukeren, TestBrukere.PASSORD)).as("kjent kilde").isEqualTo(200);
    assertThat(innlogging("127.0.2.1", TestBrukere.PASSORD)).as("ny kilde under angrepet").isEqualTo(401);
    ClockUtil.setCurrentTime(new Date(t + 1 + 15 * 60_000));
    assertThat(innlogging("127.0.2.1", TestBrukere.PASSORD)).as("ny kilde etter 15 minutter").isEqualTo(200);
  }

  private int innlogging(String kilde, String passord) throws Exception {
    return send(HttpRequest.newBuilder(uri("/engine-rest/task/count"))
        .header("X-Forwarded-For", kilde)
        .header("Authorization", RestKlient.basic(LAAS_BRUKER, passord)).GET()).statusCode();
  }

  // ---------------------------------------------------------------- writing outside the forms and the model

  /**
   * A write route of the REST API that changes a package's data or path, or the engine's jobs, outside
   * a form submission (issue 12): refused to every role, allowed to the technical administrator only.
   * {@code global}: about the whole program (a definition, the history clean-up), not one kommune's package.
   */
  enum Skriving {
    PI_VARIABEL("endre en prosessvariabel", "PUT", "/process-instance/{pi}/variables/budsjett", "{\"value\": 10000, \"type\": \"Long\"}"),
    PI_VARIABLER("endre prosessvariabler", "POST", "/process-instance/{pi}/variables",
        "{\"modifications\": {\"tidligereVedtak\": {\"value\": \"Godkjent av styret\", \"type\": \"String\"}}}"),
    PI_VARIABEL_SLETT("slette en prosessvariabel", "DELETE", "/process-instance/{pi}/variables/budsjett", null),
    EKSEKVERING_VARIABEL("endre en lokal variabel på eksekveringen", "PUT", "/execution/{pi}/localVariables/budsjett",
        "{\"value\": 10000, \"type\": \"Long\"}"),
    EKSEKVERING_VARIABLER("endre lokale variabler på eksekveringen", "POST", "/execution/{pi}/localVariables",
        "{\"modifications\": {\"budsjett\": {\"value\": 10000, \"type\": \"Long\"}}}"),
    OPPGAVE_VARIABEL("endre en variabel gjennom oppgaven", "PUT", "/task/{oppgave}/variables/budsjett",
        "{\"value\": 10000, \"type\": \"Long\"}"),
    OPPGAVE_VARIABLER("endre variabler gjennom oppgaven", "POST", "/task/{oppgave}/variables",
        "{\"modifications\": {\"budsjett\": {\"value\": 10000, \"type\": \"Long\"}}}"),
    OPPGAVE_VARIABEL_SLETT("slette en variabel gjennom oppgaven", "DELETE", "/task/{oppgave}/variables/budsjett", null),
    OPPGAVE_LOKAL_VARIABEL("endre en lokal oppgavevariabel", "PUT", "/task/{oppgave}/localVariables/styrevedtak",
        "{\"value\": \"godkjent\", \"type\": \"String\"}"),
    MODIFIKASJON("flytte pakken i modellen", "POST", "/process-instance/{pi}/modification",
        "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"Task_Styrebehandling\"}, "
            + "{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_OverforingTilDrift\"}]}"),
    SUSPENDERE("suspendere pakken", "PUT", "/process-instance/{pi}/suspended", "{\"suspended\": true}"),
    SLETTE("slette pakken", "DELETE", "/process-instance/{pi}", null),
    MIGRERE("migrere pakken", "POST", "/migration/execute", "{migrering}"),
    HENDELSE("opprette en hendelse (incident)", "POST", "/execution/{eksekvering}/create-incident",
        "{\"incidentType\": \"failedJob\", \"message\": \"Laget for hånd\"}"),
    MELDING("sende meldingen AvbrytPilot", "POST", "/message",
        "{\"messageName\": \"AvbrytPilot\", \"processInstanceId\": \"{pi}\", "
            + "\"processVariables\": {\"avbruddBegrunnelse\": {\"value\": \"Forsøk\", \"type\": \"String\"}}}"),
    BPMN_FEIL("kaste en BPMN-feil på styrets oppgave", "POST", "/task/{oppgave}/bpmnError", "{\"errorCode\": \"avbryt\"}"),
    ESKALERING("eskalere styrets oppgave", "POST", "/task/{oppgave}/bpmnEscalation", "{\"escalationCode\": \"opp\"}"),
    JOBB_FORSOK("sette forsøk på en tidtaker", "PUT", "/job/{jobb}/retries", "{\"retries\": 0}"),
    JOBB_FRIST("flytte en tidtaker", "PUT", "/job/{jobb}/duedate", "{\"duedate\": \"2030-01-01T00:00:00.000+0100\"}"),
    JOBB_SUSPENDERE("suspendere en tidtaker", "PUT", "/job/{jobb}/suspended", "{\"suspended\": true}"),
    JOBB_KJOR("kjøre en tidtaker nå", "POST", "/job/{jobb}/execute", null),
    RESTART("starte en avsluttet pakke på nytt", "POST", "/process-definition/{definisjon}/restart",
        "{\"processInstanceIds\": [\"{pi}\"], \"instructions\": [{\"type\": \"startBeforeActivity\", "
            + "\"activityId\": \"Task_VurderForslag\"}]}"),
    HISTORIKK_SLETT("slette en avsluttet pakkes historikk", "DELETE", "/history/process-instance/{pi}", null),
    DEFINISJON_SUSPENDERE("suspendere prosessdefinisjonen", "PUT", "/process-definition/{definisjon}/suspended",
        "{\"suspended\": true, \"includeProcessInstances\": false}", true),
    OPPRYDDING_SUSPENDERE("suspendere historikkopprydningen", "PUT", "/job/{opprydding}/suspended",
        "{\"suspended\": true}", true),
    OPPRYDDING_FRIST("utsette historikkopprydningen", "PUT", "/job/{opprydding}/duedate",
        "{\"duedate\": \"2099-01-01T00:00:00.000+0100\"}", true),
    OPPRYDDING_FORSOK("sette forsøk på historikkopprydningen", "PUT", "/job/{opprydding}/retries", "{\"retries\": 0}",
        true),
    OPPRYDDING_START("starte historikkopprydningen", "POST", "/history/cleanup?immediatelyDue=false", null, true);

    final String tekst;
    final String metode;
    final String sti;
    final String kropp;
    final boolean global;

    Skriving(String tekst, String metode, String sti, String kropp) {
      this(tekst, metode, sti, kropp, false);
    }

    Skriving(String tekst, String metode, String sti, String kropp, boolean global) {
      this.tekst = tekst;
      this.metode = metode;
      this.sti = sti;
      this.kropp = kropp;
      this.global = global;
    }

    /** Works on a finished package. */
    boolean avsluttet() {
      return this == RESTART || this == HISTORIKK_SLETT;
    }

    /**
     * Changes nothing one can see even when allowed: a migration to the same version, an escalation
     * nobody catches, a clean-up with nothing to clean.
     */
    boolean usynlig() {
      return this == MIGRERE || this == ESKALERING || this == OPPRYDDING_START;
    }
  }

  static final Bruker ADMIN = new Bruker(TestBrukere.ADMIN, null);

  static Stream<Arguments> skriveceller() {
    List<Bruker> brukere = new ArrayList<>(ALLE);
    brukere.add(ADMIN);
    List<Arguments> celler = new ArrayList<>();
    for (Skriving s : Skriving.values()) {
      for (String kommune : s.global ? List.of("larvik") : KOMMUNER) {
        for (Bruker b : brukere) {
          boolean tillatt = b == ADMIN;
          String sted = s.global ? "hele programmet" : b.sted(kommune);
          celler.add(Arguments.of(navn(b, s.tekst, sted, tillatt), b, s, kommune, tillatt));
        }
      }
    }
    return celler.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("skriveceller")
  void skriveUtenforSkjemaet(String navn, Bruker b, Skriving s, String kommune, boolean tillatt) throws Exception {
    // Refused cells share packages (a refusal changes nothing, which each cell checks); the administrator's
    // change gets a package of its own.
    Trinn trinn = s == Skriving.MELDING ? Trinn.PILOT : Trinn.STYRE;
    Pakke pakke = s.avsluttet() ? avsluttet(kommune, tillatt) : tillatt ? nyPakke(kommune, trinn) : delt(kommune, trinn);
    String opprydding = oppryddingsjobb();
    String definisjon = definisjon(pakke);
    Map<String, Object> for_ = bilde(pakke, opprydding, definisjon);

    String sti = "/engine-rest" + s.sti.replace("{pi}", pakke.instans()).replace("{oppgave}", String.valueOf(pakke.oppgave()))
        .replace("{jobb}", jobb(pakke)).replace("{definisjon}", definisjon).replace("{opprydding}", opprydding)
        .replace("{eksekvering}", eksekvering(pakke));
    String kropp = s.kropp == null ? null
        : s.kropp.equals("{migrering}") ? migrering(pakke) : s.kropp.replace("{pi}", pakke.instans());
    HttpResponse<String> svar = send(medBruker(HttpRequest.newBuilder(uri(sti)).header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .method(s.metode, kropp == null ? BodyPublishers.noBody() : BodyPublishers.ofString(kropp)), b));

    try {
      if (b.anonym()) {
        assertAnonymAvvist(svar, pakke);
        assertThat(bilde(pakke, opprydding, definisjon)).as("ingenting endret").isEqualTo(for_);
      } else if (!tillatt) {
        // Refused (403), or not found at all in another kommune (404, or 400 where the engine says so).
        assertThat(svar.statusCode()).as(svar.body()).isIn(400, 403, 404);
        assertIngenData(svar, pakke);
        assertThat(bilde(pakke, opprydding, definisjon)).as("ingenting endret").isEqualTo(for_);
      } else if (s == Skriving.ESKALERING) {
        // Let through; the engine itself then says that nothing in the model catches it.
        assertThat(svar.statusCode()).as(svar.body()).isNotIn(401, 403);
      } else {
        assertThat(svar.statusCode()).as(svar.body()).isBetween(200, 204);
        if (!s.usynlig()) {
          assertThat(bilde(pakke, opprydding, definisjon)).as("administratoren endret noe").isNotEqualTo(for_);
        }
      }
    } finally {
      if (tillatt && s.global) {
        tilbakestillGlobalt(definisjon, opprydding);
      }
    }
  }

  /** What a write could change about a package (and the clean-up job), read as the system. */
  private Map<String, Object> bilde(Pakke pakke, String opprydding, String definisjon) {
    Map<String, Object> bilde = new LinkedHashMap<>();
    ProcessInstance instans = runtime.createProcessInstanceQuery().processInstanceId(pakke.instans()).singleResult();
    bilde.put("instans", instans == null ? "ingen" : instans.isSuspended() ? "suspendert" : "aktiv");
    bilde.put("historikk", history.createHistoricProcessInstanceQuery().processInstanceId(pakke.instans()).count());
    bilde.put("nye instanser", runtime.createProcessInstanceQuery().processInstanceBusinessKey(pakke.referanse()).count());
    if (instans != null) {
      bilde.put("aktiviteter", runtime.getActiveActivityIds(pakke.instans()).stream().sorted().toList());
      Map<String, String> variabler = new java.util.TreeMap<>();
      runtime.createVariableInstanceQuery().processInstanceIdIn(pakke.instans()).list()
          .forEach(v -> variabler.put(v.getName() + "@" + v.getActivityInstanceId() + "/" + v.getTaskId(),
              String.valueOf(v.getValue())));
      bilde.put("variabler", variabler);
      bilde.put("oppgaver", oppgaver.createTaskQuery().processInstanceId(pakke.instans()).list().stream()
          .map(t -> t.getTaskDefinitionKey() + "|" + t.getAssignee() + "|" + t.isSuspended()).sorted().toList());
      bilde.put("jobber", engine.getManagementService().createJobQuery().processInstanceId(pakke.instans()).list()
          .stream().map(j -> j.getId() + "|" + j.getRetries() + "|" + j.getDuedate() + "|" + j.isSuspended()).sorted()
          .toList());
      bilde.put("hendelser", runtime.createIncidentQuery().processInstanceId(pakke.instans()).count());
    }
    bilde.put("definisjon", engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionId(definisjon).singleResult().isSuspended());
    var jobb = engine.getManagementService().createJobQuery().jobId(opprydding).singleResult();
    bilde.put("opprydding", jobb == null ? "ingen" : jobb.getRetries() + "|" + jobb.getDuedate() + "|" + jobb.isSuspended());
    return bilde;
  }

  /** The administrator's change to the whole program is undone at once, for the other tests. */
  private void tilbakestillGlobalt(String definisjon, String opprydding) {
    engine.getRepositoryService().activateProcessDefinitionById(definisjon);
    engine.getManagementService().activateJobById(opprydding);
    engine.getManagementService().setJobRetries(opprydding, 3);
    engine.getHistoryService().cleanUpHistoryAsync(); // schedules the job again in its batch window
  }

  private String jobb(Pakke pakke) {
    return engine.getManagementService().createJobQuery().processInstanceId(pakke.instans()).list().stream()
        .map(j -> j.getId()).findFirst().orElse("ingen-jobb");
  }

  /** The execution that waits in the package's task (a scope of its own, for its timers). */
  private String eksekvering(Pakke pakke) {
    return runtime.createExecutionQuery().processInstanceId(pakke.instans()).activityId("Task_Styrebehandling").list()
        .stream().map(e -> e.getId()).findFirst().orElse(pakke.instans());
  }

  private String definisjon(Pakke pakke) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(pakke.instans()).singleResult()
        .getProcessDefinitionId();
  }

  /** The engine's history clean-up job, which belongs to no process. */
  private String oppryddingsjobb() {
    List<org.camunda.bpm.engine.runtime.Job> jobber = engine.getHistoryService().findHistoryCleanupJobs();
    if (jobber.isEmpty()) {
      return engine.getHistoryService().cleanUpHistoryAsync().getId();
    }
    return jobber.get(0).getId();
  }

  /** A migration plan from the package's definition to itself, every activity to its equal. */
  private String migrering(Pakke pakke) throws Exception {
    String d = definisjon(pakke);
    ObjectNode kropp = JSON.createObjectNode();
    ObjectNode plan = kropp.putObject("migrationPlan").put("sourceProcessDefinitionId", d).put("targetProcessDefinitionId", d);
    var instruksjoner = plan.putArray("instructions");
    runtime.createMigrationPlan(d, d).mapEqualActivities().build().getInstructions().forEach(i -> {
      ObjectNode instruksjon = instruksjoner.addObject();
      instruksjon.putArray("sourceActivityIds").add(i.getSourceActivityId());
      instruksjon.putArray("targetActivityIds").add(i.getTargetActivityId());
    });
    kropp.putArray("processInstanceIds").add(pakke.instans());
    return kropp.toString();
  }

  /** A package that has ended (deleted by the system): what a restart or a deletion of history works on. */
  private Pakke avsluttet(String kommune, boolean egen) {
    if (!egen) {
      return DELTE.computeIfAbsent(kommune + "/avsluttet", k -> avslutt(nyPakke(kommune, Trinn.VURDERING)));
    }
    return avslutt(nyPakke(kommune, Trinn.VURDERING));
  }

  private Pakke avslutt(Pakke pakke) {
    runtime.deleteProcessInstance(pakke.instans(), "Avsluttet for tilgangstesten");
    return pakke;
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

  private HttpRequest.Builder medBruker(HttpRequest.Builder foresporsel, Bruker b) {
    return b.anonym() ? foresporsel : foresporsel.header("Authorization", innlogging(b.id()));
  }

  /** How a user of the matrix signs in on the APIs: HTTP Basic here, a bearer token in the subclass. */
  String innlogging(String bruker) {
    return RestKlient.basic(bruker, TestBrukere.PASSORD);
  }

  private HttpResponse<String> send(HttpRequest.Builder foresporsel) throws Exception {
    return http.send(foresporsel.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
