package no.vareunge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.Fase;
import no.vareunge.vedtak.Vedtak;
import no.vareunge.vedtak.Vedtaksprotokoll;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo portfolio, made by test users of every role and kommune in the shared test context.
 * Made once for the class; the assertions only look at the packages it created.
 */
@VareungeTest
class DemoportefoljeTest {

  private static final List<String> VESTFOLD =
      List.of("larvik", "sandefjord", "tonsberg", "faerder", "horten", "holmestrand");

  private static List<Demoportefolje.Arbeidspakke> pakker;
  private static Instant laget;

  @Autowired private HistoryService historikk;
  @Autowired private TaskService tasks;
  @Autowired private ManagementService management;
  @Autowired private Vedtaksprotokoll vedtaksprotokoll;

  @BeforeAll
  static void lagPortefoljen(@Autowired Demoportefolje portefolje, @Autowired IdentityService identity) {
    TestBrukere.opprett(identity);
    VESTFOLD.forEach(kommune -> TestBrukere.kommunensBrukere(identity, kommune));
    ClockUtil.reset();
    laget = Instant.now();
    pakker = portefolje.opprett((rolle, kommune) -> switch (rolle) {
      case "eierstyret" -> TestBrukere.EIERSTYRET;
      case "ungdom" -> TestBrukere.UNGDOM;
      default -> TestBrukere.kommunebruker(rolle, kommune);
    });
  }

  @AfterEach
  void nullstillKlokken() {
    ClockUtil.reset();
  }

  @Test
  void hverArbeidspakkeStarIFasenKatalogenSier() {
    assertThat(pakker).hasSize(Demoportefolje.katalog().size()).hasSizeBetween(25, 35);
    assertThat(pakker).allSatisfy(p -> assertThat(fase(p)).as(p.referanse()).isEqualTo(p.forventetFase()));
  }

  @Test
  void alleFaserOgSluttilstanderOgAlleKommuneneErMed() {
    assertThat(pakker.stream().map(this::fase).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(Fase.values()).map(Fase::name).toList());
    Map<String, HistoricProcessInstance> instanser = instanser();
    assertThat(pakker).allSatisfy(p -> {
      assertThat(instanser.get(p.prosessinstansId()).getTenantId()).as("kommunen er tenant").isEqualTo(p.kommune());
      assertThat(p.referanse()).matches("AP-20\\d\\d-[A-Z]{3}-\\d{3}");
    });
    assertThat(pakker.stream().map(Demoportefolje.Arbeidspakke::kommune).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(VESTFOLD);
  }

  @Test
  void historikkenStrekkerSegOverHalvannetAr() {
    List<Date> startet = instanser().values().stream().map(HistoricProcessInstance::getStartTime).sorted().toList();
    assertThat(startet.get(0).toInstant()).isBefore(laget.minus(Duration.ofDays(500)));
    assertThat(startet.get(startet.size() - 1).toInstant()).isAfter(laget.minus(Duration.ofDays(7)));
    // Finished packages ended in the past, at the day of their last step, not today.
    assertThat(instanser().values().stream().filter(i -> i.getEndTime() != null))
        .allSatisfy(i -> assertThat(i.getEndTime().toInstant()).isBefore(laget.minus(Duration.ofDays(5))));
    assertThat(ClockUtil.getCurrentTime().toInstant()).as("klokken er nullstilt")
        .isBetween(laget, Instant.now().plusSeconds(1));
  }

  @Test
  void noenOppgaverHarPassertFristenOgIngenJobbVenterPaAKjoresPaNytt() {
    Date na = new Date();
    long forsinket = pakker.stream()
        .mapToLong(p -> tasks.createTaskQuery().processInstanceId(p.prosessinstansId()).dueBefore(na).count()).sum();
    assertThat(forsinket).isBetween(3L, 15L);
    // Every timer that was due by today has fired while the history was made: the job executor
    // of a demo start finds nothing of the past to catch up on.
    assertThat(pakker).allSatisfy(p -> assertThat(management.createJobQuery().processInstanceId(p.prosessinstansId())
        .duedateLowerThan(Date.from(laget.minus(Duration.ofMinutes(1)))).count()).as(p.referanse()).isZero());
  }

  @Test
  void vedtaksprotokollenViserHvemSomBesluttetPaHvertNiva() {
    List<Vedtak> vedtak = pakker.stream().flatMap(p -> vedtaksprotokoll.forReferanse(p.referanse()).stream()).toList();
    assertThat(vedtak.stream().map(Vedtak::besluttetAv).collect(Collectors.toSet()))
        .contains("styre.larvik.test", "eierstyret", "leder.sandefjord.test", "leder.horten.test",
            "styre.horten.test");
    assertThat(vedtak.stream().map(v -> v.niva().name()).collect(Collectors.toSet()))
        .contains("LOKAL_LEDER", "LOKALT_STYRE", "EIERSTYRE");
    assertThat(vedtak).filteredOn(v -> v.sakNr() != null).isNotEmpty()
        .allSatisfy(v -> assertThat(v.sakNr()).matches("\\d+/\\d\\d"));
  }

  @Test
  void pilotenesSisteRapportHarGronnGulOgRodStatus() {
    Set<String> statuser = pakker.stream().filter(p -> "PILOTERING".equals(p.forventetFase()))
        .map(p -> variabel(p, "pilotstatus")).collect(Collectors.toSet());
    assertThat(statuser).contains("gronn", "gul", "rod");
  }

  private String fase(Demoportefolje.Arbeidspakke p) {
    return variabel(p, "fase");
  }

  private String variabel(Demoportefolje.Arbeidspakke p, String navn) {
    HistoricVariableInstance v = historikk.createHistoricVariableInstanceQuery()
        .processInstanceId(p.prosessinstansId()).variableName(navn).singleResult();
    return v == null ? null : (String) v.getValue();
  }

  private Map<String, HistoricProcessInstance> instanser() {
    return historikk.createHistoricProcessInstanceQuery()
        .processInstanceIds(pakker.stream().map(Demoportefolje.Arbeidspakke::prosessinstansId)
            .collect(Collectors.toSet()))
        .list().stream().collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
  }
}
