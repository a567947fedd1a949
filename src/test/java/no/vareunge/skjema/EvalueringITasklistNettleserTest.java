package no.vareunge.skjema;

import static no.vareunge.arbeidspakke.Skjemasvar.lederBeslutning;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static org.assertj.core.api.Assertions.assertThat;

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

/** The evaluation in Tasklist shows the proposal's målparametere by name, not to be typed again. */
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
    nettleser.vent().until(d -> "Antall praksisplasser".equals(felt(skjema, "Målparameter 1").getDomProperty("value")));
    nettleser.lagre("evaluering-malparametere");

    assertThat(felt(skjema, "Målparameter 2").getDomProperty("value")).isEqualTo("Unge i jobb etter ett år");
    assertThat(felt(skjema, "Målparameter 1").getDomAttribute("readonly")).isNotNull();
    assertThat(felt(skjema, "Målparameter 3").getDomProperty("value")).isEmpty();
  }

  private static WebElement felt(WebElement skjema, String etikett) {
    return skjema.findElement(By.xpath(".//label[normalize-space(.)=\"" + etikett
        + "\"]/ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]//input"));
  }
}
