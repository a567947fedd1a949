package no.vareunge.dashbord;

import static no.vareunge.Testklokke.tidspunkt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.vareunge.Forslag;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import no.vareunge.kommune.Kommune;
import no.vareunge.kommune.KommuneRegister;
import no.vareunge.nettleser.Nettleser;
import no.vareunge.tilgang.Tilgangsoppsett;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The program overview in a real browser: the login page, the figures of a known scenario, the
 * chart drawn by Chart.js, and a local board member who sees only their kommune.
 */
@VareungeTest
class DashbordNettleserTest {

  private static final Kommune PORSGRUNN = new Kommune("porsgrunn", "Porsgrunn", "PGR");

  @RegisterExtension final Nettleser nettleser = new Nettleser();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired KommuneRegister register;
  @Autowired Tilgangsoppsett tilgang;

  @BeforeEach
  void forbered() {
    TestBrukere.opprett(identity);
  }

  @AfterEach
  void rydd() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void programlederSerTalleneOgDiagrammet() {
    Dashbordscenario s = Dashbordscenario.opprett(engine, register, tilgang, PORSGRUNN, tidspunkt(2033, 2, 7));

    loggInn(TestBrukere.PROGRAMLEDER);
    assertThat(nettleser.driver().getTitle()).isEqualTo("Våre unge – programoversikt");
    new Select(nettleser.driver().findElement(By.id("kommune")))
        .selectByVisibleText("Porsgrunn");
    nettleser.driver().findElement(By.cssSelector("form.kommunevalg button")).click();
    nettleser.vent().until(ExpectedConditions.urlContains("kommune=porsgrunn"));

    assertThat(tekst("#tall-pakker .tall")).isEqualTo("4");
    assertThat(tekst("#tall-piloter .detalj")).isEqualTo("1 med rød status");
    assertThat(tekst("#tall-forfalte .tall")).isEqualTo("2");
    assertThat(tekst("#tall-budsjett .tall")).isEqualTo("40 000 kr");
    assertThat(nettleser.driver().findElements(By.cssSelector("#pakkeliste tbody tr")))
        .extracting(r -> r.getAttribute("data-referanse"))
        .containsExactlyInAnyOrder(s.tilVurdering(), s.styresak(), s.pilot(), s.avvist());

    // The chart holds the same figures as the table, and has been drawn on its canvas.
    Map<String, Object> diagram = diagram("fasediagram");
    assertThat(diagram.get("kommuner")).isEqualTo(List.of("Porsgrunn"));
    assertThat(diagram.get("serier")).isEqualTo(Map.of("Vurdering", List.of(1L), "Beslutning", List.of(1L),
        "Pilotering", List.of(1L), "Avvist", List.of(1L)));
    assertThat(tegnedePunkter("fasediagram")).as("fargede punkter på lerretet").isGreaterThan(500);
    assertThat(diagram("okonomidiagram").get("serier"))
        .isEqualTo(Map.of("Bevilget", List.of(40_000L), "Forbrukt", List.of(15_000L)));

    nettleser.driver().findElement(By.cssSelector("#faser-tittel ~ details summary")).click();
    WebElement rad = nettleser.driver().findElement(By.cssSelector("#fasetabell tr[data-kommune=porsgrunn]"));
    assertThat(rad.getText()).isEqualTo("Porsgrunn 1 1 1 1 4");
  }

  @Test
  void styremedlemILarvikSerBareLarvik() {
    String merke = UUID.randomUUID().toString().substring(0, 8);
    ArbeidspakkeDriver driver = new ArbeidspakkeDriver(engine);
    Map<String, Object> larvik = Forslag.gyldig();
    larvik.put("tittel", "Nettleser " + merke + " i Larvik");
    String larviks = Dashbordscenario.referanse(engine, driver.startForslag(TestBrukere.AP_LARVIK, larvik));
    Map<String, Object> horten = Forslag.gyldig();
    horten.put("kommune", "horten");
    horten.put("tittel", "Nettleser " + merke + " i Horten");
    String hortens = Dashbordscenario.referanse(engine, driver.startForslag(TestBrukere.AP_HORTEN, horten));

    loggInn(TestBrukere.STYRE_LARVIK);
    assertThat(nettleser.driver().findElements(By.id("kommune"))).as("ingen kommunevalg").isEmpty();
    nettleser.driver().findElement(By.id("tekst")).sendKeys(merke);
    nettleser.driver().findElement(By.cssSelector("form.sok button")).click();
    nettleser.vent().until(ExpectedConditions.urlContains("tekst=" + merke));

    assertThat(nettleser.driver().findElements(By.cssSelector("#pakkeliste tbody tr")))
        .extracting(r -> r.getAttribute("data-referanse")).containsExactly(larviks);
    assertThat(nettleser.driver().findElement(By.tagName("body")).getText()).doesNotContain(hortens, "Horten");
    assertThat(diagram("fasediagram").get("kommuner")).isEqualTo(List.of("Larvik"));
  }

  /** Logs in on the overview's own login page. */
  private void loggInn(String bruker) {
    nettleser.driver().get(Nettleser.adresse(port, "/"));
    nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.id("brukernavn"))).sendKeys(bruker);
    nettleser.driver().findElement(By.id("passord")).sendKeys(TestBrukere.PASSORD);
    nettleser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
    nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.id("nokkeltall-tittel")));
  }

  private String tekst(String css) {
    return nettleser.driver().findElement(By.cssSelector(css)).getText().replace('\u00a0', ' ');
  }

  /** The labels and, per series, the values of the Chart.js chart on the canvas, once it exists. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> diagram(String lerret) {
    WebElement c = nettleser.driver().findElement(By.id(lerret));
    nettleser.vent().until(d -> (Boolean) js("return !!Chart.getChart(arguments[0]);", c));
    return (Map<String, Object>) js("""
        const data = Chart.getChart(arguments[0]).data;
        const serier = {};
        data.datasets.forEach(s => serier[s.label] = s.data);
        return {kommuner: data.labels, serier: serier};""", c);
  }

  /** How many pixels of the canvas are painted (not transparent). */
  private long tegnedePunkter(String lerret) {
    return (Long) js("""
        const c = arguments[0];
        const punkter = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < punkter.length; i += 4) { if (punkter[i] > 0) { n++; } }
        return n;""", nettleser.driver().findElement(By.id(lerret)));
  }

  private Object js(String skript, Object... argumenter) {
    return ((JavascriptExecutor) nettleser.driver()).executeScript(skript, argumenter);
  }
}
