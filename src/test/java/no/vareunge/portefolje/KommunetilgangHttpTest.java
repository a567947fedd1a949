package no.vareunge.portefolje;

import static no.vareunge.TestBrukere.AP_HORTEN;
import static no.vareunge.TestBrukere.AP_LARVIK;
import static no.vareunge.TestBrukere.EIERSTYRET;
import static no.vareunge.TestBrukere.PROGRAMLEDER;
import static no.vareunge.TestBrukere.STYRE_LARVIK;
import static no.vareunge.Testklokke.pluss;
import static no.vareunge.Testklokke.settKlokke;
import static no.vareunge.Testklokke.tidspunkt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import no.vareunge.Forslag;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import no.vareunge.varsling.Varsel;
import no.vareunge.varsling.Varselhendelse;
import no.vareunge.varsling.Varsellogg;
import no.vareunge.varsling.Varselstatus;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The kommune rules for every endpoint of the API: a Larvik board member never sees Horten's
 * packages, figures, tasks or notifications (not even that they exist); programleder and eierstyret
 * see every kommune; without a login everything is a 401.
 */
@VareungeTest
class KommunetilgangHttpTest {

  private static final Date START = tidspunkt(2033, 5, 2);
  private static Pakker pakker;

  private record Pakker(String larvik, String horten, String hortensOppgave) {}

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired Varsellogg varsler;

  private RestKlient rest;

  @BeforeEach
  void forbered() {
    TestBrukere.opprett(identity);
    rest = new RestKlient(port);
    if (pakker == null) {
      pakker = seed();
    }
    // Both assessments (due after 14 days) are overdue.
    settKlokke(pluss(START, "P20D"));
  }

  @AfterEach
  void rydd() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  private Pakker seed() {
    ArbeidspakkeDriver driver = new ArbeidspakkeDriver(engine);
    settKlokke(START);
    ProcessInstance larvik = driver.startForslag(AP_LARVIK, Forslag.gyldig());
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("kommune", "horten");
    ProcessInstance horten = driver.startForslag(AP_HORTEN, forslag);
    String larviksReferanse = referanse(larvik);
    String hortensReferanse = referanse(horten);
    for (ProcessInstance pakke : List.of(larvik, horten)) {
      varsler.registrer(new Varsel(Varselhendelse.NY_OPPGAVE, referanse(pakke), pakke.getId(), "mottaker",
          "Ny oppgave", Varselstatus.SENDT, 1, START));
    }
    return new Pakker(larviksReferanse, hortensReferanse, driver.oppgave(horten, "Task_VurderForslag").getId());
  }

  private String referanse(ProcessInstance pakke) {
    return (String) engine.getRuntimeService().getVariable(pakke.getId(), "referanse");
  }

