package no.vareunge.skjema;

import static no.vareunge.arbeidspakke.Skjemasvar.lederBeslutning;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.vareunge.Forslag;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import no.vareunge.nettleser.Nettleser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The evaluation in Tasklist shows the proposal's målparametere by name, one row each in the
 * dynamic list, read-only, not to be typed again (Tasklist stays for administrators).
 */
@VareungeTest
class EvalueringITasklistNettleserTest {

  @RegisterExtension final Nettleser nettleser = new Nettleser();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  @BeforeEach
  void brukere() {
    TestBrukere.opprett(identity);
  }

  @AfterEach
  void klokke() {
    ClockUtil.reset();
  }

  @Test
  void malparameterneStarAlleredeIEvalueringen() {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("budsjett", 40_000);
    forslag.put("pilotvarighetMnd", 6);
    forslag.put("malparametere", SpinValues.jsonValue("[{\"navn\":\"Antall praksisplasser\",\"utgangsverdi\":\"10\","
        + "\"malverdi\":\"40\"},{\"navn\":\"Unge i jobb etter ett år\",\"utgangsverdi\":\"2\",\"malverdi\":\"12\"}]")
        .create());
    ArbeidspakkeDriver driver = new ArbeidspakkeDriver(engine);
    ProcessInstance ap = driver.startForslag(TestBrukere.AP_LARVIK, forslag);
    driver.fullfor(ap, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, vurdering("komplett"));
    driver.fullfor(ap, "Task_BesluttMindreTiltak", TestBrukere.LEDER_LARVIK, lederBeslutning("godkjent"));
    driver.utforJobbNarDenForfaller(ap, "Timer_PilotSlutt");
    Task evaluering = driver.oppgave(ap, "Task_Evaluering");
    ClockUtil.reset();

    nettleser.loggInn(port, "tasklist", TestBrukere.AP_LARVIK, TestBrukere.PASSORD);
    nettleser.driver().get(Nettleser.adresse(port, "/camunda/app/tasklist/default/#/?task=" + evaluering.getId()
        + "&detailsTab=task-detail-form"));
    WebElement skjema = nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    // One row per målparameter of the proposal, each with the same labels; none to add or remove.
    nettleser.vent().until(d -> navn(skjema).size() == 2);
    nettleser.lagre("evaluering-malparametere");

    assertThat(navn(skjema)).extracting(inn -> inn.getDomProperty("value"))
        .containsExactly("Antall praksisplasser", "Unge i jobb etter ett år");
    assertThat(navn(skjema)).allSatisfy(inn -> assertThat(inn.getDomAttribute("readonly")).isNotNull());
    assertThat(kolonne(skjema, "Oppnådd verdi")).hasSize(2)
        .allSatisfy(inn -> assertThat(inn.getDomAttribute("readonly")).isNull());
    assertThat(skjema.findElements(By.cssSelector(".fjs-repeat-render-add, .fjs-repeat-row-remove")))
        .as("radene er gitt av forslaget").isEmpty();
  }

  /** The name fields of the rows of «Måloppnåelse». */
  private static List<WebElement> navn(WebElement skjema) {
    return kolonne(skjema, "Målparameter");
  }

  /** The inputs of the rows' fields labelled {@code etikett}, in the order of the rows. */
  private static List<WebElement> kolonne(WebElement skjema, String etikett) {
    return skjema.findElements(By.xpath(".//label[normalize-space(.)=\"" + etikett + "\" or normalize-space(.)=\""
        + etikett + "*\"]/ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]//input"));
  }
}
