package no.vareunge.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import no.vareunge.Forslag;
import no.vareunge.ProgramstyringApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes of the application on one PostgreSQL database (profile {@code postgres}), both with
 * the job executor on (Camunda 7's homogeneous cluster). Runs in its own JVM (failsafe), apart from the shared test
 * context of the other tests. Each node is the whole application on a port of its own.
 */
class KlyngeIT {

  private static final int K = 48;
  private static final String AVVIST_VARSEL = "EndEvent_Avvist";
  private static final String UTTALELSESFRIST = "Timer_UttalelseFrist";

  private static EmbeddedPostgres postgres;
  private ConfigurableApplicationContext node1;
  private ConfigurableApplicationContext node2;

  @BeforeAll
  static void startDatabase() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stoppDatabase() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void startNoder() throws Exception {
    // Both nodes boot and deploy at the same time. Only Spring Boot's logging set-up, which is
    // one per JVM (in production each node has its own JVM), is let through one node at a time.
    CountDownLatch node1HarLogging = new CountDownLatch(1);
    CompletableFuture<ConfigurableApplicationContext> en =
        CompletableFuture.supplyAsync(() -> start("node1", node1HarLogging));
    assertThat(node1HarLogging.await(60, TimeUnit.SECONDS)).isTrue();
    node2 = start("node2", new CountDownLatch(1));
    node1 = en.join();
  }

  @AfterEach
  void stoppNoder() {
    for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {node1, node2}) {
      if (node != null && node.isActive()) {
        node.close();
      }
    }
    ClockUtil.reset();
  }

  @Test
  void beggeNodeneDeployererUtenDuplikaterOgSerDetSammeStraks() {
    ProcessEngine en = motor(node1);
    ProcessEngine to = motor(node2);
    assertThat(en.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("arbeidspakke")
        .count()).as("én versjon av arbeidspakke, selv om begge nodene startet samtidig").isEqualTo(1);
    assertThat(to.getRepositoryService().createDeploymentQuery().list())
        .hasSameSizeAs(en.getRepositoryService().createDeploymentQuery().list());
    // The first start created Camunda's schema, in the version of the engine.
    assertThat(node1.getBean(JdbcClient.class).sql("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG").query(String.class)
        .list()).contains("7.24.0");

    String instans = startForslag(en);
    Task vurdering = to.getTaskService().createTaskQuery().processInstanceId(instans).singleResult();
    assertThat(vurdering).as("oppgaven fra node 1 er synlig på node 2").isNotNull();
    en.getTaskService().complete(vurdering.getId(),
        Map.of("vurdering", "maBearbeides", "vurderingKommentar", "Beskriv målgruppen bedre."));
    assertThat(to.getTaskService().createTaskQuery().processInstanceId(instans).singleResult().getTaskDefinitionKey())
        .as("fullført på node 1, neste oppgave synlig på node 2 med en gang").isEqualTo("Task_BearbeidForslag");
  }

  @Test
  void asynkroneVarslerUtforesNoyaktigEnGang() {
    List<String> instanser = avvisForslag(motor(node1), K);

    await().atMost(Duration.ofSeconds(90)).until(() -> ferdige(motor(node2), instanser) == K);

    Map<String, List<HistoricJobLog>> utfort = vellykkedeJobber(motor(node1), instanser, AVVIST_VARSEL);
    assertThat(utfort).hasSize(K);
    assertThat(utfort.values()).allSatisfy(logg -> assertThat(logg).as("utført nøyaktig én gang").hasSize(1));
  }

  @Test
  void tidsstyrteJobberUtforesNoyaktigEnGangOgBeggeNodeneTarArbeid() {
    List<String> instanser = venterPaUngdomspanelet(motor(node1), K);

    // Every deadline falls due at the same moment for both nodes: they share the work.
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(15).toMillis()));
    await().atMost(Duration.ofSeconds(90)).until(() -> forbiFristen(motor(node2), instanser) == K);

    Map<String, List<HistoricJobLog>> utfort = vellykkedeJobber(motor(node1), instanser, UTTALELSESFRIST);
    assertThat(utfort).hasSize(K);
    assertThat(utfort.values()).allSatisfy(logg -> assertThat(logg).as("utført nøyaktig én gang").hasSize(1));
    assertThat(utfort.values().stream().map(logg -> logg.get(0).getHostname()).distinct())
        .as("begge nodene har tatt jobber").containsExactlyInAnyOrder("node1", "node2");
  }

  @Test
  void jobberSomEnStoppetNodeHaddeTattFullforesAvDenAndre() {
    List<String> instanser = venterPaUngdomspanelet(motor(node1), K);
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(15).toMillis()));
    node2.close();

    // Jobs node 2 had locked but not finished are free again when their lock runs out.
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(10).toMillis()));
    await().atMost(Duration.ofSeconds(90)).until(() -> forbiFristen(motor(node1), instanser) == K);

    Map<String, List<HistoricJobLog>> utfort = vellykkedeJobber(motor(node1), instanser, UTTALELSESFRIST);
    assertThat(utfort).as("ingen jobb er tapt").hasSize(K);
    assertThat(utfort.values()).allSatisfy(logg -> assertThat(logg).as("utført nøyaktig én gang").hasSize(1));
  }

  /** K proposals rejected at assessment: each leaves one asynchronous notification job. */
  private List<String> avvisForslag(ProcessEngine motor, int antall) {
    List<String> instanser = new ArrayList<>();
    for (int i = 0; i < antall; i++) {
      String instans = startForslag(motor);
      Task vurdering = motor.getTaskService().createTaskQuery().processInstanceId(instans).singleResult();
      motor.getTaskService().complete(vurdering.getId(),
          Map.of("vurdering", "avvist", "vurderingKommentar", "Passer ikke i programmet."));
      instanser.add(instans);
    }
    return instanser;
  }

  /** K complete proposals waiting for the youth panel: each has a timer for the panel's deadline. */
  private List<String> venterPaUngdomspanelet(ProcessEngine motor, int antall) {
    List<String> instanser = new ArrayList<>();
    for (int i = 0; i < antall; i++) {
      Map<String, Object> forslag = Forslag.gyldig();
      forslag.put("horUngdomspanel", true);
      String instans = startForslag(motor, forslag);
      Task vurdering = motor.getTaskService().createTaskQuery().processInstanceId(instans).singleResult();
      motor.getTaskService().complete(vurdering.getId(),
          Map.of("vurdering", "komplett", "vurderingKommentar", "Komplett."));
      instanser.add(instans);
    }
    return instanser;
  }

  private static String startForslag(ProcessEngine motor) {
    return startForslag(motor, Forslag.gyldig());
  }

  private static String startForslag(ProcessEngine motor, Map<String, Object> forslag) {
    motor.getIdentityService().setAuthentication("ap.klynge", List.of("arbeidspakkeledere"), List.of("larvik"));
    try {
      return motor.getRuntimeService().startProcessInstanceByKey("arbeidspakke", forslag).getId();
    } finally {
      motor.getIdentityService().clearAuthentication();
    }
  }

  private static long ferdige(ProcessEngine motor, List<String> instanser) {
    return motor.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceIds(new java.util.HashSet<>(instanser)).finished().count();
  }

  private static long forbiFristen(ProcessEngine motor, List<String> instanser) {
    return motor.getHistoryService().createHistoricActivityInstanceQuery()
        .activityId("Task_RegistrerManglendeUttalelse").finished().list().stream()
        .filter(a -> instanser.contains(a.getProcessInstanceId())).count();
  }

  private static Map<String, List<HistoricJobLog>> vellykkedeJobber(ProcessEngine motor, List<String> instanser,
      String aktivitet) {
    return motor.getHistoryService().createHistoricJobLogQuery().activityIdIn(aktivitet).successLog().list()
        .stream()
        .filter(logg -> instanser.contains(logg.getProcessInstanceId()))
        .collect(Collectors.groupingBy(HistoricJobLog::getProcessInstanceId));
  }

  private static ProcessEngine motor(ConfigurableApplicationContext node) {
    return node.getBean(ProcessEngine.class);
  }

  private static ConfigurableApplicationContext start(String navn, CountDownLatch loggingKlar) {
    return new SpringApplicationBuilder(ProgramstyringApplication.class)
        .listeners(hendelse -> {
          if (hendelse instanceof ApplicationPreparedEvent) {
            loggingKlar.countDown();
          }
        })
        .profiles("postgres")
        .run(
            "--server.port=0",
            "--VAREUNGE_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--VAREUNGE_DB_BRUKER=postgres",
            "--VAREUNGE_DB_PASSORD=postgres",
            "--camunda.bpm.process-engine-name=" + navn,
            "--camunda.bpm.generic-properties.properties.hostname=" + navn,
            "--camunda.bpm.job-execution.enabled=true",
            // Short idle waits, so that both nodes are awake when the jobs fall due.
            "--camunda.bpm.job-execution.wait-time-in-millis=50",
            "--camunda.bpm.job-execution.max-wait=200",
            "--camunda.bpm.job-execution.max-jobs-per-acquisition=2");
  }
}
