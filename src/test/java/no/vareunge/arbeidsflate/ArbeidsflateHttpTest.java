package no.vareunge.arbeidsflate;

import static no.vareunge.TestBrukere.AP_HORTEN;
import static no.vareunge.TestBrukere.AP_LARVIK;
import static no.vareunge.TestBrukere.LEDER_LARVIK;
import static no.vareunge.TestBrukere.PASSORD;
import static no.vareunge.TestBrukere.STYRE_HORTEN;
import static no.vareunge.TestBrukere.STYRE_LARVIK;
import static no.vareunge.arbeidspakke.Skjemasvar.styrevedtak;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.vareunge.Forslag;
import no.vareunge.Nettokt;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The work pages over HTTP, as the browser and its script use them: what each role sees, what is
 * sent, and that another kommune's task or package is not found and cannot be touched.
 */
@VareungeTest
class ArbeidsflateHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  private ArbeidspakkeDriver driver;

  @BeforeEach
  void forbered() {
    TestBrukere.opprett(identity);
    driver = new ArbeidspakkeDriver(engine);
  }

  @AfterEach
  void rydd() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  private Nettokt innlogget(String bruker) throws Exception {
    Nettokt okt = new Nettokt(port);
    assertThat(okt.loggInn(bruker, PASSORD).statusCode()).isEqualTo(302);
    return okt;
  }

  private ProcessInstance styresak() {
    ProcessInstance pakke = driver.startForslag(AP_LARVIK, Forslag.gyldig());
    driver.fullfor(pakke, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
    return pakke;
  }

  private String referanse(ProcessInstance pakke) {
    return (String) engine.getRuntimeService().getVariable(pakke.getId(), "referanse");
  }

  /** A proposal as the start form's script sends it, with seven målparametere. */
  private static String forslagMedSyvMal() throws Exception {
    Map<String, Object> forslag = new LinkedHashMap<>(Forslag.gyldig());
    forslag.put("partnere", List.of("kommune", "nav"));
    forslag.put("malparametere", java.util.stream.IntStream.rangeClosed(1, 7)
        .mapToObj(i -> Map.of("navn", "Mål " + i, "utgangsverdi", String.valueOf(i), "malverdi", String.valueOf(10 * i)))
        .toList());
    return JSON.writeValueAsString(forslag);
  }

  @Test
  void arbeidspakkelederStarterEtForslagOgFarReferansen() throws Exception {
    Nettokt okt = innlogget(AP_LARVIK);
    HttpResponse<String> start = okt.hent("/start");
    assertThat(start.statusCode()).as("én ting å starte: rett til skjemaet").isEqualTo(302);
    assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/start/arbeidspakke");

    HttpResponse<String> side = okt.hent("/start/arbeidspakke");
    assertThat(side.statusCode()).isEqualTo(200);
    Document dok = Jsoup.parse(side.body());
    JsonNode data = JSON.readTree(dok.getElementById("skjemadata").data());
    JsonNode kommunefelt = data.path("skjema").findParents("key").stream()
        .filter(f -> "kommune".equals(f.path("key").asText())).findFirst().orElseThrow();
    assertThat(kommunefelt.path("values").findValuesAsText("value")).as("bare egne kommuner").containsExactly("larvik");
    assertThat(data.path("verdier").path("kommune").asText()).as("valgt når det er én").isEqualTo("larvik");

    HttpResponse<String> svar = okt.sendJson("/start/arbeidspakke/send", forslagMedSyvMal(), Nettokt.sidetoken(side.body()));

    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    JsonNode kvittering = JSON.readTree(svar.body());
    String ref = kvittering.path("adresse").asText().replace("/arbeidspakker/", "");
    assertThat(ref).matches("AP-\\d{4}-LAR-\\d{3}");
    assertThat(kvittering.path("melding").asText()).isEqualTo("Forslaget er sendt inn som " + ref + ".");

    HttpResponse<String> pakkeside = okt.hent("/arbeidspakker/" + ref);
    assertThat(pakkeside.statusCode()).isEqualTo(200);
    Document pakke = Jsoup.parse(pakkeside.body());
    assertThat(pakke.getElementById("melding").text()).as("meldingen vises én gang").contains(ref);
    assertThat(pakke.select("table.svartabell tbody tr")).as("målparameterne").hasSize(7);
    assertThat(pakke.select("table.svartabell tbody tr").get(6).text()).contains("Mål 7", "7", "70");
    assertThat(Jsoup.parse(okt.hent("/arbeidspakker/" + ref).body()).getElementById("melding")).isNull();
  }

  @Test
  void ugyldigForslagGirFeltvisNorskeFeilUtenInterneNokler() throws Exception {
    Nettokt okt = innlogget(AP_LARVIK);
    String token = Nettokt.sidetoken(okt.hent("/start/arbeidspakke").body());
    long for_ = engine.getRuntimeService().createProcessInstanceQuery().count();
    Map<String, Object> forslag = new LinkedHashMap<>(Forslag.gyldig());
    forslag.remove("tittel");
    forslag.put("partnere", List.of("kommune"));
    forslag.put("malparametere", List.of(Map.of("navn", "Mål", "utgangsverdi", "", "malverdi", "5"),
        Map.of("navn", "Mål 2", "malverdi", "5")));

    HttpResponse<String> svar = okt.sendJson("/start/arbeidspakke/send", JSON.writeValueAsString(forslag), token);

    assertThat(svar.statusCode()).isEqualTo(400);
    JsonNode feil = JSON.readTree(svar.body()).path("feltfeil");
    assertThat(feil.findValuesAsText("felt")).contains("tittel", "malparametere");
    assertThat(feil.findValuesAsText("tekst")).allSatisfy(t -> assertThat(t).doesNotContain("(tittel)", "(malparametere)",
        "(utgangsverdi)"));
    assertThat(feil.findValuesAsText("tekst")).anySatisfy(t -> assertThat(t).contains("rad 2"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).as("ingenting startet").isEqualTo(for_);
  }

  @Test
  void utenCsrfTokenStartesIngenting() throws Exception {
    Nettokt okt = innlogget(AP_LARVIK);
    long for_ = engine.getRuntimeService().createProcessInstanceQuery().count();

    HttpResponse<String> svar = okt.sendJson("/start/arbeidspakke/send", forslagMedSyvMal(), null);

    assertThat(svar.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(svar.body()).path("detail").asText()).contains("Svarene dine er tatt vare på");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(for_);
  }

  @Test
  void utloptOktGirJsonOgIkkeInnloggingssiden() throws Exception {
    // The token belonged to a session that is gone: refused as such, in words the page can show.
    HttpResponse<String> svar = new Nettokt(port).sendJson("/oppgaver/x/send", "{}", "gammelt-token");

    assertThat(svar.statusCode()).isEqualTo(403);
    assertThat(svar.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(JSON.readTree(svar.body()).path("detail").asText()).contains("logget ut");
  }

  @Test
  void styremedlemSerOppgavenTarDenOgGirDenTilbake() throws Exception {
    Task oppgave = driver.oppgave(styresak(), "Task_Styrebehandling");
    Nettokt okt = innlogget(STYRE_LARVIK);

    Document liste = Jsoup.parse(okt.hent("/oppgaver").body());
    assertThat(liste.select("tr[data-oppgave=" + oppgave.getId() + "]").text()).contains("Styrebehandling", "Ingen ennå");

    String token = Nettokt.token(okt.hent("/oppgaver/" + oppgave.getId()).body());
    assertThat(okt.send("/oppgaver/" + oppgave.getId() + "/ta", Map.of("_csrf", token)).statusCode()).isEqualTo(302);
    assertThat(engine.getTaskService().createTaskQuery().taskId(oppgave.getId()).singleResult().getAssignee())
        .isEqualTo(STYRE_LARVIK);
    Document side = Jsoup.parse(okt.hent("/oppgaver/" + oppgave.getId()).body());
    assertThat(side.getElementById("tatt-av").text()).isEqualTo("Deg");
    assertThat(side.getElementById("melding").text()).contains("Du har tatt oppgaven");

    assertThat(okt.send("/oppgaver/" + oppgave.getId() + "/gi-tilbake", Map.of("_csrf", Nettokt.token(side.outerHtml())))
        .statusCode()).isEqualTo(302);
    assertThat(engine.getTaskService().createTaskQuery().taskId(oppgave.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void denSomBareLeserOppgavenFarIkkeSkjemaetEllerTaKnappen() throws Exception {
    Task oppgave = driver.oppgave(styresak(), "Task_Styrebehandling");
    Nettokt leder = innlogget(LEDER_LARVIK);

    Document side = Jsoup.parse(leder.hent("/oppgaver/" + oppgave.getId()).body());

    assertThat(side.getElementById("ikke-din")).as("lokal leder leser styrets oppgave").isNotNull();
    assertThat(side.getElementById("skjemadata")).isNull();
    assertThat(side.getElementById("ta-oppgaven")).isNull();
    assertThat(Jsoup.parse(leder.hent("/oppgaver").body()).select("tr[data-oppgave=" + oppgave.getId() + "]"))
        .as("ikke i lokal leders Mine oppgaver").isEmpty();
  }

  @Test
  void styrevedtaketSendesFraOppgavesidenOgDatoenErDenSomBleSkrevet() throws Exception {
    ProcessInstance pakke = styresak();
    Task oppgave = driver.oppgave(pakke, "Task_Styrebehandling");
    Nettokt okt = innlogget(STYRE_LARVIK);
    HttpResponse<String> side = okt.hent("/oppgaver/" + oppgave.getId());
    assertThat(Jsoup.parse(side.body()).getElementById("skjemadata")).isNotNull();

    HttpResponse<String> svar = okt.sendJson("/oppgaver/" + oppgave.getId() + "/send",
        JSON.writeValueAsString(styrevedtak("godkjent", "12/26", "2026-12-10")), Nettokt.sidetoken(side.body()));

    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    assertThat(JSON.readTree(svar.body()).path("adresse").asText()).isEqualTo("/arbeidspakker/" + referanse(pakke));
    Document pakkeside = Jsoup.parse(okt.hent("/arbeidspakker/" + referanse(pakke)).body());
    assertThat(pakkeside.select("#vedtakstabell tbody tr").text()).contains("10.12.2026", "12/26", "Godkjent");

    HttpResponse<String> igjen = okt.sendJson("/oppgaver/" + oppgave.getId() + "/send",
        JSON.writeValueAsString(styrevedtak("godkjent", "12/26", "2026-12-10")), Nettokt.sidetoken(side.body()));
    assertThat(igjen.statusCode()).as("allerede fullført").isEqualTo(404);
  }

  @Test
  void enAnnenKommunesOppgaveOgPakkeFinnesIkke() throws Exception {
    ProcessInstance pakke = styresak();
    Task oppgave = driver.oppgave(pakke, "Task_Styrebehandling");
    Nettokt horten = innlogget(STYRE_HORTEN);

    HttpResponse<String> oppgaveside = horten.hent("/oppgaver/" + oppgave.getId());
    HttpResponse<String> pakkeside = horten.hent("/arbeidspakker/" + referanse(pakke));
    HttpResponse<String> modell = horten.hent("/arbeidspakker/" + referanse(pakke) + "/prosess.bpmn");

    assertThat(List.of(oppgaveside.statusCode(), pakkeside.statusCode(), modell.statusCode())).containsOnly(404);
    assertThat(oppgaveside.body()).contains("Finnes ikke").doesNotContain("Styrebehandling", "Praksisplasser");
    assertThat(pakkeside.body()).doesNotContain("Praksisplasser", referanse(pakke));
    assertThat(Jsoup.parse(horten.hent("/oppgaver").body()).select("tr[data-oppgave=" + oppgave.getId() + "]")).isEmpty();

    String token = Nettokt.sidetoken(horten.hent("/oppgaver").body());
    HttpResponse<String> send = horten.sendJson("/oppgaver/" + oppgave.getId() + "/send",
        JSON.writeValueAsString(styrevedtak("avslatt", "1/26", "2026-12-10")), token);
    HttpResponse<String> ta = horten.send("/oppgaver/" + oppgave.getId() + "/ta", Map.of("_csrf", token));
    assertThat(send.statusCode()).isEqualTo(404);
    assertThat(ta.statusCode()).isEqualTo(404);
    Task etter = engine.getTaskService().createTaskQuery().taskId(oppgave.getId()).singleResult();
    assertThat(etter).as("oppgaven er urørt").isNotNull();
    assertThat(etter.getAssignee()).isNull();
  }

  @Test
  void enArbeidspakkelederKanIkkeStarteForEnAnnenKommune() throws Exception {
    Nettokt okt = innlogget(AP_HORTEN);
    String token = Nettokt.sidetoken(okt.hent("/start/arbeidspakke").body());
    long for_ = engine.getRuntimeService().createProcessInstanceQuery().count();

    HttpResponse<String> svar = okt.sendJson("/start/arbeidspakke/send", forslagMedSyvMal(), token);

    assertThat(svar.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(svar.body()).path("detail").asText()).contains("kommune du hører til");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(for_);
  }

  @Test
  void lokalLederAvbryterPilotenMedBegrunnelseEtterBekreftelse() throws Exception {
    ProcessInstance pakke = styresak();
    driver.fullfor(pakke, "Task_Styrebehandling", STYRE_LARVIK, styrevedtak("godkjent", "12/26", "2026-12-10"));
    String ref = referanse(pakke);
    Nettokt okt = innlogget(LEDER_LARVIK);
    String sti = "/arbeidspakker/" + ref;
    Document side = Jsoup.parse(okt.hent(sti).body());
    assertThat(side.getElementById("avbryt-pilot")).as("skjemaet vises for lokal leder").isNotNull();
    assertThat(side.select("#historikktabell tr:contains(Pilotperioden er over) td").last().text())
        .as("tidtakeren venter, ingen jobber med den").isEqualTo("Venter");

    HttpResponse<String> uten = okt.send(sti + "/avbryt-pilot", Map.of("_csrf", Nettokt.token(side.outerHtml()),
        "begrunnelse", "   "));
    assertThat(Jsoup.parse(uten.body()).getElementById("begrunnelse-feil").text()).isEqualTo("Skriv hvorfor piloten avbrytes.");

    HttpResponse<String> bekreft = okt.send(sti + "/avbryt-pilot", Map.of("_csrf", Nettokt.token(side.outerHtml()),
        "begrunnelse", "Målgruppen nås ikke."));
    assertThat(bekreft.statusCode()).isEqualTo(200);
    assertThat(engine.getRuntimeService().getVariable(pakke.getId(), "fase")).as("ikke før bekreftelsen")
        .isEqualTo("PILOTERING");
    Document bekreftelse = Jsoup.parse(bekreft.body());
    assertThat(bekreftelse.getElementById("bekreft-begrunnelse").text()).isEqualTo("Målgruppen nås ikke.");

    HttpResponse<String> avbrutt = okt.send(sti + "/avbryt-pilot/bekreft", Map.of(
        "_csrf", Nettokt.token(bekreft.body()), "begrunnelse", "Målgruppen nås ikke."));
    assertThat(avbrutt.statusCode()).isEqualTo(302);
    Document etter = Jsoup.parse(okt.hent(sti).body());
    assertThat(etter.getElementById("melding").text()).contains("Piloten er avbrutt");
    assertThat(etter.getElementById("avbrudd-begrunnelse").text()).isEqualTo("Målgruppen nås ikke.");
    assertThat(etter.getElementById("avbryt-pilot")).as("ikke lenger å avbryte").isNull();
    JsonNode api = JSON.readTree(okt.hent("/api/arbeidspakker/" + ref).body());
    assertThat(api.path("arbeidspakke").path("avbruttAv").asText()).isEqualTo(LEDER_LARVIK);
  }

  @Test
  void styremedlemIEnAnnenRolleSerIkkeAvbruddsskjemaetForAndreKommuner() throws Exception {
    ProcessInstance pakke = styresak();
    driver.fullfor(pakke, "Task_Styrebehandling", STYRE_LARVIK, styrevedtak("godkjent", "12/26", "2026-12-10"));
    Nettokt ap = innlogget(AP_LARVIK);
    String sti = "/arbeidspakker/" + referanse(pakke);

    Document side = Jsoup.parse(ap.hent(sti).body());
    HttpResponse<String> forsok = ap.send(sti + "/avbryt-pilot/bekreft", Map.of(
        "_csrf", Nettokt.token(side.outerHtml()), "begrunnelse", "Vil avbryte."));

    assertThat(side.getElementById("avbryt-pilot")).isNull();
    assertThat(forsok.statusCode()).isEqualTo(403);
    assertThat(engine.getRuntimeService().getVariable(pakke.getId(), "fase")).isEqualTo("PILOTERING");
  }
}
