package no.vareunge.portefolje;

import static no.vareunge.Testklokke.pluss;
import static no.vareunge.Testklokke.settKlokke;
import static no.vareunge.Testklokke.tidspunkt;
import static no.vareunge.arbeidspakke.Skjemasvar.fremdriftsrapport;
import static no.vareunge.arbeidspakke.Skjemasvar.styrevedtak;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import no.vareunge.Forslag;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.Testkommune;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import no.vareunge.kommune.KommuneRegister;
import no.vareunge.tilgang.Tilgangsoppsett;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portfolio API over HTTP with exact figures: three packages in a kommune of their own
 * (Porteføljetest), one piloting with a yellow report, one waiting for its assessment past the
 * due date, one rejected.
 */
@VareungeTest
class PortefoljeApiHttpTest {

  private static final Date START = tidspunkt(2032, 1, 5);
  /** When the tests read: after the pilot's first report, the assessment of the second is overdue. */
  private static final Date NAA = pluss(START, "P60D");
  private static final String P1 = "AP-2032-PFT-001";
  private static final String P2 = "AP-2032-PFT-002";
  private static final String P3 = "AP-2032-PFT-003";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired KommuneRegister register;
  @Autowired Tilgangsoppsett tilgang;

  private RestKlient rest;
  private Testkommune pft;

  @BeforeEach
  void forbered() {
    TestBrukere.opprett(identity);
    boolean ny = register.finn("portefoljetest").isEmpty();
    pft = Testkommune.opprett("portefoljetest", "Porteføljetest", "PFT", register, tilgang, identity);
    rest = new RestKlient(port);
    if (ny) {
      seed();
    }
    settKlokke(NAA);
  }

  @AfterEach
  void rydd() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  private void seed() {
    ArbeidspakkeDriver driver = new ArbeidspakkeDriver(engine);
    settKlokke(START);
    ProcessInstance p1 = driver.startForslag(pft.ap(), forslag("Praksisplasser i Porteføljetest", 200000, 12));
    driver.startForslag(pft.ap(), forslag("Mentorordning for unge voksne", 30000, 6));
    ProcessInstance p3 = driver.startForslag(pft.ap(), forslag("Fritidskort for alle", 100000, 12));
    driver.fullfor(p3, "Task_VurderForslag", pft.leder(), vurdering("avvist"));
    driver.utforJobb(p3, "EndEvent_Avvist");
    settKlokke(pluss(START, "P1D"));
    driver.fullfor(p1, "Task_VurderForslag", pft.leder(), vurdering("komplett"));
    driver.fullfor(p1, "Task_Styrebehandling", pft.styre(), styrevedtak("godkjent", "5/32", "2032-01-06"));
    driver.utforJobbNarDenForfaller(p1, "StartEvent_Rapportsyklus");
    driver.fullfor(p1, "Task_Fremdriftsrapport", pft.ap(), fremdriftsrapport("gul", 50000, false));
  }

  private Map<String, Object> forslag(String tittel, int budsjett, int mnd) {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("kommune", pft.id());
    forslag.put("tittel", tittel);
    forslag.put("budsjett", budsjett);
    forslag.put("pilotvarighetMnd", mnd);
    return forslag;
  }

