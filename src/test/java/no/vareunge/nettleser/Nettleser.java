package no.vareunge.nettleser;

import java.util.Map;
import java.util.List;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
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

  /**
   * Runs axe-core (axe.min.js from the test dependency com.deque.html.axe-core:selenium) on the
   * page, limited by {@code runOnly} (e.g. rules or WCAG tags): the rules broken, each with its
   * elements ({@code brudd}), the rules passed ({@code bestatt}), or what went wrong ({@code feil}).
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> axe(Map<String, Object> runOnly) {
    JavascriptExecutor js = (JavascriptExecutor) driver();
    js.executeScript(axeSkript());
    driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return (Map<String, Object>) js.executeAsyncScript("""
        const ferdig = arguments[arguments.length - 1];
        axe.run(document, {runOnly: arguments[0]})
          .then(r => ferdig({
            brudd: r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.html).join(' | ')),
            bestatt: r.passes.map(p => p.id)}))
          .catch(e => ferdig({feil: String(e)}));""", runOnly);
  }

  /** WCAG 2.1 A and AA, as axe-core tags them. */
  public static final Map<String, Object> WCAG21_AA =
      Map.of("type", "tag", "values", List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"));

  private static String axeSkript() {
    try (InputStream inn = Nettleser.class.getResourceAsStream("/axe.min.js")) {
      if (inn == null) {
        throw new AssertionError("axe.min.js mangler på klassestien (test-avhengigheten com.deque.html.axe-core:selenium)");
      }
      return new String(inn.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
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
