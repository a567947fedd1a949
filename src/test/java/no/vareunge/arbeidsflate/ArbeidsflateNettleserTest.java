package no.vareunge.arbeidsflate;

import static no.vareunge.arbeidspakke.Skjemasvar.fremdriftsrapport;
import static no.vareunge.arbeidspakke.Skjemasvar.styrevedtak;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.vareunge.Forslag;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import no.vareunge.nettleser.Nettleser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The work pages in a real browser: a proposal sent in with its form, a board decision with the
 * meeting date typed in, the error summary and the draft, a pilot stopped from the package page,
 * a task taken and given back; the same journey on a phone. Every page visited is checked with
 * axe-core (WCAG 2.1 A and AA) once it has its content, and saved as a screenshot. Packages are
 * put at the step needed through the Java API; the browser does what the test is about.
 */
@VareungeTest
class ArbeidsflateNettleserTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REFERANSE = Pattern.compile("AP-\\d{4}-LAR-\\d{3}");
  private static final Dimension MOBIL = new Dimension(390, 844);
  /** bpmn-js and the first form of a run are large scripts on a machine that may be busy. */
  private static final Duration LANG_VENTETID = Duration.ofSeconds(60);
  private static final String UTKAST = "start:arbeidspakke:" + TestBrukere.AP_LARVIK;

  @RegisterExtension final Nettleser nettleser = new Nettleser();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  private ArbeidspakkeDriver driver;
  private Skjemaflate skjema;
  private String merke;

  @BeforeEach
  void forbered() {
    TestBrukere.opprett(identity);
    driver = new ArbeidspakkeDriver(engine);
    skjema = new Skjemaflate(nettleser);
    merke = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void rydd() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  // 1. A proposal with seven målparametere, from the header link to the package page

  @Test
  void arbeidspakkelederSenderInnForslagMedSyvMalparametere() throws Exception {
    loggInn(TestBrukere.AP_LARVIK, "/oppgaver");
    kontroller("oppgaver-ap");
    String tittel = "Nettleserforslag " + merke;

    klikk(By.xpath("//header//nav//a[normalize-space(.)='Nytt forslag']"));
    nettleser.vent().until(ExpectedConditions.urlContains("/start/arbeidspakke"));
    skjema.klar("Field_tittel");
    assertThat(nettleser.driver().getTitle()).isEqualTo("Nytt forslag til arbeidspakke – Våre unge");
    fyllForslag(tittel, 7, true);
    assertThat(skjema.rader("Field_malparametere_navn")).isEqualTo(7);
    kontroller("start-utfylt");

    skjema.send("Send inn forslaget");
    String ref = pakkesidenEtterInnsending();
    assertThat(tekst("#melding")).isEqualTo("Forslaget er sendt inn som " + ref + ".");
    assertThat(tekst("h1")).contains(ref, tittel);
    assertThat(tekst("#fase")).isEqualTo("Vurdering");
    List<WebElement> rader = nettleser.driver().findElements(By.cssSelector("table.svartabell tbody tr"));
    assertThat(rader).as("målparameterne på pakkesiden").hasSize(7);
    assertThat(rader.get(6).getText()).contains("Mål 7", "7", "70");
    assertThat(tekst("#apne-oppgaver")).contains("Vurder forslag");
    kontroller("pakke-nytt-forslag");

    // Stored as sent: seven rows in the process, the proposal in the read model.
    ProcessInstance pakke = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .singleResult();
    JsonNode lagret = JSON.readTree(String.valueOf(engine.getRuntimeService().getVariable(pakke.getId(), "malparametere")));
    assertThat(lagret).hasSize(7);
    assertThat(lagret.get(6).path("navn").asText()).isEqualTo("Mål 7");
    assertThat(lagret.get(6).path("malverdi").asText()).isEqualTo("70");
    JsonNode api = api("/api/arbeidspakker/" + ref);
    assertThat(api.path("arbeidspakke").path("tittel").asText()).isEqualTo(tittel);
    assertThat(js("return localStorage.getItem(arguments[0]);", UTKAST))
        .as("utkastet er slettet etter innsendingen").isNull();
  }

  // 2. The board's decision, the meeting date typed as a person types it

  @Test
  void styremedlemSkriverMotedatoenOgVedtaketLagresMedDenDatoen() throws Exception {
    ProcessInstance pakke = styresak();
    String ref = referanse(pakke);
    Task oppgave = driver.oppgave(pakke, "Task_Styrebehandling");

    loggInn(TestBrukere.STYRE_LARVIK, "/oppgaver");
    WebElement rad = oppgaverad(oppgave.getId());
    assertThat(rad.getText()).contains("Styrebehandling", ref, "Ingen ennå");
    kontroller("oppgaver-styre");
    klikk(rad.findElement(By.linkText("Styrebehandling")));
    nettleser.vent().until(ExpectedConditions.urlContains("/oppgaver/" + oppgave.getId()));
    skjema.klar("Field_styreMotedato-date");
    assertThat(skjema.verdi("Field_tittel_visning")).isEqualTo(tittel(pakke));
    kontroller("oppgave-skjema");

    // Sent empty: the summary takes the focus, one line per required field.
    skjema.send("Send inn");
    WebElement oppsummering = skjema.feiloppsummering();
    nettleser.vent().withMessage("fokus på feiloppsummeringen")
        .until(d -> skjema.harFokus("#skjemafeil .feiloppsummering"));
    assertThat(oppsummering.findElement(By.tagName("h2")).getText()).isEqualTo("Skjemaet har 4 feil");
    assertThat(skjema.feillinjer()).containsExactly(
        "«Styrets vedtak»: Feltet må fylles ut.",
        "«Saksnummer (f.eks. 12/26)»: Feltet må fylles ut.",
        "«Møtedato»: Feltet må fylles ut.",
        "«Begrunnelse»: Feltet må fylles ut.");
    kontroller("oppgave-skjemafeil");

    skjema.velg("Field_styrevedtak-0");
    skjema.skriv("Field_styreSakNr", "12/26");
    // Typed key by key, then on to the next field with Tab, as a person does.
    skjema.skriv("Field_styreMotedato-date", "10.12.2026");
    new Actions(nettleser.driver()).sendKeys(Keys.TAB).perform();
    nettleser.vent().until(d -> "10.12.2026".equals(skjema.verdi("Field_styreMotedato-date")));
    skjema.skriv("Field_styreBegrunnelse", "Styret støtter piloten.");
    skjema.skriv("Field_styreBetingelser", "Rapport hver styresyklus.");
    skjema.send("Send inn");

    nettleser.vent().until(ExpectedConditions.urlToBe(Nettleser.adresse(port, "/arbeidspakker/" + ref)));
    pakkesidenErTegnet();
    assertThat(tekst("#melding")).isEqualTo("«Styrebehandling» er sendt inn for " + ref + ".");
    assertThat(tekst("#vedtakstabell tbody tr")).contains("10.12.2026", "12/26", "Godkjent", "Styret støtter piloten.");
    assertThat(tekst("#fase")).isEqualTo("Pilotering");
    kontroller("pakke-vedtak");

    JsonNode vedtak = api("/api/arbeidspakker/" + ref).path("vedtak");
    assertThat(vedtak).hasSize(1);
    assertThat(vedtak.get(0).path("motedato").asText()).as("møtedatoen som ble skrevet").isEqualTo("2026-12-10");
    assertThat(vedtak.get(0).path("sakNr").asText()).isEqualTo("12/26");
    assertThat(engine.getTaskService().createTaskQuery().taskId(oppgave.getId()).count()).isZero();
  }

  // 3. A required field left empty, and the draft that survives Esc and a reload

  @Test
  void manglendeFeltGirFeiloppsummeringOgUtkastetKommerTilbakeEtterNyLasting() {
    loggInn(TestBrukere.AP_LARVIK, "/start/arbeidspakke");
    skjema.klar("Field_tittel");
    kontroller("start-tomt");
    String tittel = "Utkast " + merke;
    fyllForslag(tittel, 2, false);

    skjema.send("Send inn forslaget");
    WebElement oppsummering = skjema.feiloppsummering();
    assertThat(oppsummering.getDomAttribute("role")).isEqualTo("alert");
    nettleser.vent().withMessage("fokus på feiloppsummeringen")
        .until(d -> skjema.harFokus("#skjemafeil .feiloppsummering"));
    assertThat(oppsummering.findElement(By.tagName("h2")).getText()).isEqualTo("Skjemaet har 1 feil");
    assertThat(skjema.feillinjer()).containsExactly("«Hva skal prøves ut?»: Feltet må fylles ut.");
    kontroller("start-skjemafeil");

    // The link leads to the field: the cursor is in it.
    klikk(oppsummering.findElement(By.partialLinkText("Hva skal prøves ut?")));
    nettleser.vent().withMessage("fokus i «Hva skal prøves ut?»")
        .until(d -> String.valueOf(skjema.fokusId()).endsWith("-Field_tiltak"));
    nettleser.driver().switchTo().activeElement().sendKeys("Faste praksisplasser med veileder.");

    // Esc in a filled field takes nothing away; the draft is kept for the next visit.
    skjema.felt("Field_tittel").click();
    skjema.felt("Field_tittel").sendKeys(Keys.ESCAPE);
    assertThat(skjema.verdi("Field_tittel")).isEqualTo(tittel);
    nettleser.vent().withMessage("utkastet er lagret i nettleseren").until(d -> String.valueOf(
        js("return localStorage.getItem(arguments[0]);", UTKAST))
        .contains("Faste praksisplasser med veileder."));
    lastPaNytt();

    skjema.klar("Field_tittel");
    WebElement varsel = nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(Skjemaflate.UTKASTVARSEL));
    assertThat(varsel.getText()).startsWith("Vi fant et utkast du ikke har sendt inn (lagret ").contains("Forkast utkastet");
    nettleser.vent().withMessage("svarene er tilbake").until(d -> tittel.equals(skjema.verdi("Field_tittel")));
    assertThat(skjema.verdi("Field_tiltak")).isEqualTo("Faste praksisplasser med veileder.");
    assertThat(skjema.rader("Field_malparametere_navn")).isEqualTo(2);
    assertThat(skjema.verdi("Field_malparametere_navn", 1)).isEqualTo("Mål 2");
    assertThat(skjema.verdi("Field_budsjett")).isEqualTo("200000");
    assertThat(nettleser.driver().findElements(Skjemaflate.FEILOPPSUMMERING)).isEmpty();
    kontroller("start-utkast");

    // «Forkast utkastet» brings back the empty form, and says so.
    klikk(varsel.findElement(By.xpath(".//button[normalize-space(.)='Forkast utkastet']")));
    nettleser.vent().until(ExpectedConditions.textToBePresentInElementLocated(By.id("skjemautkast"),
        "Utkastet er forkastet."));
    nettleser.vent().until(d -> skjema.verdi("Field_tittel").isEmpty());
    assertThat(skjema.harFokus("#skjemautkast [role=status]")).as("fokus på kvitteringen").isTrue();
    assertThat(js("return localStorage.getItem(arguments[0]);", UTKAST)).isNull();
  }

  // 4. The lokal leder stops the pilot from the package page

  @Test
  void lokalLederAvbryterPilotenMedBegrunnelse() throws Exception {
    ProcessInstance pakke = pilotMedRapport();
    String ref = referanse(pakke);
    String sti = "/arbeidspakker/" + ref;

    loggInn(TestBrukere.LEDER_LARVIK, sti);
    pakkesidenErTegnet();
    assertThat(tekst("#fase")).isEqualTo("Pilotering");
    assertThat(tekst("#vedtakstabell tbody")).contains("Godkjent", "12/26");
    assertThat(nettleser.driver().findElements(By.cssSelector("#rapporttabell tbody tr"))).hasSize(1);
    assertThat(tekst("#rapporttabell tbody")).contains("Gul", "40 000 kr").as("ingen avvik meldt")
        .doesNotContain("Avvik");
    assertThat(nettleser.driver().findElements(By.cssSelector("#prosessdiagram .steg-ferdig"))).isNotEmpty();
    assertThat(tekst("#historikktabell")).contains("Styrebehandling", "Lever fremdriftsrapport");
    kontroller("pakke-pilot");

    // Without a reason: told so at the field, which has the focus.
    klikk(By.xpath("//section[@id='avbryt-pilot']//button[normalize-space(.)='Avbryt piloten …']"));
    nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.id("begrunnelse-feil")));
    assertThat(tekst("#begrunnelse-feil")).isEqualTo("Skriv hvorfor piloten avbrytes.");
    assertThat(skjema.harFokus("#begrunnelse")).as("fokus i begrunnelsen").isTrue();
    assertThat(nettleser.driver().findElement(By.id("begrunnelse")).getDomAttribute("aria-invalid")).isEqualTo("true");
    pakkesidenErTegnet();
    kontroller("pakke-avbrudd-uten-begrunnelse");

    String begrunnelse = "Samarbeidspartneren har trukket seg.";
    nettleser.driver().findElement(By.id("begrunnelse")).sendKeys(begrunnelse);
    klikk(By.xpath("//section[@id='avbryt-pilot']//button[normalize-space(.)='Avbryt piloten …']"));
    nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.id("bekreft-avbrudd")));
    assertThat(tekst("h1")).isEqualTo("Vil du avbryte piloten?");
    assertThat(tekst("#bekreft-begrunnelse")).isEqualTo(begrunnelse);
    assertThat(engine.getRuntimeService().getVariable(pakke.getId(), "fase")).as("ikke før bekreftelsen")
        .isEqualTo("PILOTERING");
    kontroller("bekreft-avbrudd");

    klikk(By.id("bekreft-avbrudd"));
    nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.id("avbrutt")));
    assertThat(nettleser.driver().getCurrentUrl()).isEqualTo(Nettleser.adresse(port, sti));
    pakkesidenErTegnet();
    assertThat(tekst("#melding")).isEqualTo("Piloten er avbrutt. Arbeidspakken går videre til evaluering.");
    assertThat(tekst("#avbrutt")).startsWith("Piloten ble avbrutt").contains("leder.larvik Test");
    assertThat(tekst("#avbrudd-begrunnelse")).isEqualTo(begrunnelse);
    assertThat(tekst("#fase")).isEqualTo("Evaluering");
    assertThat(tekst("#apne-oppgaver")).contains("Evaluer piloten");
    assertThat(nettleser.driver().findElements(By.id("avbryt-pilot"))).as("ikke lenger å avbryte").isEmpty();
    assertThat(nettleser.driver().findElements(By.cssSelector(
        "#prosessdiagram [data-element-id='Task_Evaluering'].steg-aktiv"))).as("evalueringen pågår i diagrammet")
        .hasSize(1);
    kontroller("pakke-avbrutt");
    assertThat(api("/api/arbeidspakker/" + ref).path("arbeidspakke").path("avbruttAv").asText())
        .isEqualTo(TestBrukere.LEDER_LARVIK);
  }

  // 5. A board member takes a task and gives it back, in the list and on the task's page

  @Test
  void styremedlemTarOppgavenOgGirDenTilbake() {
    ProcessInstance pakke = styresak();
    Task oppgave = driver.oppgave(pakke, "Task_Styrebehandling");
    String id = oppgave.getId();

    loggInn(TestBrukere.STYRE_LARVIK, "/oppgaver");
    WebElement rad = oppgaverad(id);
    assertThat(celle(rad, 5)).isEqualTo("Ingen ennå");
    klikk(rad.findElement(By.xpath(".//button[normalize-space(.)='Ta oppgaven']")));
    nettleser.vent().until(ExpectedConditions.stalenessOf(rad));
    assertThat(tekst("#melding")).isEqualTo("Du har tatt oppgaven «Styrebehandling». Kollegene dine ser at du arbeider med den.");
    assertThat(tildelt(id)).isEqualTo(TestBrukere.STYRE_LARVIK);
    rad = oppgaverad(id);
    assertThat(celle(rad, 5)).isEqualTo("Deg");
    assertThat(rad.findElements(By.xpath(".//button[normalize-space(.)='Ta oppgaven']"))).isEmpty();
    kontroller("oppgaver-tatt");

    // On the task's page: taken by me, and given back to the group.
    klikk(rad.findElement(By.linkText("Styrebehandling")));
    skjema.klar("Field_styreMotedato-date");
    assertThat(tekst("#tatt-av")).isEqualTo("Deg");
    assertThat(nettleser.driver().findElements(By.id("ta-oppgaven"))).isEmpty();
    kontroller("oppgave-tatt");
    klikk(nettleser.vent().until(ExpectedConditions.elementToBeClickable(By.id("gi-tilbake"))));
    nettleser.vent().until(ExpectedConditions.textToBe(By.id("tatt-av"), "Ingen ennå"));
    assertThat(tekst("#melding")).isEqualTo("Du har gitt oppgaven «Styrebehandling» tilbake til gruppen.");
    assertThat(tildelt(id)).isNull();
    skjema.klar("Field_styreMotedato-date");
    kontroller("oppgave-gitt-tilbake");

    // Taken again on the page, and given back from the list.
    klikk(nettleser.vent().until(ExpectedConditions.elementToBeClickable(By.id("ta-oppgaven"))));
    nettleser.vent().until(ExpectedConditions.textToBe(By.id("tatt-av"), "Deg"));
    assertThat(tildelt(id)).isEqualTo(TestBrukere.STYRE_LARVIK);
    klikk(By.xpath("//header//nav//a[normalize-space(.)='Mine oppgaver']"));
    rad = oppgaverad(id);
    assertThat(celle(rad, 5)).isEqualTo("Deg");
    klikk(rad.findElement(By.xpath(".//button[normalize-space(.)='Gi tilbake']")));
    nettleser.vent().until(ExpectedConditions.stalenessOf(rad));
    assertThat(tekst("#melding")).isEqualTo("Du har gitt oppgaven «Styrebehandling» tilbake til gruppen.");
    rad = oppgaverad(id);
    assertThat(celle(rad, 5)).isEqualTo("Ingen ennå");
    assertThat(tildelt(id)).isNull();
  }

  // 6. The same journey on a phone

  @Test
  void heleReisenPaMobilUtenSidelengsRulling() throws Exception {
    mobil();
    loggInn(TestBrukere.AP_LARVIK, "/oppgaver");
    kontroller("mobil-oppgaver-ap");
    klikk(By.xpath("//header//nav//a[normalize-space(.)='Nytt forslag']"));
    skjema.klar("Field_tittel");
    String tittel = "Mobilforslag " + merke;
    fyllForslag(tittel, 3, true);
    kontroller("mobil-start");
    skjema.send("Send inn forslaget");
    String ref = pakkesidenEtterInnsending();
    assertThat(nettleser.driver().findElements(By.cssSelector("table.svartabell tbody tr"))).hasSize(3);
    kontroller("mobil-pakke-nytt-forslag");

    // The lokal leader's assessment, then the board in the browser.
    ProcessInstance pakke = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .singleResult();
    driver.fullfor(pakke, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, vurdering("komplett"));
    Task oppgave = driver.oppgave(pakke, "Task_Styrebehandling");
    loggUt();
    loggInn(TestBrukere.STYRE_LARVIK, "/oppgaver");
    WebElement rad = oppgaverad(oppgave.getId());
    kontroller("mobil-oppgaver-styre");
    klikk(rad.findElement(By.linkText("Styrebehandling")));
    skjema.klar("Field_styreMotedato-date");
    kontroller("mobil-oppgave");
    skjema.send("Send inn");
    skjema.feiloppsummering();
    kontroller("mobil-oppgave-skjemafeil");
    skjema.velg("Field_styrevedtak-0");
    skjema.skriv("Field_styreSakNr", "13/26");
    skjema.skriv("Field_styreMotedato-date", "10.12.2026");
    new Actions(nettleser.driver()).sendKeys(Keys.TAB).perform();
    nettleser.vent().until(d -> "10.12.2026".equals(skjema.verdi("Field_styreMotedato-date")));
    skjema.skriv("Field_styreBegrunnelse", "Styret støtter piloten.");
    skjema.send("Send inn");
    nettleser.vent().until(ExpectedConditions.urlToBe(Nettleser.adresse(port, "/arbeidspakker/" + ref)));
    pakkesidenErTegnet();
    assertThat(tekst("#vedtakstabell tbody tr")).contains("10.12.2026", "13/26");
    assertThat(api("/api/arbeidspakker/" + ref).path("vedtak").get(0).path("motedato").asText()).isEqualTo("2026-12-10");

    // A progress report, so that the page has its chart too; then the lokal leader stops the pilot.
    leverRapport(pakke);
    loggUt();
    loggInn(TestBrukere.LEDER_LARVIK, "/arbeidspakker/" + ref);
    pakkesidenErTegnet();
    assertThat(tekst("#fase")).isEqualTo("Pilotering");
    kontroller("mobil-pakke-pilot");
    nettleser.driver().findElement(By.id("begrunnelse")).sendKeys("Målgruppen nås ikke.");
    klikk(By.xpath("//section[@id='avbryt-pilot']//button[normalize-space(.)='Avbryt piloten …']"));
    nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.id("bekreft-avbrudd")));
    kontroller("mobil-bekreft-avbrudd");
    klikk(By.id("bekreft-avbrudd"));
    nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.id("avbrutt")));
    pakkesidenErTegnet();
    assertThat(tekst("#avbrudd-begrunnelse")).isEqualTo("Målgruppen nås ikke.");
    assertThat(tekst("#fase")).isEqualTo("Evaluering");
    kontroller("mobil-pakke-avbrutt");
  }

  // The packages, put at the step needed through the Java API

  /** A proposal of its own waiting for the Larvik board. */
  private ProcessInstance styresak() {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("tittel", "Styresak " + merke);
    ProcessInstance pakke = driver.startForslag(TestBrukere.AP_LARVIK, forslag);
    driver.fullfor(pakke, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, vurdering("komplett"));
    return pakke;
  }

  /** Approved by the board and piloted, with one progress report delivered. */
  private ProcessInstance pilotMedRapport() {
    ProcessInstance pakke = styresak();
    driver.fullfor(pakke, "Task_Styrebehandling", TestBrukere.STYRE_LARVIK, styrevedtak("godkjent", "12/26", "2026-12-10"));
    leverRapport(pakke);
    return pakke;
  }

  /** The first board cycle of the pilot is over: the report is asked for and delivered (the clock stays there). */
  private void leverRapport(ProcessInstance pakke) {
    driver.utforJobbNarDenForfaller(pakke, "StartEvent_Rapportsyklus");
    driver.fullfor(pakke, "Task_Fremdriftsrapport", TestBrukere.AP_LARVIK, fremdriftsrapport("gul", 40_000, false));
  }

  private String referanse(ProcessInstance pakke) {
    return (String) engine.getRuntimeService().getVariable(pakke.getId(), "referanse");
  }

  private String tittel(ProcessInstance pakke) {
    return (String) engine.getRuntimeService().getVariable(pakke.getId(), "tittel");
  }

  private String tildelt(String oppgave) {
    return engine.getTaskService().createTaskQuery().taskId(oppgave).singleResult().getAssignee();
  }

  // The browser

  private void mobil() {
    nettleser.driver().manage().window().setSize(MOBIL);
    nettleser.vent().withMessage("vinduet er 390 px bredt").until(d -> ((Number) ((JavascriptExecutor) d)
        .executeScript("return window.innerWidth;")).intValue() == MOBIL.getWidth());
  }

  private boolean erMobil() {
    return ((Number) js("return window.innerWidth;")).intValue() <= MOBIL.getWidth();
  }

  /** Opens the page, signs in on the login page it is sent to, and is back at the page. */
  private void loggInn(String bruker, String sti) {
    nettleser.driver().get(Nettleser.adresse(port, sti));
    nettleser.loggInnPaSiden(bruker, TestBrukere.PASSORD);
    // Back where the login began (Spring Security may add ?continue).
    nettleser.vent().withMessage("tilbake på " + sti + " etter innloggingen")
        .until(d -> d.getCurrentUrl().matches(Pattern.quote(Nettleser.adresse(port, sti)) + "(\\?continue)?"));
  }

  private void loggUt() {
    klikk(By.cssSelector("header form.loggut button"));
    nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.id("brukernavn")));
  }

  /**
   * What every page visited gets once it has its content: a screenshot of the whole page, axe-core
   * with no finding, and on the phone no sideways scrolling of the page.
   */
  private void kontroller(String navn) {
    nettleser.lagre("arbeidsflate-" + navn);
    nettleser.lagreHele("arbeidsflate-" + navn + "-hele");
    nettleser.ingenBrudd("arbeidsflate-" + navn);
    if (erMobil()) {
      assertThat(((Number) js("return document.documentElement.scrollWidth;")).intValue())
          .as("sidens bredde på mobil: %s (ingen sidelengs rulling); stikker ut: %s", navn, js(UTENFOR))
          .isLessThanOrEqualTo(MOBIL.getWidth());
    }
  }

  /** The elements that reach past the window's right edge, outside the frames that scroll on their own. */
  private static final String UTENFOR = """
      const ut = [];
      document.querySelectorAll('body *').forEach(e => {
        const r = e.getBoundingClientRect();
        if (r.right > innerWidth + 0.5 && (!e.parentElement.closest('.tabellramme, .prosessdiagram')
            || getComputedStyle(e).position === 'absolute')) {
          ut.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className
              ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' ' + Math.round(r.right) + ' px');
        }
      });
      return ut.slice(0, 15);""";

  /** The proposal form filled in; {@code alt} false leaves «Hva skal prøves ut?» empty. */
  private void fyllForslag(String tittel, int malparametere, boolean alt) {
    skjema.skriv("Field_tittel", tittel);
    assertThat(skjema.felt("Field_kommune-display").getText()).as("den ene kommunen er valgt").isEqualTo("Larvik");
    skjema.skriv("Field_utfordring", "For mange unge i Larvik står utenfor opplæring og arbeid.");
    if (alt) {
      skjema.skriv("Field_tiltak", "Kommunale virksomheter tilbyr faste praksisplasser med veileder.");
    }
    skjema.skriv("Field_innovasjon", "Kommunen som arbeidsgiver tar ansvar på tvers av sektorer.");
    skjema.skriv("Field_malgruppe", "16–25 år utenfor opplæring og arbeid");
    skjema.velg("Field_partnere-0");
    skjema.velg("Field_partnere-1");
    for (int i = 0; i < malparametere; i++) {
      if (i > 0) {
        skjema.leggTil("Field_malparametere_navn");
      }
      skjema.skriv("Field_malparametere_navn", "Mål " + (i + 1), i);
      skjema.skriv("Field_malparametere_utgangsverdi", String.valueOf(i + 1), i);
      skjema.skriv("Field_malparametere_malverdi", String.valueOf(10 * (i + 1)), i);
    }
    skjema.skriv("Field_budsjett", "200000");
    skjema.skriv("Field_pilotvarighetMnd", "12");
  }

  /** After a proposal is sent: on its package page, drawn; its reference. */
  private String pakkesidenEtterInnsending() {
    new WebDriverWait(nettleser.driver(), LANG_VENTETID).withMessage("pakkesiden etter innsendingen")
        .until(ExpectedConditions.urlMatches("/arbeidspakker/AP-"));
    pakkesidenErTegnet();
    Matcher ref = REFERANSE.matcher(tekst("#melding"));
    assertThat(ref.find()).as("referansen i meldingen: " + tekst("#melding")).isTrue();
    assertThat(nettleser.driver().getCurrentUrl()).isEqualTo(Nettleser.adresse(port, "/arbeidspakker/" + ref.group()));
    return ref.group();
  }

  /** The package page with its process diagram drawn by bpmn-js, and the chart if it has reports. */
  private void pakkesidenErTegnet() {
    new WebDriverWait(nettleser.driver(), LANG_VENTETID).withMessage("prosessdiagrammet er tegnet")
        .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
            "return !!document.querySelector('#prosessdiagram svg[role=\"img\"]')"
                + " && !!document.querySelector('#prosessdiagram .steg-aktiv, #prosessdiagram .steg-ferdig');")));
    if (!nettleser.driver().findElements(By.id("rapportdiagram")).isEmpty()) {
      nettleser.vent().withMessage("fremdriftsdiagrammet er tegnet").until(d -> Boolean.TRUE.equals(
          ((JavascriptExecutor) d).executeScript("return typeof Chart !== 'undefined'"
              + " && !!Chart.getChart(document.getElementById('rapportdiagram'));")));
    }
  }

  /** The task's row in «Mine oppgaver», paging on with «Neste side» while it is not shown. */
  private WebElement oppgaverad(String oppgave) {
    By rad = By.cssSelector("#oppgaveliste tr[data-oppgave='" + oppgave + "']");
    for (int side = 0; side < 50; side++) {
      WebElement antall = nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.id("antall-oppgaver")));
      List<WebElement> treff = nettleser.driver().findElements(rad);
      if (!treff.isEmpty()) {
        return treff.get(0);
      }
      List<WebElement> neste = nettleser.driver().findElements(By.linkText("Neste side"));
      if (neste.isEmpty()) {
        break;
      }
      klikk(neste.get(0));
      nettleser.vent().until(ExpectedConditions.stalenessOf(antall));
    }
    throw new AssertionError("oppgaven " + oppgave + " står ikke i «Mine oppgaver»");
  }

  private static String celle(WebElement rad, int nr) {
    return rad.findElement(By.cssSelector("td:nth-child(" + nr + ")")).getText();
  }

  /**
   * Reloads the page. The form asks before a page with unsent answers is left; the answer is to
   * leave, as the draft keeps them.
   */
  private void lastPaNytt() {
    try {
      nettleser.driver().navigate().refresh();
    } catch (UnhandledAlertException spurt) {
      // Answered below.
    }
    try {
      nettleser.driver().switchTo().alert().accept();
    } catch (NoAlertPresentException ikkeSpurt) {
      // Chromium asks only after the user has done something on the page, and ChromeDriver may answer itself.
    }
  }

  /** Reads the program's API with the browser's own session. */
  private JsonNode api(String sti) throws Exception {
    nettleser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    @SuppressWarnings("unchecked")
    Map<String, Object> svar = (Map<String, Object>) ((JavascriptExecutor) nettleser.driver()).executeAsyncScript("""
        const ferdig = arguments[arguments.length - 1];
        fetch(arguments[0], {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
          .then(s => s.text().then(t => ferdig({status: s.status, tekst: t})))
          .catch(e => ferdig({status: 0, tekst: String(e)}));""", sti);
    assertThat(((Number) svar.get("status")).intValue()).as(sti + ": " + svar.get("tekst")).isEqualTo(200);
    return JSON.readTree((String) svar.get("tekst"));
  }

  private void klikk(By hva) {
    klikk(nettleser.vent().until(ExpectedConditions.elementToBeClickable(hva)));
  }

  private void klikk(WebElement element) {
    ((JavascriptExecutor) nettleser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  /** The element's text, with the no-break spaces of Norwegian numbers as plain spaces. */
  private String tekst(String css) {
    return nettleser.vent().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).getText()
        .replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  private Object js(String skript, Object... argumenter) {
    return ((JavascriptExecutor) nettleser.driver()).executeScript(skript, argumenter);
  }
}