  @Test
  void listenFiltrertPaKommuneFaseStatusOgTekstMedSider() throws Exception {
    assertThat(referanser("/api/arbeidspakker?kommune=portefoljetest")).containsExactly(P3, P2, P1);
    JsonNode alle = json(rest.get("/api/arbeidspakker?kommune=portefoljetest", TestBrukere.PROGRAMLEDER));
    assertThat(alle.path("totalt").asLong()).isEqualTo(3);
    JsonNode p1 = alle.path("treff").get(2);
    assertThat(p1.path("tittel").asText()).isEqualTo("Praksisplasser i Porteføljetest");
    assertThat(p1.path("kommune").asText()).isEqualTo("portefoljetest");
    assertThat(p1.path("kommunenavn").asText()).isEqualTo("Porteføljetest");
    assertThat(p1.path("fase").asText()).isEqualTo("PILOTERING");
    assertThat(p1.path("beslutningsniva").asText()).isEqualTo("LOKALT_STYRE");
    assertThat(p1.path("budsjett").decimalValue()).isEqualByComparingTo("200000");
    assertThat(p1.path("bevilgetBelop").decimalValue()).isEqualByComparingTo("200000");
    assertThat(p1.path("forbruktBelop").decimalValue()).isEqualByComparingTo("50000");
    assertThat(p1.path("pilotstatus").asText()).isEqualTo("gul");
    assertThat(p1.path("leder").asText()).isEqualTo(pft.ap());
    // Norwegian time (+01:00 in January).
    assertThat(p1.path("registrert").asText()).isEqualTo("2032-01-05T09:00:00.000+01:00");

    assertThat(referanser("/api/arbeidspakker?kommune=portefoljetest&fase=PILOTERING")).containsExactly(P1);
    assertThat(referanser("/api/arbeidspakker?kommune=portefoljetest&fase=AVVIST")).containsExactly(P3);
    assertThat(referanser("/api/arbeidspakker?kommune=portefoljetest&status=gul")).containsExactly(P1);
    assertThat(referanser("/api/arbeidspakker?kommune=portefoljetest&status=rod")).isEmpty();
    assertThat(referanser("/api/arbeidspakker?kommune=portefoljetest&tekst=MENTORORDNING")).containsExactly(P2);
    assertThat(referanser("/api/arbeidspakker?tekst=" + P3)).containsExactly(P3);
    // A board member of the kommune sees the same without the filter: it is all they may see.
    assertThat(referanser("/api/arbeidspakker", pft.styre())).containsExactly(P3, P2, P1);

    JsonNode side = json(rest.get("/api/arbeidspakker?kommune=portefoljetest&side=1&antallPerSide=2",
        TestBrukere.PROGRAMLEDER));
    assertThat(side.path("totalt").asLong()).isEqualTo(3);
    assertThat(side.path("side").asInt()).isEqualTo(1);
    assertThat(side.path("antallPerSide").asInt()).isEqualTo(2);
    assertThat(side.path("treff").findValuesAsText("referanse")).containsExactly(P1);
  }

  @Test
  void enPakkeMedVedtakRapporterOgApneOppgaver() throws Exception {
    HttpResponse<String> svar = rest.get("/api/arbeidspakker/" + P1, pft.leder());
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    JsonNode p1 = json(svar);
    String instans = p1.path("arbeidspakke").path("prosessinstansId").asText();
    assertThat(p1.path("arbeidspakke").path("referanse").asText()).isEqualTo(P1);
    assertThat(p1.path("cockpit").asText()).isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + instans);
    assertThat(p1.path("vedtak")).hasSize(1);
    JsonNode vedtak = p1.path("vedtak").get(0);
    assertThat(vedtak.path("niva").asText()).isEqualTo("LOKALT_STYRE");
    assertThat(vedtak.path("utfall").asText()).isEqualTo("godkjent");
    assertThat(vedtak.path("sakNr").asText()).isEqualTo("5/32");
    assertThat(vedtak.path("motedato").asText()).isEqualTo("2032-01-06");
    assertThat(vedtak.path("begrunnelse").asText()).isEqualTo("Styrets begrunnelse: godkjent.");
    assertThat(vedtak.path("besluttetAv").asText()).isEqualTo(pft.styre());
    assertThat(vedtak.path("tidspunkt").asText()).isEqualTo("2032-01-06T09:00:00.000+01:00");
    assertThat(p1.path("fremdriftsrapporter")).hasSize(1);
    JsonNode rapport = p1.path("fremdriftsrapporter").get(0);
    assertThat(rapport.path("pilotstatus").asText()).isEqualTo("gul");
    assertThat(rapport.path("forbruktBelop").decimalValue()).isEqualByComparingTo("50000");
    assertThat(rapport.path("trengerBeslutning").asBoolean()).isFalse();
    assertThat(rapport.path("rapportertAv").asText()).isEqualTo(pft.ap());
    assertThat(p1.path("apneOppgaver")).isEmpty();

