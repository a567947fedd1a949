package no.vareunge.skjema;

import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.vareunge.Forslag;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import no.vareunge.nettleser.Nettleser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The board's meeting date in Tasklist is read the Norwegian way whatever the browser's language:
 * the browser here is English (en-US, which makes form-js expect mm/dd/yyyy), yet 10.12.2026 is
 * stored as 10 December, the calendar is Norwegian and starts on Monday, an impossible date is
 * refused in Norwegian instead of becoming another date, and a stored date is shown as dd.mm.åååå.
 */
@VareungeTest
class TasklistDatoNettleserTest {

  private static final By FULLFOR = By.xpath("//button[normalize-space(.)='Fullfør']");
  private static final String UGYLDIG = "Ugyldig dato. Skriv datoen som dd.mm.åååå, for eksempel 10.12.2026.";

  @RegisterExtension final Nettleser nettleser = new Nettleser();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  @BeforeEach
  void brukere() {
    TestBrukere.opprett(identity);
  }

  @Test
  void norskSkrevetDatoLagresSomDenDatoenOgUmuligDatoAvvises() throws Exception {
    ProcessInstance ap = tilStyrebehandling();
    String referanse = (String) engine.getRuntimeService().getVariable(ap.getId(), "referanse");
    Task oppgave = apneSkjema(ap);

    klikk("Godkjent");
    skriv("Saksnummer", "12/26");
    skriv("Begrunnelse", "Styret støtter piloten.");

    // The calendar is Norwegian and starts on Monday.
    WebElement dato = dato();
    klikk(dato);
    WebElement kalender = nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".flatpickr-calendar.open")));
    assertThat(tekster(kalender, ".flatpickr-weekday"))
        .containsExactly("Man", "Tir", "Ons", "Tor", "Fre", "Lør", "Søn");
    assertThat(tekster(kalender, ".flatpickr-monthDropdown-month")).containsExactly("Januar", "Februar", "Mars",
        "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Desember");

    // An impossible date is cleared and refused in Norwegian, not rolled over to 3 March.
    dato.sendKeys("31.02.2026", Keys.TAB);
    WebElement avvisning = nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath(felt("Møtedato") + "//*[@role='alert']")));
    assertThat(avvisning.getText()).isEqualTo(UGYLDIG);
    assertThat(dato().getDomProperty("value")).isEmpty();
    assertThat(dato().getDomAttribute("aria-invalid")).isEqualTo("true");
    // So is a date that does not exist or is not written dd.mm.åååå.
    for (String galt : List.of("10.13.2026", "1012")) {
      dato().sendKeys(Keys.chord(Keys.CONTROL, "a"), galt, Keys.TAB);
      nettleser.vent().until(ExpectedConditions.stalenessOf(avvisning)); // typing took the old message away
      avvisning = nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath(felt("Møtedato") + "//*[@role='alert']")));
      assertThat(avvisning.getText()).as(galt).isEqualTo(UGYLDIG);
      assertThat(dato().getDomProperty("value")).as(galt).isEmpty();
    }

    // The form holds no date now: its required check speaks and Tasklist disables Fullfør.
    nettleser.vent().until(ExpectedConditions.textToBePresentInElementLocated(
        By.xpath(felt("Møtedato") + "//*[contains(@class,'fjs-form-field-error')][not(@role)]"),
        "Feltet må fylles ut."));
    nettleser.vent().withMessage("Fullfør er av").until(d -> !d.findElement(FULLFOR).isEnabled());
    assertThat(engine.getTaskService().createTaskQuery().taskId(oppgave.getId()).count())
        .as("oppgaven er ikke fullført").isEqualTo(1);

    // 10.12.2026 is 10 December: the calendar jumps there and the task completes with that date.
    rett("10.12.2026");
    assertThat(nettleser.driver().findElements(By.xpath(felt("Møtedato") + "//*[@role='alert']"))).isEmpty();
    klikk(dato());
    kalender = nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".flatpickr-calendar.open")));
    assertThat(kalender.findElement(By.cssSelector(".flatpickr-monthDropdown-months")).getDomProperty("value"))
        .isEqualTo("11");
    assertThat(kalender.findElement(By.cssSelector(".flatpickr-day.selected")).getDomAttribute("aria-label"))
        .isEqualTo("10. Desember 2026");
    // December 2026 begins on a Tuesday: the first row starts with Monday 30 November.
    assertThat(kalender.findElement(By.cssSelector(".flatpickr-day")).getText()).isEqualTo("30");
    dato().sendKeys(Keys.ESCAPE);
    fullfor();
    nettleser.vent().withMessage("oppgaven er fullført").until(d ->
        engine.getTaskService().createTaskQuery().taskId(oppgave.getId()).count() == 0);

    HttpResponse<String> svar = new RestKlient(port).get("/api/arbeidspakker/" + referanse, TestBrukere.STYRE_LARVIK);
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    JsonNode vedtak = RestKlient.json(svar).path("vedtak");
    assertThat(vedtak).hasSize(1);
    assertThat(vedtak.get(0).path("motedato").asText()).isEqualTo("2026-12-10");
    assertThat(vedtak.get(0).path("sakNr").asText()).isEqualTo("12/26");
  }

  @Test
  void lagretDatoVisesSomNorskDato() {
    ProcessInstance ap = tilStyrebehandling();
    engine.getRuntimeService().setVariable(ap.getId(), "styreMotedato", "2026-03-10");
    apneSkjema(ap);

    nettleser.vent().ignoring(StaleElementReferenceException.class)
        .until(d -> "10.03.2026".equals(dato().getDomProperty("value")));
  }

  /** A proposal waiting for the Larvik board, with the task claimed by the board member. */
  private ProcessInstance tilStyrebehandling() {
    ArbeidspakkeDriver driver = new ArbeidspakkeDriver(engine);
    ProcessInstance ap = driver.startForslag(TestBrukere.AP_LARVIK, Forslag.gyldig());
    driver.fullfor(ap, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, vurdering("komplett"));
    engine.getTaskService().claim(driver.oppgave(ap, "Task_Styrebehandling").getId(), TestBrukere.STYRE_LARVIK);
    return ap;
  }

  /**
   * Opens the task's form in an English browser, once the date field has been made Norwegian.
   * Chromium's language is overridden for the page, so that form-js sees en-US as it would for
   * a user with an English browser.
   */
  private Task apneSkjema(ProcessInstance ap) {
    Task oppgave = new ArbeidspakkeDriver(engine).oppgave(ap, "Task_Styrebehandling");
    ((HasCdp) nettleser.driver()).executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "en-US"));
    nettleser.loggInn(port, "tasklist", TestBrukere.STYRE_LARVIK, TestBrukere.PASSORD);
    assertThat(((JavascriptExecutor) nettleser.driver()).executeScript(
        "return new Intl.DateTimeFormat().resolvedOptions().locale;")).as("nettleserens språk").isEqualTo("en-US");
    // Within the loaded app (no second page load); the first form of a run may take a while to draw.
    ((JavascriptExecutor) nettleser.driver()).executeScript("location.hash = arguments[0];",
        "#/?task=" + oppgave.getId() + "&detailsTab=task-detail-form");
    new WebDriverWait(nettleser.driver(), Duration.ofSeconds(60))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    nettleser.vent().ignoring(StaleElementReferenceException.class)
        .until(d -> "dd.mm.åååå".equals(dato().getDomAttribute("placeholder")));
    return oppgave;
  }

  /** The form field (form-js) whose label starts with {@code etikett}, as XPath. */
  private static String felt(String etikett) {
    return "//label[starts-with(normalize-space(.), \"" + etikett
        + "\")]/ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]";
  }

  private WebElement dato() {
    return nettleser.driver().findElement(By.xpath(felt("Møtedato") + "//input"));
  }

  private void klikk(String etikett) {
    klikk(nettleser.driver().findElement(By.xpath("//label[normalize-space(.)=\"" + etikett + "\"]")));
  }

  /** Clicks in the middle of the window: Tasklist's footer would take a click at the bottom edge. */
  private void klikk(WebElement element) {
    ((JavascriptExecutor) nettleser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  private void skriv(String etikett, String tekst) {
    nettleser.driver().findElement(By.xpath(felt(etikett) + "//*[self::input or self::textarea]")).sendKeys(tekst);
  }

  /**
   * Types the date into the refused field until form-js has accepted it (its message is gone):
   * after a refused submission Tasklist may draw the form anew while the test types.
   */
  private void rett(String tekst) {
    By melding = By.xpath(felt("Møtedato") + "//*[contains(@class,'fjs-form-field-error')]");
    nettleser.vent().ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement inn = dato();
      if (!tekst.equals(inn.getDomProperty("value"))) {
        inn.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, tekst, Keys.TAB);
      }
      return d.findElements(melding).isEmpty();
    });
  }

  /** Clicks Fullfør once Tasklist has enabled it. */
  private void fullfor() {
    klikk(nettleser.vent().until(ExpectedConditions.elementToBeClickable(FULLFOR)));
  }

  private static List<String> tekster(WebElement omrade, String css) {
    return omrade.findElements(By.cssSelector(css)).stream().map(e -> e.getDomProperty("textContent").strip()).toList();
  }
}
