package no.vareunge.skjema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * its form nor keeps it from the next caller who may. A submission is checked against its form
 * with a list's empty rows dropped, and a refusal carries each error both ways.
 */
@VareungeTest
class SkjemaregisterTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired Skjemaregister skjemaer;
  @Autowired Skjemainnsending innsending;

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

  @Test
  void enTomRadIListenFallerBortOgEnHalvtUtfyltAvvisesMedFeltfeil() {
    Skjema forslag = skjemaer.forStart(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ArbeidspakkeDriver.PROSESS).latestVersion().withoutTenantId().singleResult().getId())
        .orElseThrow();
    Map<String, Object> malparameter = Map.of("navn", "Antall praksisplasser", "utgangsverdi", "10", "malverdi", "40");
    // A row added with «Legg til» and left empty: form-js submits it with an empty value per field.
    Map<String, Object> tom = Map.of("navn", "", "utgangsverdi", "", "malverdi", "");
    Map<String, Object> v = forslag(List.of(malparameter, tom));

    Skjemaregister.Kontrollert kontrollert = skjemaer.kontroller(forslag, v, Map.of());
    assertThat(kontrollert.feil()).isEmpty();
    assertThat(kontrollert.feltfeil()).isEmpty();
    assertThat(kontrollert.verdier().get("malparametere")).isEqualTo(List.of(malparameter));

    Map<String, Object> halv = Map.of("navn", "Antall lærekontrakter", "utgangsverdi", "", "malverdi", "");
    assertThatThrownBy(() -> innsending.kontroller(forslag, forslag(List.of(tom, halv)), Map.of()))
        .isInstanceOfSatisfying(UgyldigInnsendingException.class, e -> {
          assertThat(e.feil()).containsExactly(
              "«Målparametere» (malparametere) rad 1: «Utgangsverdi (i dag)» (utgangsverdi) må fylles ut.",
              "«Målparametere» (malparametere) rad 1: «Målverdi» (malverdi) må fylles ut.");
          assertThat(e.getMessage()).isEqualTo("Skjemaet er ikke riktig utfylt: " + String.join(" ", e.feil()));
          // The empty row was dropped before the check: the half one is row 1.
          assertThat(e.feltfeil()).containsExactly(
              new Feltfeil("malparametere", 1, "utgangsverdi", "«Målparametere» rad 1: «Utgangsverdi (i dag)» må fylles ut."),
              new Feltfeil("malparametere", 1, "malverdi", "«Målparametere» rad 1: «Målverdi» må fylles ut."));
        });
  }

  /** A proposal as the browser submits it, with these målparametere. */
  private static Map<String, Object> forslag(List<Map<String, Object>> malparametere) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("tittel", "Praksisplasser i kommunale virksomheter");
    v.put("kommune", "larvik");
    v.put("utfordring", "For mange unge står utenfor opplæring og arbeid.");
    v.put("tiltak", "Faste praksisplasser med veileder.");
    v.put("innovasjon", "Kommunen som arbeidsgiver tar ansvar på tvers av sektorer.");
    v.put("partnere", List.of("kommune", "nav"));
    v.put("malparametere", malparametere);
    v.put("budsjett", 200000);
    v.put("pilotvarighetMnd", 12);
    return v;
  }
}
