package no.vareunge.tilgang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.nettleser.Nettleser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signing in with the kommune's own account (OIDC), in a real browser, through the identity
 * provider's login page: a Larvik board member known to the program only by the token's claims
 * lands on the overview seeing Larvik only, opens Tasklist without a second login, and logs out
 * of both the program and the provider. An account without a role in the program is told so in
 * Norwegian and gets nothing.
 */
@VareungeTest
class KontoinnloggingNettleserTest {

  @RegisterExtension final Nettleser nettleser = new Nettleser();

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @BeforeEach
  void forbered() {
    TestBrukere.opprett(identity);
  }

  @Test
  void styremedlemILarvikLoggerInnMedKommunensKonto() {
    loggInnHosLeverandoren("kari.styre.larvik", """
        {"groups": ["entra-gruppe-styre-larvik"], "name": "Kari Nordmann", "email": "kari@larvik.test"}""");

    nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.id("nokkeltall-tittel")));
    assertThat(nettleser.driver().getCurrentUrl()).startsWith(Nettleser.adresse(port, "/"));
    String side = nettleser.driver().findElement(By.tagName("body")).getText();
    assertThat(side).contains("Larvik").doesNotContain("Horten");
    // The user is in the engine's identity with the name and e-mail of the token, in the group of the claim.
    User bruker = identity.createUserQuery().userId("kari.styre.larvik").singleResult();
    assertThat(bruker.getEmail()).isEqualTo("kari@larvik.test");
    assertThat(bruker.getFirstName() + " " + bruker.getLastName()).isEqualTo("Kari Nordmann");
    assertThat(identity.createGroupQuery().groupMember("kari.styre.larvik").list()).extracting(Group::getId)
        .containsExactly("styre-larvik");

    // One sign-in: Tasklist opens without a login of its own.
    nettleser.driver().get(Nettleser.adresse(port, "/camunda/app/tasklist/default/"));
    nettleser.vent().until(d -> d.findElements(By.cssSelector(".app-splash")).isEmpty()
        && !d.findElements(By.cssSelector(".ng-scope")).isEmpty());
    assertThat(nettleser.driver().getCurrentUrl()).contains("/camunda/app/tasklist/");
    assertThat(nettleser.driver().findElements(By.id("brukernavn"))).isEmpty();

    // Logging out ends the session here and at the provider.
    nettleser.driver().get(Nettleser.adresse(port, "/"));
    nettleser.vent().until(ExpectedConditions.elementToBeClickable(By.cssSelector("form.loggut button"))).click();
    nettleser.vent().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
        "Du er logget ut"));
    nettleser.driver().get(Nettleser.adresse(port, "/camunda/app/tasklist/default/"));
    nettleser.vent().until(ExpectedConditions.urlContains("/logginn"));
  }

  @Test
  void enKontoUtenRolleFarNorskBeskjedOgIngenTilgang() {
    loggInnHosLeverandoren("uten.rolle", """
        {"groups": ["en-gruppe-programmet-ikke-kjenner"], "name": "Ola Utenrolle"}""");

    nettleser.vent().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Du har ikke tilgang"));
    assertThat(nettleser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nb");
    assertThat(identity.createUserQuery().userId("uten.rolle").count()).isZero();
    nettleser.driver().get(Nettleser.adresse(port, "/"));
    nettleser.vent().until(ExpectedConditions.urlContains("/logginn"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void innloggingssideneErUniverseltUtformet() {
    for (Dimension vindu : List.of(new Dimension(1400, 1000), new Dimension(390, 844))) {
      nettleser.driver().manage().window().setSize(vindu);
      for (String sti : List.of("/logginn", "/logginn?utlogget", "/ingen-tilgang")) {
        nettleser.driver().get(Nettleser.adresse(port, sti));
        nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        String hvor = sti + " i " + vindu.getWidth() + " px";
        Map<String, Object> axe = nettleser.axe(Nettleser.WCAG21_AA);
        assertThat(axe.get("feil")).as(hvor).isNull();
        assertThat((List<Object>) axe.get("brudd")).as("axe-core, WCAG 2.1 AA: " + hvor).isEmpty();
        assertThat(((Number) ((JavascriptExecutor) nettleser.driver()).executeScript(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).intValue())
            .as("ingen sidelengs rulling: " + hvor).isLessThanOrEqualTo(0);
      }
    }
    nettleser.lagre("logginn-390");
  }

  /** From the program's login page to the provider's, where the user name and the token's claims are typed in. */
  private void loggInnHosLeverandoren(String bruker, String krav) {
    nettleser.driver().get(Nettleser.adresse(port, "/"));
    nettleser.vent().until(ExpectedConditions.elementToBeClickable(By.linkText("Logg inn med kommunens konto"))).click();
    nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(bruker);
    nettleser.driver().findElement(By.name("claims")).clear();
    nettleser.driver().findElement(By.name("claims")).sendKeys(krav);
    nettleser.driver().findElement(By.cssSelector("input[type=submit]")).click();
    List<String> ikke = List.of("/authorize");
    nettleser.vent().until(d -> ikke.stream().noneMatch(d.getCurrentUrl()::contains));
  }
}
