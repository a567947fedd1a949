package no.vareunge.skjema;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The proposal's Camunda Form in Tasklist, in the browser: a required field left empty is stopped
 * by the form with a Norwegian message, nothing is started, and the list of målparametere is in
 * Norwegian too. Tasklist stays for administrators; its form-js (1.8) cannot submit a dynamic list
 * after an edit, so a proposal is sent in on the program's own pages (tested with them).
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
  void pakrevdFeltGirNorskMeldingOgIngentingStartes() {
    String tittel = "Praksisplasser i Larvik " + UUID.randomUUID().toString().substring(0, 8);
    nettleser.loggInn(port, "tasklist", TestBrukere.AP_LARVIK, TestBrukere.PASSORD);
    nettleser.vent().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a")))
        .click();
    nettleser.vent().until(ExpectedConditions.elementToBeClickable(By.linkText("Arbeidspakke"))).click();
    WebElement skjema = nettleser.vent().until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));

    skriv("Tittel på arbeidspakken", tittel);
    velg("Kommune", "Larvik");
    skriv("Utfordringen i kommunen i dag", "For mange unge står uten praksisplass.");
    skriv("Hvorfor er dette radikal tjenesteinnovasjon?", "Kommunen tar ansvar som arbeidsgiver.");
    skriv("Budsjett (NOK)", "30000");
    skriv("Pilotens varighet (måneder)", "6");
    start();

    // «Hva skal prøves ut?» is required and empty: the form stops the submission, in Norwegian.
    WebElement feil = nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath(felt("Hva skal prøves ut?") + "//*[contains(@class,'fjs-form-field-error')]")));
    nettleser.vent().until(ExpectedConditions.textToBePresentInElement(feil, "Feltet må fylles ut."));
    // The list of målparametere starts with one row, and its button is in Norwegian.
    nettleser.vent().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".fjs-repeat-render-add"), "Legg til"));
    assertThat(skjema.findElements(By.xpath(".//label[starts-with(normalize-space(.), 'Utgangsverdi (i dag)')]")))
        .hasSize(1);
    assertThat(skjema.getText()).doesNotContain("Field is required").doesNotContain("Field must")
        .doesNotContain("Add new");
    assertThat(startet(tittel)).as("ingenting er startet").isEmpty();
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
