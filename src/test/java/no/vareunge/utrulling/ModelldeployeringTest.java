package no.vareunge.utrulling;

import no.vareunge.kommune.KommuneRegister;
import no.vareunge.kommune.Kommune;
import no.vareunge.utrulling.Modelldeployering;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import no.vareunge.VareungeTest;
import no.vareunge.frister.Frister;
import no.vareunge.skjema.SkjemaLeser;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a restart deploys: nothing when the files, the register and the report's schedule are as
 * before, one new deployment with everything when a kommune was added or the schedule changed.
 */
@VareungeTest
class ModelldeployeringTest {

  @Autowired Modelldeployering modeller;
  @Autowired RepositoryService repository;
  @Autowired FormService skjemaer;
  @Autowired KommuneRegister kommuner;
  @Autowired JdbcClient jdbc;
  @Autowired Frister frister;
  @Autowired ManagementService jobber;

  @Test
  void omstartMedSammeRegisterRullerIkkeUtPaNytt() {
    modeller.rullUt();
    long for_ = utrullinger();

    assertThat(modeller.rullUt()).isFalse();
    assertThat(modeller.rullUt()).isFalse();

    assertThat(utrullinger()).isEqualTo(for_);
  }

  @Test
  void nyKommuneGirEnNyUtrullingMedAlleRessursene() throws IOException {
    modeller.rullUt();
    long for_ = utrullinger();
    int versjonFor = sisteArbeidspakke().getVersion();
    kommuner.opprett(new Kommune("bamble", "Bamble", "BAM"));
    try {
      assertThat(modeller.rullUt()).isTrue();
      assertThat(modeller.rullUt()).as("og ikke en gang til").isFalse();

      assertThat(utrullinger()).isEqualTo(for_ + 1);
      Deployment ny = repository.createDeploymentQuery().deploymentName(Modelldeployering.NAVN)
          .orderByDeploymentTime().desc().orderByDeploymentId().desc().listPage(0, 1).get(0);
      assertThat(repository.getDeploymentResources(ny.getId())).extracting(Resource::getName)
          .contains("processes/arbeidspakke.bpmn", "processes/beslutningsniva.dmn",
              "processes/innfasing-kommune.bpmn", "forms/arbeidspakke-forslag.form",
              "forms/innfasing-kommune-start.form")
          .hasSize(antallFiler());
      ProcessDefinition arbeidspakke = sisteArbeidspakke();
      assertThat(arbeidspakke.getVersion()).isEqualTo(versjonFor + 1);
      assertThat(arbeidspakke.getDeploymentId()).isEqualTo(ny.getId());
      try (InputStream skjema = skjemaer.getDeployedStartForm(arbeidspakke.getId())) {
        assertThat(new SkjemaLeser().les(skjema).felt("kommune").orElseThrow().verdier())
            .containsEntry("bamble", "Bamble");
      }
    } finally {
      // The shared database keeps only kommuner that were onboarded properly.
      jdbc.sql("DELETE FROM kommune WHERE id = 'bamble'").update();
      modeller.rullUt();
    }
  }

  @Test
  void kommunelisteneFyllesFraRegisteretISorteringsrekkefolge() throws IOException {
    byte[] fil = Files.readAllBytes(Path.of("forms", "arbeidspakke-forslag.form"));
    List<Kommune> register = List.of(new Kommune("as", "Ås", "ASS"), new Kommune("aeroy", "Ærøy", "AER"),
        new Kommune("bo", "Bø", "BOE"), new Kommune("tonsberg", "Tønsberg", "TON"));

    byte[] utfylt = modeller.medKommuner(fil, register);

    Map<String, String> valg = new SkjemaLeser().les(new java.io.ByteArrayInputStream(utfylt))
        .felt("kommune").orElseThrow().verdier();
    assertThat(valg).containsExactly(Map.entry("bo", "Bø"), Map.entry("tonsberg", "Tønsberg"),
        Map.entry("aeroy", "Ærøy"), Map.entry("as", "Ås"));
    assertThat(modeller.medKommuner(fil, register)).as("samme register gir samme bytes").isEqualTo(utfylt);
    // The rest of the form is as in the file.
    assertThat(new SkjemaLeser().les(new java.io.ByteArrayInputStream(utfylt)).felt())
        .hasSameSizeAs(new SkjemaLeser().les(new java.io.ByteArrayInputStream(fil)).felt());
    assertThat(new String(utfylt, StandardCharsets.UTF_8)).contains("\"verdier\" : \"kommuner\"");
  }

  @Test
  void skjemaUtenKommunelisteRullesUtUendret() throws IOException {
    byte[] fil = Files.readAllBytes(Path.of("forms", "vedtak-lokalt-styre.form"));
    assertThat(modeller.medKommuner(fil, kommuner.alle())).isSameAs(fil);
  }

  @Test
  void tidsplanenForStyrerapportenSkrivesInnIModellenOgEnEndretTidsplanRullesUt() throws IOException {
    byte[] fil = Files.readAllBytes(Path.of("processes", "styrerapport.bpmn"));
    assertThat(new String(fil, StandardCharsets.UTF_8)).contains(Modelldeployering.TIDSPLAN);
    assertThat(new String(modeller.medTidsplan(fil), StandardCharsets.UTF_8))
        .doesNotContain(Modelldeployering.TIDSPLAN)
        .contains("<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">" + frister.getStyrerapport() + "</bpmn:timeCycle>");
    byte[] annen = Files.readAllBytes(Path.of("processes", "arbeidspakke.bpmn"));
    assertThat(modeller.medTidsplan(annen)).isSameAs(annen);

    modeller.rullUt();
    String standard = frister.getStyrerapport();
    try {
      // Another schedule in the configuration: the next start deploys it, and the timer follows.
      frister.setStyrerapport("0 30 6 ? * MON#2");
      assertThat(modeller.rullUt()).isTrue();
      ProcessDefinition styrerapport = repository.createProcessDefinitionQuery().processDefinitionKey("styrerapport")
          .latestVersion().singleResult();
      try (InputStream modell = repository.getResourceAsStream(styrerapport.getDeploymentId(),
          "processes/styrerapport.bpmn")) {
        assertThat(new String(modell.readAllBytes(), StandardCharsets.UTF_8)).contains(">0 30 6 ? * MON#2<");
      }
      Job timer = jobber.createJobQuery().processDefinitionId(styrerapport.getId()).timers().singleResult();
      ZonedDateTime forfall = timer.getDuedate().toInstant().atZone(ZoneId.systemDefault());
      assertThat(forfall.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
      assertThat(forfall.getDayOfMonth()).isBetween(8, 14);
      assertThat(forfall.toLocalTime()).isEqualTo(LocalTime.of(6, 30));
      assertThat(jobber.createJobQuery().processDefinitionKey("styrerapport").timers().list())
          .filteredOn(j -> j.getProcessInstanceId() == null).hasSize(1);
    } finally {
      frister.setStyrerapport(standard);
      modeller.rullUt();
    }
  }

  private long utrullinger() {
    return repository.createDeploymentQuery().deploymentName(Modelldeployering.NAVN).count();
  }

  private ProcessDefinition sisteArbeidspakke() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("arbeidspakke").withoutTenantId()
        .latestVersion().singleResult();
  }

  private static int antallFiler() throws IOException {
    try (var prosesser = Files.list(Path.of("processes")); var skjemaer = Files.list(Path.of("forms"))) {
      return (int) (prosesser.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).count()
          + skjemaer.filter(f -> f.toString().endsWith(".form")).count());
    }
  }
}
