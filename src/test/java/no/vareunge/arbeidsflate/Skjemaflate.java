package no.vareunge.arbeidsflate;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import no.vareunge.nettleser.Nettleser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The form on a work page (form-js in {@code #skjema}), used as a person would: typing in fields,
 * clicking labels, «Legg til» and the send button. Fields are found by form-js's DOM ids
 * ({@code fjs-form-<form>-<field id>}, {@code _<row>} per dynamic list, see docs/utvikling.md),
 * so a changed label does not break the test but a changed field id does.
 */
final class Skjemaflate {

  /** The first form of a run may take a while: the bundle is large and the machine may be busy. */
  private static final Duration FORSTE_GANG = Duration.ofSeconds(60);

  private final Nettleser nettleser;

  Skjemaflate(Nettleser nettleser) {
    this.nettleser = nettleser;
  }

  private WebDriver d() {
    return nettleser.driver();
  }

  /** Waits until the form is drawn: its send button and the field given. */
  void klar(String feltId) {
    new WebDriverWait(d(), FORSTE_GANG).withMessage("skjemaet er tegnet")
        .until(ExpectedConditions.visibilityOfElementLocated(velger(feltId)));
    nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(SENDEKNAPP));
  }

  static final By SENDEKNAPP = By.cssSelector("#skjema .sendeknapp");
  static final By FEILOPPSUMMERING = By.cssSelector("#skjemafeil .feiloppsummering");
  static final By UTKASTVARSEL = By.cssSelector("#skjemautkast .utkastvarsel");

  /** The element whose id ends with {@code -<feltId>[_<rad>…]}, e.g. {@code Field_malparametere_navn} in row 3. */
  static By velger(String feltId, int... rader) {
    return By.cssSelector("[id$='-" + feltId + suffiks(rader) + "']");
  }

  private static String suffiks(int... rader) {
    return Arrays.stream(rader).mapToObj(r -> "_" + r).collect(Collectors.joining());
  }

  WebElement felt(String feltId, int... rader) {
    return d().findElement(velger(feltId, rader));
  }

  /** What the input holds now. */
  String verdi(String feltId, int... rader) {
    return felt(feltId, rader).getDomProperty("value");
  }

  /** Clicks into the field and types, key by key. */
  void skriv(String feltId, String tekst, int... rader) {
    WebElement inn = nettleser.vent().until(ExpectedConditions.elementToBeClickable(velger(feltId, rader)));
    midt(inn);
    inn.click();
    inn.sendKeys(tekst);
  }

  /** Clicks the label of a radio button or check box: {@code Field_styrevedtak-0} is the first choice. */
  void velg(String valgId) {
    WebElement etikett = d().findElement(By.cssSelector("label[for$='-" + valgId + "']"));
    midt(etikett);
    etikett.click();
    nettleser.vent().until(x -> "true".equals(felt(valgId).getDomProperty("checked")));
  }

  /** How many rows the dynamic list has, counted by a field of the row. */
  int rader(String radfeltId) {
    return d().findElements(By.cssSelector("[id*='-" + radfeltId + "_']")).stream()
        .filter(e -> e.getDomAttribute("id").matches(".*-" + radfeltId + "_\\d+")).toList().size();
  }

  /** Clicks «Legg til» under the dynamic list and waits for the new row. */
  void leggTil(String radfeltId) {
    int for_ = rader(radfeltId);
    WebElement knapp = d().findElement(By.xpath("//button[contains(@class,'fjs-repeat-render-add')]"));
    midt(knapp);
    knapp.click();
    nettleser.vent().withMessage("rad " + (for_ + 1) + " er lagt til")
        .until(x -> rader(radfeltId) == for_ + 1);
  }

  /** Clicks the send button (its text is the page's data-knapp). */
  void send(String knapptekst) {
    WebElement knapp = nettleser.vent().until(ExpectedConditions.elementToBeClickable(SENDEKNAPP));
    if (!knapptekst.equals(knapp.getText())) {
      throw new AssertionError("sendeknappen heter «" + knapp.getText() + "», ikke «" + knapptekst + "»");
    }
    midt(knapp);
    knapp.click();
  }

  /** The error summary, once shown, with its lines. */
  WebElement feiloppsummering() {
    return nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(FEILOPPSUMMERING));
  }

  List<String> feillinjer() {
    return nettleser.vent().ignoring(StaleElementReferenceException.class).until(x ->
        feiloppsummering().findElements(By.tagName("li")).stream().map(WebElement::getText).toList());
  }

  /** Whether the focus is on the first element matching {@code css}. */
  boolean harFokus(String css) {
    return Boolean.TRUE.equals(((JavascriptExecutor) d()).executeScript(
        "const e = document.querySelector(arguments[0]); return !!e && document.activeElement === e;", css));
  }

  /** The id of the focused element. */
  String fokusId() {
    return (String) ((JavascriptExecutor) d()).executeScript(
        "return document.activeElement ? document.activeElement.id : null;");
  }

  /** Scrolls the element to the middle of the window, clear of the page's edges. */
  private void midt(WebElement element) {
    ((JavascriptExecutor) d()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }
}
