package no.vareunge.innfasing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.vareunge.TestBrukere;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Drives process {@code innfasing-kommune} as programleder does it in Tasklist: the forms' values
 * (lists as Json), each step with programleder's login, the last step by the job executor.
 */
final class InnfasingDriver {

  static final String PROSESS = "innfasing-kommune";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;
  private final IdentityService identity;
  private final TaskService oppgaver;
  private final ManagementService jobber;

  InnfasingDriver(ProcessEngine engine) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.oppgaver = engine.getTaskService();
    this.jobber = engine.getManagementService();
  }

  // ------------------------------------------------------------------ the forms' values

  static Map<String, Object> startskjema(String id, String navn, String kode) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("kommunenavn", navn);
    v.put("kommuneId", id);
    v.put("kommunekode", kode);
    v.put("fylke", "telemark");
    return v;
  }

  static Map<String, Object> forankring() {
    return Map.of("forankringOrgan", "kommunestyret", "forankringSaksnummer", "PS 25/42",
        "forankringDato", "2025-11-20", "forankringMerknad", "Enstemmig vedtatt.");
  }

  /** Board members as {brukernavn, rolle}; the first one chairs. */
  static Map<String, Object> lokaltStyre(List<String> medlemmer) {
    List<Map<String, String>> rader = new java.util.ArrayList<>();
    for (int i = 0; i < medlemmer.size(); i++) {
      rader.add(Map.of("brukernavn", medlemmer.get(i), "rolle", i == 0 ? "oppvekstsjef" : "nav-leder"));
    }
    return Map.of("styremedlemmer", json(rader));
  }

  static Map<String, Object> lokalLeder(String bruker) {
    return Map.of("lokalLeder", bruker);
  }

  static Map<String, Object> driftsbudsjett() {
    return Map.of("driftsbudsjettBelop", 1_500_000, "driftsbudsjettAr", 2026,
        "finansiering", "Kommunen 1 mill., fylkeskommunen 0,5 mill.");
  }

  static Map<String, Object> interessenter() {
    return Map.of("interessenter", json(List.of(
        Map.of("navn", "NAV lokalt", "type", "nav", "rolle", "Deltar i styret og i arbeidspakkene"),
        Map.of("navn", "Næringsforeningen", "type", "naeringsliv", "rolle", "Praksisplasser"))));
  }

  static Object json(Object verdi) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(verdi)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ steps

  /** Users for the board and the lokal leder, as an administrator creates them before onboarding. */
  void opprettBrukere(String... brukere) {
    for (String id : brukere) {
      if (identity.createUserQuery().userId(id).count() == 0) {
        User bruker = identity.newUser(id);
        bruker.setFirstName(id);
        bruker.setLastName("Test");
        bruker.setPassword(TestBrukere.PASSORD);
        identity.saveUser(bruker);
      }
    }
  }

  ProcessInstance start(Map<String, Object> startskjema) {
    return somBruker(TestBrukere.PROGRAMLEDER,
        () -> engine.getRuntimeService().startProcessInstanceByKey(PROSESS, startskjema));
  }

  /** Completes the one open task of the instance, which must be {@code steg}, as programleder. */
  void fullfor(String prosessinstans, String steg, Map<String, Object> svar) {
    Task oppgave = oppgaver.createTaskQuery().processInstanceId(prosessinstans).singleResult();
    assertThat(oppgave).as("åpen oppgave").isNotNull();
    assertThat(oppgave.getTaskDefinitionKey()).isEqualTo(steg);
    somBruker(TestBrukere.PROGRAMLEDER, () -> {
      oppgaver.complete(oppgave.getId(), svar);
      return null;
    });
  }

  /** Runs the async step as the job executor does: without anybody's login. */
  void kjorJobb(String prosessinstans) {
    identity.clearAuthentication();
    Job jobb = jobber.createJobQuery().processInstanceId(prosessinstans).singleResult();
    assertThat(jobb).as("jobb for Opprett kommunen").isNotNull();
    jobber.executeJob(jobb.getId());
  }

  /** The whole onboarding; returns the process instance id. */
  String fasInn(String id, String navn, String kode, String leder, List<String> styre) {
    opprettBrukere(leder);
    opprettBrukere(styre.toArray(String[]::new));
    String pi = start(startskjema(id, navn, kode)).getId();
    fullfor(pi, "Task_RegistrerForankring", forankring());
    fullfor(pi, "Task_EtablerLokaltStyre", lokaltStyre(styre));
    fullfor(pi, "Task_UtnevnLokalLeder", lokalLeder(leder));
    fullfor(pi, "Task_VedtaDriftsbudsjett", driftsbudsjett());
    fullfor(pi, "Task_KartleggInteressenter", interessenter());
    kjorJobb(pi);
    return pi;
  }

  /** Runs {@code handling} logged in as {@code bruker} with their groups and kommuner, as the web apps do. */
  <T> T somBruker(String bruker, java.util.function.Supplier<T> handling) {
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
}
