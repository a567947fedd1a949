package no.vareunge.dashbord;

import static no.vareunge.Testklokke.pluss;
import static no.vareunge.Testklokke.settKlokke;
import static no.vareunge.Testklokke.tidspunkt;
import static no.vareunge.arbeidspakke.Skjemasvar.fremdriftsrapport;
import static no.vareunge.arbeidspakke.Skjemasvar.lederBeslutning;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The program overview in a real browser: the login page, the figures of a known scenario, the
 * chart drawn by Chart.js, a local board member who sees only their kommune, and the page's
 * accessibility (WCAG 2.1 A and AA with axe-core) on a PC screen and on a phone.
 */
@VareungeTest
class DashbordNettleserTest {

  private static final Kommune PORSGRUNN = new Kommune("porsgrunn", "Porsgrunn", "PGR");
  private static final Kommune SILJAN = new Kommune("siljan", "Siljan", "SIL");
  private static final Dimension PC = new Dimension(1280, 900);
  private static final Dimension MOBIL = new Dimension(390, 844);

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

  @Test
  void oversiktenErUniverseltUtformetPaPcOgMobil() {
    Date start = tidspunkt(2034, 3, 6);
    Dashbordscenario s = Dashbordscenario.opprett(engine, register, tilgang, SILJAN, start);
    // Every status badge on the page: a red pilot from the scenario, a yellow and a green one.
    pilot(s, "gul", start);
    pilot(s, "gronn", start);

    // The whole program, with every panel filled (pilots, overdue tasks, decisions).
    loggInn(TestBrukere.PROGRAMLEDER);
    erUniverseltUtformet("dashbord-programleder");

    nettleser.driver().findElement(By.cssSelector("form.loggut button")).click();
    nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.id("brukernavn")));
    // One kommune's leader: no choice of kommune, links to their own tasks.
    loggInn(s.leder());
    assertThat(tekst("p.kommunevalg")).contains("Siljan");
    erUniverseltUtformet("dashbord-kommune");
  }

  /** A minor measure approved by the leader, in PILOTERING, its first report with the status. */
  private void pilot(Dashbordscenario s, String status, Date start) {
    ArbeidspakkeDriver driver = new ArbeidspakkeDriver(engine);
    settKlokke(start);
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("kommune", s.kommune());
    forslag.put("tittel", "Dashbord: pilot med status " + status + " i " + s.kommunenavn());
    forslag.put("budsjett", 20_000);
    forslag.put("pilotvarighetMnd", 6);
    ProcessInstance pilot = driver.startForslag(s.arbeidspakkeleder(), forslag);
    driver.fullfor(pilot, "Task_VurderForslag", s.leder(), vurdering("komplett"));
    driver.fullfor(pilot, "Task_BesluttMindreTiltak", s.leder(), lederBeslutning("godkjent"));
    settKlokke(pluss(start, "P43D"));
    driver.utforJobb(pilot, "StartEvent_Rapportsyklus");
    driver.fullfor(pilot, "Task_Fremdriftsrapport", s.arbeidspakkeleder(), fremdriftsrapport(status, 5_000, false));
  }

  /**
   * At 1280 and at 390 px: no finding of axe-core for WCAG 2.1 A and AA (the phase table shown
   * too), a visible focus ring on every Tab stop, and on the phone no sideways scrolling of the
   * page (tables scroll within their own frame).
   */
  private void erUniverseltUtformet(String navn) {
    for (Dimension vindu : List.of(PC, MOBIL)) {
      String hvor = navn + "-" + vindu.getWidth();
      nettleser.driver().manage().window().setSize(vindu);
      nettleser.vent().withMessage("vinduet er " + vindu.getWidth() + " px bredt")
          .until(d -> ((Number) js("return window.innerWidth;")).intValue() == vindu.getWidth());
      // Loaded anew at this width, as a phone would.
      nettleser.driver().navigate().refresh();
      nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.id("nokkeltall-tittel")));
      diagram("fasediagram");
      diagram("okonomidiagram");
      assertThat(nettleser.driver().findElements(By.cssSelector("#piloter table tbody tr"))).as(hvor).isNotEmpty();
      assertThat(nettleser.driver().findElements(By.cssSelector("#forfalte table tbody tr"))).as(hvor).isNotEmpty();
      assertThat(nettleser.driver().findElements(By.cssSelector("#pakkeliste .merke")))
          .extracting(WebElement::getText).as(hvor).contains("Rød", "Gul", "Grønn");

      // The phase table shown, without a click: the first Tab then starts at the top of the page.
      js("document.querySelector('#faser-tittel ~ details').open = true;");
      nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.id("fasetabell")));
      nettleser.lagre(hvor);
      nettleser.lagreHele(hvor + "-hele");
      nettleser.ingenBrudd(hvor);
      fokusErSynligOverAlt(hvor);

      if (vindu.equals(MOBIL)) {
        assertThat(((Number) js("return document.documentElement.scrollWidth;")).intValue())
            .as("sidens bredde i %s px (ingen sidelengs rulling)", vindu.getWidth())
            .isLessThanOrEqualTo(vindu.getWidth());
        assertThat(((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
            .intValue()).as("ingen sidelengs rulling: " + hvor).isLessThanOrEqualTo(0);
      }
    }
  }

  /** The focused element, how its focus ring is drawn, and the colour behind the ring; null outside the page. */
  private static final String FOKUS = """
      const e = document.activeElement;
      if (!e || e === document.body || e === document.documentElement) { return null; }
      const s = getComputedStyle(e), r = e.getBoundingClientRect();
      // Behind the ring: the first element with a background at a point on its left side, other than e.
      const x = Math.max(0, r.left - parseFloat(s.outlineOffset || 0) - parseFloat(s.outlineWidth || 0) / 2);
      let bak = 'rgb(255, 255, 255)';
      for (const el of document.elementsFromPoint(x, r.top + r.height / 2)) {
        if (el === e || e.contains(el)) { continue; }
        const b = getComputedStyle(el).backgroundColor;
        if (b && b !== 'transparent' && !/^rgba\\(.*,\\s*0\\)$/.test(b)) { bak = b; break; }
      }
      const klasse = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '';
      return {
        hva: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + klasse + ' «'
          + (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '»',
        nr: Array.prototype.indexOf.call(document.getElementsByTagName('*'), e),
        synlig: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.width > 1,
        stil: s.outlineStyle, bredde: parseFloat(s.outlineWidth), farge: s.outlineColor, bak: bak};""";

  /**
   * Tab through the whole page: the first stop is «Gå til innholdet», shown in the window, and
   * every stop has a solid focus ring of 2 px or more, at least 3:1 against what lies behind it.
   */
  @SuppressWarnings("unchecked")
  private void fokusErSynligOverAlt(String hvor) {
    List<String> svake = new ArrayList<>();
    Set<Long> sett = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      new Actions(nettleser.driver()).sendKeys(Keys.TAB).perform();
      Map<String, Object> f = (Map<String, Object>) js(FOKUS);
      if (f == null || !sett.add((Long) f.get("nr"))) {
        break;
      }
      if (i == 0) {
        assertThat((String) f.get("hva")).as("første Tab: " + hvor).startsWith("a.hopp «Gå til innholdet»");
        assertThat(f.get("synlig")).as("«Gå til innholdet» synlig: " + hvor).isEqualTo(true);
        nettleser.lagre(hvor + "-fokus");
      }
      double bredde = ((Number) f.get("bredde")).doubleValue();
      double kontrast = kontrast((String) f.get("farge"), (String) f.get("bak"));
      if (!"solid".equals(f.get("stil")) || bredde < 2 || kontrast < 3) {
        svake.add(String.format(Locale.ROOT, "%s: %s %.1f px %s mot %s, %.2f:1", f.get("hva"), f.get("stil"), bredde,
            f.get("farge"), f.get("bak"), kontrast));
      }
    }
    assertThat(sett).as("fokusstopp på siden: " + hvor).hasSizeGreaterThan(10);
    assertThat(svake).as("fokusringer under 2 px eller 3:1: " + hvor).isEmpty();
  }

  /** The contrast of two CSS colours {@code rgb(r, g, b)}, as WCAG computes it. */
  private static double kontrast(String en, String to) {
    double a = luminans(en);
    double b = luminans(to);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  private static double luminans(String farge) {
    Matcher tall = Pattern.compile("\\d+(\\.\\d+)?").matcher(farge);
    double[] kanal = new double[3];
    for (int i = 0; i < 3 && tall.find(); i++) {
      double v = Double.parseDouble(tall.group()) / 255;
      kanal[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * kanal[0] + 0.7152 * kanal[1] + 0.0722 * kanal[2];
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
