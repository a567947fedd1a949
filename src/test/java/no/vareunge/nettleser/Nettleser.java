package no.vareunge.nettleser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests ({@code *NettleserTest}, run by surefire with
 * {@code @VareungeTest}). Register it per test and log in at the test's random port:
 *
 * <pre>{@code
 * @VareungeTest
 * class EksempelNettleserTest {
 *   @RegisterExtension final Nettleser nettleser = new Nettleser();
 *   @LocalServerPort int port;
 *
 *   @Test
 *   void viserOppgavelisten() {
 *     nettleser.loggInn(port, "tasklist", TestBrukere.AP_LARVIK, TestBrukere.PASSORD);
 *     nettleser.vent().until(ExpectedConditions.titleContains("Tasklist"));
 *   }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh browser (own user-data-dir, so no cookies or storage carry over),
 * closed after the test. When a test fails, a screenshot and the page source are saved as
 * {@code target/nettleser/<Klasse>.<test>.png|.html}.
 *
 * <p>Accessibility: {@code nettleser.ingenBrudd("navn")} runs axe-core (the npm package's
 * {@code axe.min.js}, which the build copies to the test class path as {@code /axe/axe.min.js}) on
 * the page for WCAG 2.1 A and AA, saves its whole result as {@code target/axe/<navn>.json} and
 * fails with each rule broken and its elements; {@link #axe(String, Map)} runs other tags or
 * rules and leaves the asserting to the test.
 *
 * <p>Uses Debian's {@code chromium} and {@code chromium-driver} ({@value #CHROMIUM} and {@value
 * #CHROMEDRIVER}, or system properties {@code nettleser.chromium} and {@code
 * nettleser.chromedriver}, or the environment variables {@code CHROMIUM} and {@code
 * CHROMEDRIVER}); Selenium Manager is never asked to download anything. When they are missing,
 * the test is aborted (skipped) with a hint how to install them, so {@code ./mvnw verify} stays
 * green on a laptop without Chromium; on CI (environment variable {@code CI} set) it fails instead.
 */
public final class Nettleser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Duration VENTETID = Duration.ofSeconds(20);
  private static final Path MAPPE = Path.of("target", "nettleser");
  private static final Path AXEMAPPE = Path.of("target", "axe");
  private static final String AXE = "/axe/axe.min.js";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile String axeskript;

  private ExtensionContext kontekst;
  private int axekjoringer;

  private WebDriver driver;
  private Path brukerdata;

  /** The browser of the running test. */
  public WebDriver driver() {
    if (driver == null) {
      throw new IllegalStateException("Nettleseren startes før hver test; bruk @RegisterExtension på et felt.");
    }
    return driver;
  }

  /** Waits up to 20 seconds, e.g. {@code vent().until(ExpectedConditions.visibilityOfElementLocated(...))}. */
  public WebDriverWait vent() {
    return new WebDriverWait(driver(), VENTETID);
  }

  /** {@code http://localhost:<port><sti>}, e.g. {@code adresse(port, "/camunda/app/cockpit/default/")}. */
  public static String adresse(int port, String sti) {
    return "http://localhost:" + port + sti;
  }

  /**
   * Opens a Camunda web app ({@code tasklist}, {@code cockpit}, {@code admin} or {@code welcome}),
   * signs in on the program's login page it is sent to, and returns when the app has loaded.
   */
  public void loggInn(int port, String app, String bruker, String passord) {
    driver().get(adresse(port, "/camunda/app/" + app + "/default/"));
    loggInnPaSiden(bruker, passord);
    vent().until(ExpectedConditions.urlContains("/camunda/app/" + app + "/"));
    // Loaded: Angular has started (the page language is set by the app's own script) and the splash is gone.
    vent().withMessage(app + " har lastet").until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "return document.documentElement.lang === 'nb' && !!document.querySelector('.ng-scope')"
            + " && !document.querySelector('.app-splash');")));
  }

  /** Fills in and submits the program's login page, which the browser shows now. */
  public void loggInnPaSiden(String bruker, String passord) {
    vent().until(ExpectedConditions.visibilityOfElementLocated(By.id("brukernavn"))).sendKeys(bruker);
    driver().findElement(By.id("passord")).sendKeys(passord);
    driver().findElement(By.cssSelector("form button[type='submit']")).click();
    vent().until(ExpectedConditions.invisibilityOfElementLocated(By.id("brukernavn")));
  }

  /** WCAG 2.1 A and AA, as axe-core tags them. */
  public static final Map<String, Object> WCAG21_AA =
      Map.of("type", "tag", "values", List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"));

  /**
   * Runs axe-core on the page, limited by {@code runOnly} (WCAG tags such as {@link #WCAG21_AA},
   * or {@code Map.of("type", "rule", "values", List.of(...))}), and saves the whole result as
   * {@code target/axe/<navn>.json}.
   */
  public Axeresultat axe(String navn, Map<String, Object> runOnly) {
    String json = kjorAxe(runOnly);
    try {
      JsonNode resultat = JSON.readTree(json);
      Files.createDirectories(AXEMAPPE);
      Path rapport = AXEMAPPE.resolve(navn.replaceAll("[^A-Za-z0-9._-]", "-") + ".json");
      Files.writeString(rapport, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(resultat),
          StandardCharsets.UTF_8);
      List<Brudd> brudd = new ArrayList<>();
      resultat.path("violations").forEach(v -> brudd.add(Brudd.av(v)));
      List<String> bestatt = new ArrayList<>();
      resultat.path("passes").forEach(p -> bestatt.add(p.path("id").asText()));
      return new Axeresultat(List.copyOf(brudd), List.copyOf(bestatt), rapport);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that axe-core finds nothing against WCAG 2.1 A and AA on the page, and saves the
   * report as {@code target/axe/<navn>.json}. The failure lists each rule broken and its elements.
   */
  public Axeresultat ingenBrudd(String navn) {
    return ingenBrudd(navn, WCAG21_AA);
  }

  /** As {@link #ingenBrudd(String)}, with other tags or only some rules. */
  public Axeresultat ingenBrudd(String navn, Map<String, Object> runOnly) {
    Axeresultat resultat = axe(navn, runOnly);
    if (!resultat.brudd().isEmpty()) {
      throw new AssertionError("axe-core fant " + resultat.brudd().size() + " brudd på " + navn + " ("
          + driver().getCurrentUrl() + "), rapport " + resultat.rapport().toAbsolutePath() + ":\n"
          + resultat.beskrivelse());
    }
    return resultat;
  }

  /**
   * Runs axe-core as {@link #axe(String, Map)}, the report named after the test: the rules broken
   * as readable lines ({@code brudd}), the rules passed ({@code bestatt}), or what went wrong ({@code feil}).
   */
  public Map<String, Object> axe(Map<String, Object> runOnly) {
    String navn = (kontekst == null ? "axe"
        : kontekst.getRequiredTestClass().getSimpleName() + "." + kontekst.getRequiredTestMethod().getName())
        + "-" + (++axekjoringer);
    try {
      Axeresultat resultat = axe(navn, runOnly);
      return Map.of("brudd", resultat.brudd().stream().map(Brudd::toString).toList(), "bestatt", resultat.bestatt());
    } catch (AxeFeil e) {
      return Map.of("feil", e.getMessage());
    }
  }

  /** What axe-core found: the rules broken, the ids of those passed, and where the whole result is. */
  public record Axeresultat(List<Brudd> brudd, List<String> bestatt, Path rapport) {

    /** One paragraph per rule broken. */
    public String beskrivelse() {
      return brudd.stream().map(Brudd::toString).collect(Collectors.joining("\n"));
    }
  }

  /** A rule broken ({@code id}, {@code impact}, {@code help} in axe-core), with its elements' selectors. */
  public record Brudd(String regel, String alvor, String hjelp, String hjelpeadresse, List<String> elementer) {

    private static final int MAKS_ELEMENTER = 8;

    static Brudd av(JsonNode v) {
      List<String> elementer = new ArrayList<>();
      v.path("nodes").forEach(n -> {
        JsonNode mal = n.path("target");
        String velger = mal.isArray() && mal.size() > 0 && mal.get(0).isTextual() ? mal.get(0).asText() : mal.toString();
        String grunn = n.path("failureSummary").asText("").lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("Fix ")).collect(Collectors.joining("; "));
        elementer.add(velger + (grunn.isEmpty() ? "" : " – " + forkort(grunn, 220)));
      });
      return new Brudd(v.path("id").asText(), v.path("impact").asText(), v.path("help").asText(),
          v.path("helpUrl").asText(), List.copyOf(elementer));
    }

    @Override
    public String toString() {
      StringBuilder tekst = new StringBuilder(regel + " (" + alvor + "): " + hjelp + " " + hjelpeadresse);
      elementer.stream().limit(MAKS_ELEMENTER).forEach(e -> tekst.append("\n    ").append(e));
      if (elementer.size() > MAKS_ELEMENTER) {
        tekst.append("\n    … og ").append(elementer.size() - MAKS_ELEMENTER).append(" til");
      }
      return tekst.toString();
    }

    private static String forkort(String tekst, int maks) {
      return tekst.length() <= maks ? tekst : tekst.substring(0, maks) + "…";
    }
  }

  /** axe-core could not run on the page. */
  private static final class AxeFeil extends AssertionError {
    AxeFeil(String melding) {
      super(melding);
    }
  }

  /** Injects axe-core and runs it; its whole result as JSON. */
  private String kjorAxe(Map<String, Object> runOnly) {
    JavascriptExecutor js = (JavascriptExecutor) driver();
    js.executeScript(axeSkript());
    driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object svar = js.executeAsyncScript("""
        const ferdig = arguments[arguments.length - 1];
        if (typeof axe === 'undefined') { ferdig({feil: 'axe-core ble ikke lastet på siden'}); return; }
        axe.run(document, {runOnly: arguments[0]})
          .then(r => ferdig(JSON.stringify(r)))
          .catch(e => ferdig({feil: String(e)}));""", runOnly);
    if (svar instanceof String json) {
      return json;
    }
    throw new AxeFeil("axe-core feilet: " + (svar instanceof Map<?, ?> m ? m.get("feil") : svar));
  }

  /** axe.min.js of the npm package axe-core, copied onto the test class path by the build. */
  private static String axeSkript() {
    String skript = axeskript;
    if (skript == null) {
      try (InputStream inn = Nettleser.class.getResourceAsStream(AXE)) {
        if (inn == null) {
          throw new AssertionError("axe.min.js mangler – bygg med npm-steget (se docs/utvikling.md)");
        }
        skript = new String(inn.readAllBytes(), StandardCharsets.UTF_8);
        axeskript = skript;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return skript;
  }

  /** Saves a screenshot and the page source as {@code target/nettleser/<navn>.png|.html}; returns the screenshot. */
  public Path lagre(String navn) {
    try {
      Files.createDirectories(MAPPE);
      Path bilde = MAPPE.resolve(navn + ".png");
      Files.write(bilde, ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
      Files.writeString(MAPPE.resolve(navn + ".html"), driver().getPageSource(), StandardCharsets.UTF_8);
      return bilde;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Saves the whole page, also what lies below the window, as {@code target/nettleser/<navn>.png}
   * (and the page source as {@code .html}); returns the screenshot.
   */
  @SuppressWarnings("unchecked")
  public Path lagreHele(String navn) {
    if (!(driver() instanceof ChromeDriver chrome)) {
      return lagre(navn);
    }
    try {
      Files.createDirectories(MAPPE);
      Map<String, Object> mal = (Map<String, Object>) chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of())
          .get("cssContentSize");
      // As wide as the window: without the scroll bar, the page is laid out across all of it.
      double bredde = Math.max(((Number) mal.get("width")).doubleValue(),
          ((Number) chrome.executeScript("return window.innerWidth;")).doubleValue());
      Map<String, Object> bilde = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
          "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", bredde,
              "height", mal.get("height"), "scale", 1)));
      Path fil = MAPPE.resolve(navn + ".png");
      Files.write(fil, Base64.getDecoder().decode((String) bilde.get("data")));
      Files.writeString(MAPPE.resolve(navn + ".html"), driver().getPageSource(), StandardCharsets.UTF_8);
      return fil;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    kontekst = context;
    axekjoringer = 0;
    Path chromium = Path.of(innstilling("nettleser.chromium", "CHROMIUM", CHROMIUM));
    Path chromedriver = Path.of(innstilling("nettleser.chromedriver", "CHROMEDRIVER", CHROMEDRIVER));
    if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
      String melding = "Nettlesertestene trenger Chromium og ChromeDriver (" + chromium + ", " + chromedriver
          + "). Installer dem med: sudo apt-get install chromium chromium-driver";
      if (System.getenv("CI") != null) {
        throw new IllegalStateException(melding);
      }
      Assumptions.abort(melding);
    }
    brukerdata = Files.createTempDirectory("nettleser-");
    ChromeOptions valg = new ChromeOptions()
        .setBinary(chromium.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--window-size=1400,1000", "--lang=nb", "--user-data-dir=" + brukerdata);
    ChromeDriverService tjeneste = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
        .build();
    driver = new ChromeDriver(tjeneste, valg);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    Optional<Throwable> feil = context.getExecutionException();
    if (feil.isPresent() && driver != null) {
      Path bilde = lagre(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
      feil.get().addSuppressed(new AssertionError("Skjermbilde og sidekilde: " + bilde.toAbsolutePath()));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
    if (brukerdata != null) {
      try (var filer = Files.walk(brukerdata)) {
        filer.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
      brukerdata = null;
    }
  }

  private static String innstilling(String egenskap, String miljo, String standard) {
    String verdi = System.getProperty(egenskap);
    if (verdi == null || verdi.isBlank()) {
      verdi = System.getenv(miljo);
    }
    return verdi == null || verdi.isBlank() ? standard : verdi;
  }
}
