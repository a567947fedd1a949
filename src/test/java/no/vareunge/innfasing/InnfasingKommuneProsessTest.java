package no.vareunge.innfasing;

import no.vareunge.kommune.KommuneRegister;
import no.vareunge.kommune.Kommune;
import no.vareunge.innfasing.ForslagINyKommuneTest;
import no.vareunge.utrulling.Modelldeployering;
import static no.vareunge.innfasing.InnfasingDriver.PROSESS;
import static no.vareunge.innfasing.InnfasingDriver.driftsbudsjett;
import static no.vareunge.innfasing.InnfasingDriver.forankring;
import static no.vareunge.innfasing.InnfasingDriver.interessenter;
import static no.vareunge.innfasing.InnfasingDriver.lokalLeder;
import static no.vareunge.innfasing.InnfasingDriver.lokaltStyre;
import static no.vareunge.innfasing.InnfasingDriver.startskjema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.skjema.SkjemaLeser;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Process {@code innfasing-kommune}: programleder onboards a seventh kommune (Skien, Telemark)
 * without a code change. Covers every flow node and sequence flow of the process (asserted by
 * the coverage configuration in TestKonfigurasjon), and the checks of the forms over HTTP: a
 * kommune that exists is refused at the start, an unknown user in the board step too.
 *
 * <p>Only this process runs in this class, so that the coverage measured here is its own; a
 * proposal for the new kommune is in {@link ForslagINyKommuneTest}.
 */
@VareungeTest
class InnfasingKommuneProsessTest {

  private static final String START = "/engine-rest/process-definition/key/" + PROSESS + "/";
  private static final String LEDER = "leder.skien";
  private static final List<String> STYRE = List.of("oppvekstsjef.skien", "nav.skien");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService historikk;
  @Autowired TaskService oppgaver;
  @Autowired RepositoryService repository;
  @Autowired FormService skjemaer;
  @Autowired AuthorizationService autorisasjoner;
  @Autowired KommuneRegister kommuner;

  private InnfasingDriver driver;
  private RestKlient rest;

  @BeforeEach
  void oppsett() {
    TestBrukere.opprett(identity);
    driver = new InnfasingDriver(engine);
    rest = new RestKlient(port);
  }

  @AfterEach
  void rydd() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  // ---------------------------------------------------------------- the whole way

