package no.vareunge.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.nettleser.Nettleser;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Camunda web apps in a real browser are in Norwegian bokmål: Norwegian headings, page
 * language {@code nb} (WCAG 3.1.1, checked with axe-core), and no "migrate to Camunda 8" banner.
 */
@VareungeTest
class WebappSprakNettleserTest {

  /** The rules of axe-core for the language of the page (WCAG 3.1.1). */
  private static final List<String> SPRAKREGLER = List.of("html-has-lang", "html-lang-valid", "valid-lang");

  @RegisterExtension final Nettleser nettleser = new Nettleser();

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @BeforeEach
  void forbered() {
    TestBrukere.opprett(identity);
  }

  @Test
  void cockpitErPaNorskForProgramleder() {
    innloggingssidenErPaNorsk("cockpit");
    nettleser.loggInn(port, "cockpit", TestBrukere.PROGRAMLEDER, TestBrukere.PASSORD);

    venterPaOverskrifter("Akkurat nå", "Rullet ut");
    assertThat(tekst()).contains("Prosessinstanser som kjører", "Åpne hendelser", "Prosesser", "Beslutninger");
    erPaNorskUtenBanner();
    nettleser.lagre("cockpit-programleder");
  }

  @Test
  void adminErPaNorskForAdministratoren() {
    innloggingssidenErPaNorsk("admin");
    nettleser.loggInn(port, "admin", TestBrukere.ADMIN, TestBrukere.PASSORD);

    venterPaOverskrifter("Brukere", "Grupper", "Kommuner", "Tilganger");
    assertThat(tekst()).contains("Opprett ny bruker", "Liste over kommuner", "Administrer tilganger");
    erPaNorskUtenBanner();
    nettleser.lagre("admin-administrator");
  }

  @Test
  void tasklistOgWelcomeHarSprakNb() {
    nettleser.loggInn(port, "tasklist", TestBrukere.PROGRAMLEDER, TestBrukere.PASSORD);
    nettleser.vent().withMessage("Tasklist på norsk").until(d -> tekst().contains("Start prosess"));
    erPaNorskUtenBanner();

    nettleser.driver().get(Nettleser.adresse(port, "/camunda/app/welcome/default/"));
    venterPaOverskrifter("Applikasjoner", "Profil");
    erPaNorskUtenBanner();
  }

  /** The login page, before anyone is logged in, already speaks bokmål. */
  private void innloggingssidenErPaNorsk(String app) {
    nettleser.driver().get(Nettleser.adresse(port, "/camunda/app/" + app + "/default/"));
    // The web apps have no login of their own: the program's Norwegian login page takes it.
    nettleser.vent().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("form button[type='submit']"), "Logg inn"));
    assertThat(nettleser.driver().getCurrentUrl()).endsWith("/logginn");
    erPaNorskUtenBanner();
  }

  /** Page language nb without any finding of axe-core, and Camunda's end-of-life banner hidden. */
  @SuppressWarnings("unchecked")
  private void erPaNorskUtenBanner() {
    nettleser.vent().withMessage("sidens språk (lang på <html>) skal være nb")
        .until(d -> "nb".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.lang;")));
    assertThat(nettleser.driver().findElements(By.cssSelector(".ce-eol-banner")))
        .as("banneret om Camunda 8").noneMatch(WebElement::isDisplayed);
    assertThat(tekst()).doesNotContain("Camunda 8");

    Map<String, Object> resultat = nettleser.axe(Map.of("type", "rule", "values", SPRAKREGLER));
    assertThat(resultat.get("feil")).as("axe-core kjørte").isNull();
    assertThat((List<Object>) resultat.get("brudd")).as("brudd på %s", SPRAKREGLER).isEmpty();
    assertThat((List<Object>) resultat.get("bestatt")).as("sjekket av axe-core").contains("html-has-lang", "html-lang-valid");
  }

  private void venterPaOverskrifter(String... overskrifter) {
    nettleser.vent().withMessage("overskriftene " + List.of(overskrifter))
        .until(d -> d.findElements(By.cssSelector("h1, h2, h3")).stream()
        .map(WebElement::getText).map(String::strip).toList().containsAll(List.of(overskrifter)));
  }

  private String tekst() {
    return nettleser.driver().findElement(By.tagName("body")).getText();
  }
}