  @Test
  void styremedlemILarvikSerBareLarvik() throws Exception {
    assertThat(referanser("/api/arbeidspakker?tekst=" + pakker.larvik(), STYRE_LARVIK)).containsExactly(pakker.larvik());
    assertThat(referanser("/api/arbeidspakker?tekst=" + pakker.horten(), STYRE_LARVIK)).isEmpty();
    assertThat(ok(rest.get("/api/arbeidspakker?antallPerSide=200", STYRE_LARVIK)).path("treff")
        .findValuesAsText("kommune")).isNotEmpty().containsOnly("larvik");

    HttpResponse<String> hortens = rest.get("/api/arbeidspakker/" + pakker.horten(), STYRE_LARVIK);
    assertThat(hortens.statusCode()).isEqualTo(404);
    // The same answer as for a package that does not exist: nothing tells that it does.
    assertThat(RestKlient.json(hortens).path("detail").asText())
        .isEqualTo("Fant ingen arbeidspakke med referansen «" + pakker.horten() + "».");
    assertThat(rest.get("/api/arbeidspakker/" + pakker.larvik(), STYRE_LARVIK).statusCode()).isEqualTo(200);

    assertThat(ok(rest.get("/api/portefolje/oppsummering", STYRE_LARVIK)).path("kommuner")
        .findValuesAsText("kommune")).containsExactly("larvik");

    JsonNode forfalte = ok(rest.get("/api/oppgaver/forfalte?maks=500", STYRE_LARVIK));
    assertThat(forfalte.path("treff").findValuesAsText("referanse")).contains(pakker.larvik())
        .doesNotContain(pakker.horten());
    assertThat(forfalte.path("treff").findValuesAsText("kommune")).containsOnly("larvik");

    assertThat(ok(rest.get("/api/varsler", STYRE_LARVIK)).findValuesAsText("referanse")).contains(pakker.larvik())
        .doesNotContain(pakker.horten());
    assertThat(ok(rest.get("/api/varsler?referanse=" + pakker.horten(), STYRE_LARVIK))).isEmpty();

    HttpResponse<String> fullfor = rest.postJson("/api/oppgaver/" + pakker.hortensOppgave() + "/fullfor",
        STYRE_LARVIK, Map.of("vurdering", "komplett"));
    assertThat(fullfor.statusCode()).as(fullfor.body()).isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/arbeidspakker?kommune=horten", "/api/oppgaver/forfalte?kommune=horten"})
  void kommunefilterUtenforEgneKommunerGir403(String sti) throws Exception {
    HttpResponse<String> svar = rest.get(sti, STYRE_LARVIK);

    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(403);
    assertThat(svar.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(RestKlient.json(svar).path("detail").asText()).isEqualTo("Du har ikke tilgang til kommunen «horten».");
  }

  @ParameterizedTest
  @ValueSource(strings = {PROGRAMLEDER, EIERSTYRET})
  void programlederOgEierstyretSerAlleKommuner(String bruker) throws Exception {
    for (String referanse : List.of(pakker.larvik(), pakker.horten())) {
      assertThat(referanser("/api/arbeidspakker?tekst=" + referanse, bruker)).containsExactly(referanse);
      assertThat(rest.get("/api/arbeidspakker/" + referanse, bruker).statusCode()).isEqualTo(200);
    }
    assertThat(ok(rest.get("/api/portefolje/oppsummering", bruker)).path("kommuner").findValuesAsText("kommune"))
        .contains("larvik", "sandefjord", "tonsberg", "faerder", "horten", "holmestrand");
    assertThat(ok(rest.get("/api/oppgaver/forfalte?kommune=horten&maks=500", bruker)).path("treff")
        .findValuesAsText("referanse")).contains(pakker.horten());
    assertThat(ok(rest.get("/api/oppgaver/forfalte?kommune=larvik&maks=500", bruker)).path("treff")
        .findValuesAsText("referanse")).contains(pakker.larvik());
    assertThat(ok(rest.get("/api/varsler", bruker)).findValuesAsText("referanse"))
        .contains(pakker.larvik(), pakker.horten());
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /api/arbeidspakker", "GET /api/arbeidspakker/AP-2026-LAR-001",
      "GET /api/portefolje/oppsummering", "GET /api/oppgaver/forfalte", "GET /api/varsler",
      "POST /api/oppgaver/1/fullfor", "GET /api/dokumentasjon", "GET /api/dokumentasjon/openapi",
      "GET /api/swagger-ui/index.html", "GET /api/finnes-ikke"})
  void utenInnloggingGir401(String kall) throws Exception {
    String[] deler = kall.split(" ");
    for (String bruker : new String[] {null, "finnes.ikke"}) {
      HttpResponse<String> svar = rest.send(deler[0], deler[1], bruker, "application/json", "{}");

      assertThat(svar.statusCode()).as(kall + " " + bruker).isEqualTo(401);
      assertThat(svar.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
      assertThat(svar.headers().firstValue("Content-Type")).hasValueSatisfying(
          v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(RestKlient.json(svar).path("detail").asText())
          .isEqualTo("Du må logge inn: med et tilgangstoken (Bearer) eller brukernavn og passord (HTTP Basic).");
    }
  }

  private List<String> referanser(String sti, String bruker) throws Exception {
    return ok(rest.get(sti, bruker)).path("treff").findValuesAsText("referanse");
  }

  private static JsonNode ok(HttpResponse<String> svar) throws Exception {
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    return RestKlient.json(svar);
  }
}
