package no.vareunge.skjema;

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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a submitter typed is shown as text in the decision forms, never as markup: HTML, markdown
 * images and links in a proposal become neither elements nor links in the board's form in Tasklist.
 * The addresses point at a closed port on this machine, so that nothing leaves it even if rendered.
 */
@VareungeTest
class BrukertekstNettleserTest {

  private static final String BILDE = "<img id=\"ondsinnet\" src=\"http://127.0.0.1:9/x.png\"> og ![bilde](http://127.0.0.1:9/b.png)";
  private static final String LENKE = "[Les mer](http://127.0.0.1:9/lenke) <a href=\"http://127.0.0.1:9/a\">klikk</a> **fet**";

  @RegisterExtension final Nettleser nettleser = new Nettleser();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  @BeforeEach
  void brukere() {
    TestBrukere.opprett(identity);
  }

  @Test
  void htmlOgMarkdownFraForslagetVisesSomTekstIStyretsSkjema() {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("tittel", "<b>Tittel</b> [lenke](http://127.0.0.1:9/t)");
    forslag.put("utfordring", BILDE);
    forslag.put("tiltak", LENKE);
    forslag.put("malgruppe", "![](http://127.0.0.1:9/m.png)");
    forslag.put("malparametere", SpinValues.jsonValue("[{\"navn\":\"[x](http://127.0.0.1:9/mp)\","
        + "\"utgangsverdi\":\"<i>1</i>\",\"malverdi\":\"2\"}]").create());
    ArbeidspakkeDriver driver = new ArbeidspakkeDriver(engine);
    ProcessInstance ap = driver.startForslag(TestBrukere.AP_LARVIK, forslag);
    driver.fullfor(ap, "Task_VurderForslag", TestBrukere.LEDER_LARVIK,
        Map.of("vurdering", "komplett", "vurderingKommentar", "Se ![](http://127.0.0.1:9/v.png)"));
    Task styrebehandling = driver.oppgave(ap, "Task_Styrebehandling");

    nettleser.loggInn(port, "tasklist", TestBrukere.STYRE_LARVIK, TestBrukere.PASSORD);
    nettleser.driver().get(Nettleser.adresse(port, "/camunda/app/tasklist/default/#/?task=" + styrebehandling.getId()
        + "&detailsTab=task-detail-form"));
    WebElement skjema = nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    nettleser.vent().until(d -> !felt(skjema, "Utfordringen i kommunen i dag").getDomProperty("value").isEmpty());
    nettleser.lagre("brukertekst-styrebehandling");

    assertThat(skjema.findElements(By.tagName("img"))).as("ingen bilder").isEmpty();
    assertThat(skjema.findElements(By.cssSelector("a[href*='127.0.0.1']"))).as("ingen lenker").isEmpty();
    assertThat(skjema.findElements(By.tagName("b"))).isEmpty();
    assertThat(skjema.findElements(By.tagName("i"))).isEmpty();
    assertThat(felt(skjema, "Utfordringen i kommunen i dag").getDomProperty("value")).isEqualTo(BILDE);
    assertThat(felt(skjema, "Hva skal prøves ut?").getDomProperty("value")).isEqualTo(LENKE);
    assertThat(felt(skjema, "Tittel").getDomProperty("value")).isEqualTo(forslag.get("tittel"));
    assertThat(felt(skjema, "Lokal leders vurdering").getDomProperty("value")).contains("![](http://127.0.0.1:9/v.png)");
    List<String> celler = skjema.findElements(By.cssSelector(".fjs-table-td")).stream().map(WebElement::getText).toList();
    assertThat(celler).contains("[x](http://127.0.0.1:9/mp)", "<i>1</i>");
  }

  /** The read-only field with this label. */
  private static WebElement felt(WebElement skjema, String etikett) {
    return skjema.findElement(By.xpath(".//label[normalize-space(.)=\"" + etikett
        + "\"]/ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]//*[self::input or self::textarea]"));
  }
}
