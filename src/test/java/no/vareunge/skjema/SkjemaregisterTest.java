package no.vareunge.skjema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import no.vareunge.Forslag;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import no.vareunge.tilgang.Tilgangsoppsett;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The forms are read once per model and task, and a caller who may not see a task neither gets
 * its form nor keeps it from the next caller who may.
 */
@VareungeTest
class SkjemaregisterTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired Skjemaregister skjemaer;

  @AfterEach
  void loggUt() {
    identity.clearAuthentication();
  }

  @Test
  void enSomIkkeSerOppgavenFarIkkeSkjemaetMenDenNesteSomSerDenFarDet() {
    TestBrukere.opprett(identity);
    // A package of its own, so that no other test has read this task's form before.
    ProcessInstance ap = new ArbeidspakkeDriver(engine).startForslag(TestBrukere.AP_LARVIK, Forslag.gyldig());
    Task vurdering = engine.getTaskService().createTaskQuery().processInstanceId(ap.getId()).singleResult();

    identity.setAuthentication(TestBrukere.AP_HORTEN, List.of(Tilgangsoppsett.ARBEIDSPAKKELEDERE), List.of("horten"));
    assertThat(skjemaer.forOppgave(vurdering.getId())).as("en annen kommune").isEmpty();

    identity.setAuthentication(TestBrukere.LEDER_LARVIK, List.of(Tilgangsoppsett.leder("larvik")), List.of("larvik"));
    Optional<Skjema> skjema = skjemaer.forOppgave(vurdering.getId());
    assertThat(skjema).as("lokal leder i kommunen").isPresent();
    assertThat(skjema.get().felt()).extracting(Skjemafelt::key).contains("vurdering", "vurderingKommentar");
    assertThat(skjemaer.forOppgave(vurdering.getId()).get()).as("lest én gang").isSameAs(skjema.get());
  }

  @Test
  void startskjemaetLesesEnGangPerModell() {
    String definisjon = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ArbeidspakkeDriver.PROSESS).latestVersion().withoutTenantId().singleResult().getId();

    Optional<Skjema> forslag = skjemaer.forStart(definisjon);

    assertThat(forslag).isPresent();
    assertThat(forslag.get().felt()).extracting(Skjemafelt::key).contains("tittel", "kommune", "budsjett");
    assertThat(skjemaer.forStart(definisjon).get()).isSameAs(forslag.get());
  }
}
