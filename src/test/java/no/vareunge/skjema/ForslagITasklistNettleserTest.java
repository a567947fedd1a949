package no.vareunge.skjema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.nettleser.Nettleser;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An arbeidspakke-leder submits a proposal in Tasklist with the Camunda Form, in the browser:
 * a required field left empty is stopped by the form with a Norwegian message, and the completed
 * form starts the package, which the program overview then lists (with the same login).
 */
@VareungeTest
class ForslagITasklistNettleserTest {

  @RegisterExtension final Nettleser nettleser = new Nettleser();

  @LocalServerPort private int port;
  @Autowired private IdentityService identity;
  @Autowired private HistoryService historikk;

  @BeforeEach
  void brukere() {
    TestBrukere.opprett(identity);
  }

  @Test
  void pakrevdFeltGirNorskMeldingOgUtfyltSkjemaStarterArbeidspakken() {
    String tittel = "Praksisplasser i Larvik " + UUID.randomUUID().toString().substring(0, 8);
    nettleser.loggInn(port, "tasklist", TestBrukere.AP_LARVIK, TestBrukere.PASSORD);
    nettleser.vent().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a")))
        .click();
    nettleser.vent().until(ExpectedConditions.elementToBeClickable(By.linkText("Arbeidspakke"))).click();
    nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));

    skriv("Tittel på arbeidspakken", tittel);
    velg("Kommune", "Larvik");
    skriv("Utfordringen i kommunen i dag", "For mange unge står uten praksisplass.");
    skriv("Hvorfor er dette radikal tjenesteinnovasjon?", "Kommunen tar ansvar som arbeidsgiver.");
    skriv("Målparameter 1", "Antall praksisplasser");
    skriv("Utgangsverdi (i dag) 1", "10");
    skriv("Målverdi 1", "30");
    skriv("Budsjett (NOK)", "30000");
    skriv("Pilotens varighet (måneder)", "6");
    start();

    // «Hva skal prøves ut?» is required and empty: the form stops the submission, in Norwegian.
    WebElement feil = nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath(felt("Hva skal prøves ut?") + "//*[contains(@class,'fjs-form-field-error')]")));
    nettleser.vent().until(ExpectedConditions.textToBePresentInElement(feil, "Feltet må fylles ut."));
    assertThat(nettleser.driver().findElement(By.cssSelector(".fjs-container")).getText())
        .doesNotContain("Field is required").doesNotContain("Field must");
    assertThat(startet(tittel)).as("ingenting er startet").isEmpty();

    rett("Hva skal prøves ut?", "Faste praksisplasser med veileder i kommunale virksomheter.");
    start();

    nettleser.vent().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-container")));
    nettleser.vent().until(driver -> !startet(tittel).isEmpty());
    HistoricProcessInstance pakke = startet(tittel).get(0);
    assertThat(pakke.getStartUserId()).isEqualTo(TestBrukere.AP_LARVIK);
    assertThat(pakke.getTenantId()).isEqualTo("larvik");
    assertThat(pakke.getBusinessKey()).matches("AP-" + Year.now() + "-LAR-\\d{3}");

    // The package is on the program overview at once, with the same login as Tasklist.
    nettleser.driver().get(Nettleser.adresse(port, "/"));
    nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.id("tekst"))).sendKeys(tittel);
    nettleser.driver().findElement(By.cssSelector("form.sok button")).click();
    WebElement rad = nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#pakkeliste tr[data-referanse='" + pakke.getBusinessKey() + "']")));
    assertThat(rad.getText().replace('\u00a0', ' ')).contains(tittel, "Larvik", "Vurdering", "30 000 kr");
  }

  /** The process instances with this title. */
  private List<HistoricProcessInstance> startet(String tittel) {
    List<String> instanser = historikk.createHistoricVariableInstanceQuery().variableName("tittel")
        .variableValueEquals("tittel", tittel).list().stream().map(HistoricVariableInstance::getProcessInstanceId)
        .toList();
    return instanser.isEmpty() ? List.of()
        : historikk.createHistoricProcessInstanceQuery().processInstanceIds(new HashSet<>(instanser)).list();
  }

  /** The form field (form-js) whose label starts with {@code etikett}, as XPath: the label's own field. */
  private static String felt(String etikett) {
    return "//label[starts-with(normalize-space(.), \"" + etikett
        + "\")]/ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]";
  }

  private void skriv(String etikett, String tekst) {
    WebElement inn = nettleser.driver().findElement(By.xpath(felt(etikett) + "//*[self::input or self::textarea]"));
    inn.clear();
    inn.sendKeys(tekst);
  }

  /**
   * Fills in a field that the form has marked as wrong, until form-js has accepted it (its message
   * is gone). After a refused submission Tasklist may draw the form anew while the test types, so
   * the text is typed again whenever the field on the page does not hold it.
   */
  private void rett(String etikett, String tekst) {
    By felt = By.xpath(felt(etikett) + "//*[self::input or self::textarea]");
    By melding = By.xpath(felt(etikett) + "//*[contains(@class,'fjs-form-field-error')]");
    nettleser.vent().ignoring(StaleElementReferenceException.class).until(driver -> {
      WebElement inn = driver.findElement(felt);
      if (!tekst.equals(inn.getDomProperty("value"))) {
        inn.clear();
        inn.sendKeys(tekst);
      }
      return driver.findElements(melding).isEmpty();
    });
  }

  private void velg(String etikett, String valg) {
    nettleser.driver().findElement(By.xpath(felt(etikett) + "//*[contains(@class,'fjs-select-display')]")).click();
    nettleser.vent().until(ExpectedConditions.elementToBeClickable(By.xpath(
        felt(etikett) + "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + valg + "']"))).click();
  }

  /** Clicks Start once Tasklist has enabled it (it is disabled while the form is busy or invalid). */
  private void start() {
    nettleser.vent().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Start']"))).click();
  }
}