    JsonNode p2 = json(rest.get("/api/arbeidspakker/" + P2, pft.leder()));
    assertThat(p2.path("vedtak")).isEmpty();
    assertThat(p2.path("fremdriftsrapporter")).isEmpty();
    assertThat(p2.path("apneOppgaver")).hasSize(1);
    JsonNode oppgave = p2.path("apneOppgaver").get(0);
    String oppgaveId = oppgave.path("oppgaveId").asText();
    assertThat(oppgave.path("navn").asText()).isEqualTo("Vurder forslag");
    assertThat(oppgave.path("aktivitet").asText()).isEqualTo("Task_VurderForslag");
    assertThat(oppgave.path("referanse").asText()).isEqualTo(P2);
    assertThat(oppgave.path("forfalt").asBoolean()).isTrue();
    assertThat(oppgave.path("frist").asText()).isEqualTo("2032-01-19T09:00:00.000+01:00");
    assertThat(oppgave.path("tasklist").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + oppgaveId);
    assertThat(oppgave.path("cockpit").asText())
        .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + oppgave.path("prosessinstansId").asText());
  }

  @Test
  void oppsummeringPerKommuneOgFaseMedOkonomiOgSum() throws Exception {
    // The board member sees only Porteføljetest: its figures are the whole summary.
    JsonNode oppsummering = json(rest.get("/api/portefolje/oppsummering", pft.styre()));
    assertThat(oppsummering.path("kommuner")).hasSize(1);
    JsonNode kommune = oppsummering.path("kommuner").get(0);
    assertThat(kommune.path("kommune").asText()).isEqualTo("portefoljetest");
    assertThat(kommune.path("kommunenavn").asText()).isEqualTo("Porteføljetest");
    assertKommunetall(kommune);
    assertKommunetall(oppsummering.path("totalt"));
    assertThat(oppsummering.path("forfalteOppgaver").asLong()).isEqualTo(1);

    // Programleder sees every kommune, this one with the same figures.
    JsonNode alle = json(rest.get("/api/portefolje/oppsummering", TestBrukere.PROGRAMLEDER));
    List<String> kommuner = alle.path("kommuner").findValuesAsText("kommune");
    assertThat(kommuner).contains("larvik", "horten", "portefoljetest");
    assertKommunetall(alle.path("kommuner").get(kommuner.indexOf("portefoljetest")));
    long sum = 0;
    for (JsonNode k : alle.path("kommuner")) {
      sum += k.path("antall").asLong();
    }
    assertThat(alle.path("totalt").path("antall").asLong()).isEqualTo(sum);
  }

  private static void assertKommunetall(JsonNode tall) {
    assertThat(tall.path("antall").asLong()).isEqualTo(3);
    assertThat(tall.path("faser").path("PILOTERING").asLong()).isEqualTo(1);
    assertThat(tall.path("faser").path("VURDERING").asLong()).isEqualTo(1);
    assertThat(tall.path("faser").path("AVVIST").asLong()).isEqualTo(1);
    assertThat(tall.path("faser").path("DRIFT").asLong()).isZero();
    assertThat(tall.path("faser")).hasSize(10);
    assertThat(tall.path("budsjett").decimalValue()).isEqualByComparingTo("330000");
    assertThat(tall.path("bevilget").decimalValue()).isEqualByComparingTo("200000");
    assertThat(tall.path("forbrukt").decimalValue()).isEqualByComparingTo("50000");
  }

  @Test
  void forfalteOppgaverIKommunen() throws Exception {
    JsonNode forfalte = json(rest.get("/api/oppgaver/forfalte", pft.styre()));
    assertThat(forfalte.path("totalt").asLong()).isEqualTo(1);
    assertThat(forfalte.path("treff")).hasSize(1);
    JsonNode oppgave = forfalte.path("treff").get(0);
    assertThat(oppgave.path("referanse").asText()).isEqualTo(P2);
    assertThat(oppgave.path("tittel").asText()).isEqualTo("Mentorordning for unge voksne");
    assertThat(oppgave.path("navn").asText()).isEqualTo("Vurder forslag");
    assertThat(oppgave.path("kommune").asText()).isEqualTo("portefoljetest");
    assertThat(oppgave.path("forfalt").asBoolean()).isTrue();

    JsonNode programleder = json(rest.get("/api/oppgaver/forfalte?kommune=portefoljetest", TestBrukere.PROGRAMLEDER));
    assertThat(programleder.path("totalt").asLong()).isEqualTo(1);
    assertThat(programleder.path("treff").findValuesAsText("referanse")).containsExactly(P2);

    // Before the due date nothing is overdue.
    settKlokke(pluss(START, "P13D"));
    assertThat(json(rest.get("/api/oppgaver/forfalte", pft.styre())).path("totalt").asLong()).isZero();
  }

  private List<String> referanser(String sti) throws Exception {
    return referanser(sti, TestBrukere.PROGRAMLEDER);
  }

  private List<String> referanser(String sti, String bruker) throws Exception {
    HttpResponse<String> svar = rest.get(sti, bruker);
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    return new ArrayList<>(json(svar).path("treff").findValuesAsText("referanse"));
  }

  private static JsonNode json(HttpResponse<String> svar) throws Exception {
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    return RestKlient.json(svar);
  }
}