  @Test
  void programlederFaserInnSkienUtenKodeendring() {
    Date naa = tidspunkt(2030, 3, 4);
    ClockUtil.setCurrentTime(naa);
    driver.opprettBrukere(LEDER);
    driver.opprettBrukere(STYRE.toArray(String[]::new));
    ProcessDefinition forslagFor = sisteArbeidspakke();

    ProcessInstance pi = driver.start(startskjema("skien", "Skien", "SKI"));

    assertThat(pi).isStarted().isWaitingAt("Task_RegistrerForankring");
    assertThat(pi.getBusinessKey()).as("forretningsnøkkel = kommune-id").isEqualTo("skien");
    assertThat(pi.getTenantId()).as("innfasingen hører ikke til noen kommune").isNull();
    assertThat(runtime.getVariable(pi.getId(), "startetAv")).isEqualTo(TestBrukere.PROGRAMLEDER);
    Task forste = oppgaver.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(forste).hasCandidateGroup("programleder");
    // ${frister.innfasing} = P30D from the engine's clock
    assertThat(forste.getDueDate()).isEqualTo(Date.from(
        naa.toInstant().atZone(ZoneId.systemDefault()).plusDays(30).toInstant()));
    // Back to real time before anything is deployed: duplicate filtering compares with the
    // deployment of the latest deploy time, and one in the future would stay "latest".
    ClockUtil.reset();

    driver.fullfor(pi.getId(), "Task_RegistrerForankring", forankring());
    driver.fullfor(pi.getId(), "Task_EtablerLokaltStyre", lokaltStyre(STYRE));
    driver.fullfor(pi.getId(), "Task_UtnevnLokalLeder", lokalLeder(LEDER));
    driver.fullfor(pi.getId(), "Task_VedtaDriftsbudsjett", driftsbudsjett());
    driver.fullfor(pi.getId(), "Task_KartleggInteressenter", interessenter());

    // Nothing is created before the last step, which runs as a job, not with programleder's login.
    assertThat(pi).isWaitingAt("Task_OpprettKommune");
    assertThat(kommuner.finn("skien")).isEmpty();
    assertThat(identity.createTenantQuery().tenantId("skien").count()).isZero();

    driver.kjorJobb(pi.getId());

    // (the start lies in 2030, the rest in real time: only the steps after it are in order)
    assertThat(pi).isEnded().hasPassed("StartEvent_InnfasingStartet").hasPassedInOrder("Task_RegistrerForankring",
        "Task_EtablerLokaltStyre", "Task_UtnevnLokalLeder", "Task_VedtaDriftsbudsjett",
        "Task_KartleggInteressenter", "Task_OpprettKommune", "EndEvent_KommunenFasetInn");

    // The register
    assertThat(kommuner.finn("skien")).contains(new Kommune("skien", "Skien", "SKI"));

    // Tenant, groups and members
    Tenant tenant = identity.createTenantQuery().tenantId("skien").singleResult();
    assertThat(tenant).isNotNull();
    assertThat(tenant.getName()).isEqualTo("Skien");
    assertThat(brukereI("styre-skien")).containsExactlyInAnyOrderElementsOf(STYRE);
    assertThat(brukereI("leder-skien")).containsExactly(LEDER);

    // Tenant memberships (tilgang: leder-/styre-<k> in k; eierstyre, programleder, ungdomspanel in all)
    List<String> grupperIKommunen = Stream.of("leder-skien", "styre-skien", "eierstyre", "programleder",
            "ungdomspanel", "arbeidspakkeledere", "leder-larvik", "styre-larvik")
        .filter(g -> identity.createTenantQuery().groupMember(g).tenantId("skien").count() == 1).toList();
    assertThat(grupperIKommunen)
        .containsExactlyInAnyOrder("leder-skien", "styre-skien", "eierstyre", "programleder", "ungdomspanel");
    assertThat(identity.createTenantQuery().userMember(LEDER).includingGroupsOfUser(true).list())
        .extracting(Tenant::getId).containsExactly("skien");

    // Authorizations of the new groups
    for (String gruppe : List.of("leder-skien", "styre-skien")) {
      assertThat(tillatt(gruppe, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).as(gruppe).isTrue();
      assertThat(tillatt(gruppe, Permissions.READ, Resources.FILTER, "*")).as(gruppe).isTrue();
      for (Permission p : List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY)) {
        assertThat(tillatt(gruppe, p, Resources.PROCESS_DEFINITION, "arbeidspakke")).as(gruppe + " " + p).isTrue();
      }
      // Stopping a pilot goes through the program's own service, not this permission (issue 12).
      assertThat(tillatt(gruppe, ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION,
          "arbeidspakke")).as(gruppe + " UPDATE_INSTANCE").isFalse();
      // The new board sees its lokal leder, and the other way round.
      assertThat(tillatt(gruppe, Permissions.READ, Resources.USER, LEDER)).as(gruppe + " ser lokal leder").isTrue();
      assertThat(tillatt(gruppe, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
          "arbeidspakke")).as(gruppe + " starter ikke forslag").isFalse();
    }

    // The proposal form lists Skien in a new version; the version before does not.
    ProcessDefinition forslagEtter = sisteArbeidspakke();
    assertThat(forslagEtter.getVersion()).isGreaterThan(forslagFor.getVersion());
    assertThat(kommunevalg(forslagEtter)).containsEntry("skien", "Skien").containsEntry("larvik", "Larvik");
    assertThat(kommunevalg(forslagFor)).doesNotContainKey("skien");
    assertThat(repository.createDeploymentQuery().deploymentId(forslagEtter.getDeploymentId()).singleResult()
        .getName()).isEqualTo(Modelldeployering.NAVN);

    // What was decided on the way stays in the history of the onboarding.
    assertThat(historikk.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("driftsbudsjettBelop").singleResult().getValue()).isEqualTo(1_500_000);
  }

  @Test
  void feilerOpprettelsenBlirIngentingOpprettet() {
    driver.opprettBrukere("leder.siljan", "styre.siljan");
    ProcessInstance pi = driver.start(startskjema("siljan", "Siljan", "SIL"));
    try {
      driver.fullfor(pi.getId(), "Task_RegistrerForankring", forankring());
      driver.fullfor(pi.getId(), "Task_EtablerLokaltStyre", lokaltStyre(List.of("styre.siljan")));
      driver.fullfor(pi.getId(), "Task_UtnevnLokalLeder", lokalLeder("leder.siljan"));
      driver.fullfor(pi.getId(), "Task_VedtaDriftsbudsjett", driftsbudsjett());
      driver.fullfor(pi.getId(), "Task_KartleggInteressenter", interessenter());
      // The leader leaves before the job runs: the membership cannot be created.
      identity.deleteUser("leder.siljan");
      long utrullinger = repository.createDeploymentQuery().deploymentName(Modelldeployering.NAVN).count();

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.kjorJobb(pi.getId()))
          .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);

      assertThat(pi).isWaitingAt("Task_OpprettKommune");
      assertThat(kommuner.finn("siljan")).isEmpty();
      assertThat(identity.createTenantQuery().tenantId("siljan").count()).isZero();
      assertThat(identity.createGroupQuery().groupIdIn("leder-siljan", "styre-siljan").count()).isZero();
      assertThat(repository.createDeploymentQuery().deploymentName(Modelldeployering.NAVN).count())
          .isEqualTo(utrullinger);
    } finally {
      runtime.deleteProcessInstance(pi.getId(), "test ferdig");
    }
  }

  // ---------------------------------------------------------------- the start form over HTTP

  static Stream<Arguments> ugyldigeStarter() {
    return Stream.of(
        Arguments.of("start", "kommune-id finnes", endre("kommuneId", "larvik"),
            "«Kommune-id» (kommuneId) «larvik» er allerede i bruk."),
        Arguments.of("submit-form", "kommune-id finnes", endre("kommuneId", "larvik"),
            "«Kommune-id» (kommuneId) «larvik» er allerede i bruk."),
        Arguments.of("start", "koden finnes", endre("kommunekode", "LAR"),
            "«Kode i referansen» (kommunekode) «LAR» er allerede i bruk."),
        Arguments.of("start", "id med store bokstaver", endre("kommuneId", "Bamble"),
            "«Kommune-id» (kommuneId) har ikke riktig format: «Bamble» passer ikke mønsteret ^[a-z]{2,40}$."),
        Arguments.of("start", "id med æøå", endre("kommuneId", "tinnø"),
            "«Kommune-id» (kommuneId) har ikke riktig format"),
        Arguments.of("start", "kode med små bokstaver", endre("kommunekode", "bam"),
            "«Kode i referansen» (kommunekode) har ikke riktig format"),
        Arguments.of("start", "kode med fire bokstaver", endre("kommunekode", "BAML"),
            "«Kode i referansen» (kommunekode) kan ha høyst 3 tegn (har 4)."));
  }

  private static Consumer<Map<String, Object>> endre(String felt, String verdi) {
    return v -> v.put(felt, verdi);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("ugyldigeStarter")
  void startMedKommuneSomFinnesEllerFeilFormatAvvisesMed400(String endepunkt, String navn,
      Consumer<Map<String, Object>> endring, String forventet) throws Exception {
    Map<String, Object> start = new java.util.LinkedHashMap<>(startskjema("bamble", "Bamble", "BAM"));
    endring.accept(start);
    long instanser = historikk.createHistoricProcessInstanceQuery().processDefinitionKey(PROSESS).count();
    long tenanter = identity.createTenantQuery().count();
    List<Kommune> register = kommuner.alle();

    HttpResponse<String> svar = rest.post(START + endepunkt, TestBrukere.PROGRAMLEDER, start);

    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(400);
    assertThat(RestKlient.melding(svar)).startsWith("Skjemaet er ikke riktig utfylt:").contains(forventet);
    assertThat(historikk.createHistoricProcessInstanceQuery().processDefinitionKey(PROSESS).count())
        .as("ingen innfasing startet").isEqualTo(instanser);
    assertThat(identity.createTenantQuery().count()).isEqualTo(tenanter);
    assertThat(kommuner.alle()).isEqualTo(register);
  }

  @Test
  void gyldigStartOverHttpGarTilForankring() throws Exception {
    HttpResponse<String> svar = rest.post(START + "start", TestBrukere.PROGRAMLEDER,
        startskjema("porsgrunn", "Porsgrunn", "POR"));

    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    String pi = RestKlient.felt(svar, "id");
    try {
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult())
          .isWaitingAt("Task_RegistrerForankring");
      assertThat(runtime.getVariable(pi, "startetAv")).isEqualTo(TestBrukere.PROGRAMLEDER);
    } finally {
      runtime.deleteProcessInstance(pi, "test ferdig");
    }
  }

  // ---------------------------------------------------------------- the board and the leader over HTTP

  @Test
  void ukjentBrukerIStyretEllerSomLederAvvisesMed400() throws Exception {
    driver.opprettBrukere("kari.kragero");
    ProcessInstance pi = driver.start(startskjema("kragero", "Kragerø", "KRA"));
    try {
      driver.fullfor(pi.getId(), "Task_RegistrerForankring", forankring());
      String styre = apenOppgave(pi);

      HttpResponse<String> svar = rest.post("/engine-rest/task/" + styre + "/complete", TestBrukere.PROGRAMLEDER,
          Map.of("styremedlemmer", List.of(
              Map.of("brukernavn", "kari.kragero", "rolle", "oppvekstsjef"),
              Map.of("brukernavn", "ola.finnesikke", "rolle", "nav-leder"))));

      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(400);
      assertThat(RestKlient.melding(svar))
          .contains("«Styremedlemmer» (styremedlemmer) rad 2: «Brukernavn» (brukernavn) «ola.finnesikke» finnes ikke.")
          .doesNotContain("kari.kragero");
      assertThat(apenOppgave(pi)).as("oppgaven er ikke fullført").isEqualTo(styre);
      assertThat(runtime.getVariable(pi.getId(), "styremedlemmer")).isNull();

      // With known users the same step goes through, as Tasklist sends it.
      svar = rest.post("/engine-rest/task/" + styre + "/complete", TestBrukere.PROGRAMLEDER,
          Map.of("styremedlemmer", List.of(Map.of("brukernavn", "kari.kragero", "rolle", "oppvekstsjef"))));
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(204);
      String leder = apenOppgave(pi);
      assertThat(oppgaver.createTaskQuery().taskId(leder).singleResult().getTaskDefinitionKey())
          .isEqualTo("Task_UtnevnLokalLeder");

      svar = rest.post("/engine-rest/task/" + leder + "/submit-form", TestBrukere.PROGRAMLEDER,
          Map.of("lokalLeder", "per.finnesikke"));
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(400);
      assertThat(RestKlient.melding(svar))
          .contains("«Brukernavn til lokal leder» (lokalLeder) «per.finnesikke» finnes ikke.");
      assertThat(apenOppgave(pi)).isEqualTo(leder);
    } finally {
      runtime.deleteProcessInstance(pi.getId(), "test ferdig");
    }
  }

  // ---------------------------------------------------------------- helpers

  private String apenOppgave(ProcessInstance pi) {
    return oppgaver.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
  }

  private List<String> brukereI(String gruppe) {
    return identity.createUserQuery().memberOfGroup(gruppe).list().stream().map(User::getId).toList();
  }

  private boolean tillatt(String gruppe, Permission tillatelse, Resource ressurs, String ressursId) {
    return autorisasjoner.isUserAuthorized("noen.i." + gruppe, List.of(gruppe), tillatelse, ressurs, ressursId);
  }

  private ProcessDefinition sisteArbeidspakke() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("arbeidspakke").withoutTenantId()
        .latestVersion().singleResult();
  }

  /** The kommune choices of the deployed start form of {@code definisjon}: id -> name. */
  private Map<String, String> kommunevalg(ProcessDefinition definisjon) {
    try (InputStream skjema = skjemaer.getDeployedStartForm(definisjon.getId())) {
      return new SkjemaLeser().les(skjema).felt("kommune").orElseThrow().verdier();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Date tidspunkt(int ar, int maned, int dag) {
    return Date.from(LocalDateTime.of(ar, maned, dag, 9, 0).atZone(ZoneId.systemDefault()).toInstant());
  }
}
