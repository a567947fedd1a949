package no.vareunge.rapportering;

import static no.vareunge.TestBrukere.EIERSTYRET;
import static no.vareunge.TestBrukere.LEDER_LARVIK;
import static no.vareunge.TestBrukere.PROGRAMLEDER;
import static no.vareunge.Testklokke.settKlokke;
import static no.vareunge.Testklokke.tidspunkt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The board reports over HTTP: the list and the downloads for programleder and eierstyret only,
 * drafts for programleder only, errors as Norwegian problem details (RFC 7807), and the approval
 * form's rule that a new draft needs a reason, enforced by the server.
 */
@VareungeTest
class StyrerapportHttpTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired Rapportarkiv arkiv;

  private StyrerapportDriver driver;

  @BeforeEach
  void forbered() {
    TestBrukere.opprett(engine.getIdentityService());
    driver = new StyrerapportDriver(engine);
  }

  @AfterEach
  void rydd() {
    ClockUtil.reset();
  }

  @Test
  void programlederOgEierstyretLasterNedDeArkiverteRapportene() {
    long id = driver.helVeien(tidspunkt(2038, 11, 2));
    Styrerapport rapport = arkiv.hent(id).orElseThrow();
    assertThat(rapport.navn()).isEqualTo("styrerapport-2038-11");

    for (String bruker : new String[] {PROGRAMLEDER, EIERSTYRET}) {
      ResponseEntity<JsonNode> liste = som(bruker).getForEntity("/api/rapporter", JsonNode.class);
      assertThat(liste.getStatusCode()).isEqualTo(HttpStatus.OK);
      JsonNode rad = null;
      for (JsonNode r : liste.getBody()) {
        if (r.path("id").asLong() == id) {
          rad = r;
        }
      }
      assertThat(rad).as("rapport %s i listen for %s", id, bruker).isNotNull();
      assertThat(rad.path("navn").asText()).isEqualTo("styrerapport-2038-11");
      assertThat(rad.path("status").asText()).isEqualTo("ARKIVERT");
      assertThat(rad.path("godkjentAv").asText()).isEqualTo(PROGRAMLEDER);
      assertThat(rad.path("periodeTil").asText()).startsWith("2038-11-02T09:00");
      assertThat(rad.path("xlsx").asText()).isEqualTo("/api/rapporter/" + id + "/xlsx");
      assertThat(rad.path("pdf").asText()).isEqualTo("/api/rapporter/" + id + "/pdf");
    }

    ResponseEntity<byte[]> xlsx = som(EIERSTYRET).getForEntity("/api/rapporter/" + id + "/xlsx", byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xlsx.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType(Rapportfil.XLSX.innholdstype()));
    assertThat(xlsx.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .startsWith("attachment;").contains("filename=\"styrerapport-2038-11.xlsx\"");
    assertThat(xlsx.getBody()).isEqualTo(arkiv.fil(id, Rapportfil.XLSX).orElseThrow());

    ResponseEntity<byte[]> pdf = som(PROGRAMLEDER).getForEntity("/api/rapporter/" + id + "/pdf", byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(pdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .contains("filename=\"styrerapport-2038-11.pdf\"");
    assertThat(pdf.getBody()).isEqualTo(arkiv.fil(id, Rapportfil.PDF).orElseThrow());
  }

  @Test
  void andreFaar403OgUkjentRapportGir404MedNorskProblembeskrivelse() {
    long id = driver.helVeien(tidspunkt(2038, 12, 1));

    assertThat(http.getForEntity("/api/rapporter", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String sti : new String[] {"/api/rapporter", "/api/rapporter/" + id + "/pdf", "/api/rapporter/" + id + "/xlsx"}) {
      ResponseEntity<JsonNode> avvist = som(LEDER_LARVIK).getForEntity(sti, JsonNode.class);
      assertThat(avvist.getStatusCode()).as(sti).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(avvist.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(avvist.getBody().path("title").asText()).isEqualTo("Ingen tilgang");
      assertThat(avvist.getBody().path("detail").asText())
          .isEqualTo("Bare programleder og eierstyret kan lese styrerapportene.");
      assertThat(avvist.getBody().path("status").asInt()).isEqualTo(403);
    }

    for (String ukjent : new String[] {"987654321", "abc"}) {
      ResponseEntity<JsonNode> ikkeFunnet = som(PROGRAMLEDER).getForEntity("/api/rapporter/" + ukjent + "/pdf",
          JsonNode.class);
      assertThat(ikkeFunnet.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(ikkeFunnet.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(ikkeFunnet.getBody().path("title").asText()).isEqualTo("Finnes ikke");
      assertThat(ikkeFunnet.getBody().path("detail").asText())
          .isEqualTo("Det finnes ingen styrerapport med id «" + ukjent + "» som har PDF-fil.");
    }
  }

  @Test
  void utkastetErForProgramlederAleneOgNyttUtkastKreverBegrunnelse() throws Exception {
    settKlokke(tidspunkt(2039, 1, 2));
    ProcessInstance rapport = driver.bestill(PROGRAMLEDER);
    driver.utfor(rapport, "Task_SammenstillTall");
    long id = driver.rapportId(rapport);

    // Programleder downloads the draft from the approval form; eierstyret does not see it yet.
    assertThat(som(PROGRAMLEDER).getForEntity("/api/rapporter/" + id + "/xlsx", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(som(EIERSTYRET).getForEntity("/api/rapporter/" + id + "/xlsx", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<JsonNode> liste = som(EIERSTYRET).getForEntity("/api/rapporter", JsonNode.class);
    liste.getBody().forEach(r -> assertThat(r.path("id").asLong()).isNotEqualTo(id));

    // Tasklist submits the approval form: «lag ny» without a reason is refused before the engine sees it.
    String oppgave = driver.godkjenning(rapport).getId();
    RestKlient rest = new RestKlient(port);
    HttpResponse<String> uten = rest.post("/engine-rest/task/" + oppgave + "/submit-form", PROGRAMLEDER,
        Map.of("rapportbeslutning", "lagNy"));
    assertThat(uten.statusCode()).as(uten.body()).isEqualTo(400);
    assertThat(RestKlient.melding(uten)).contains("«Hvorfor skal rapporten lages på nytt?» (rapportendring) må fylles ut.");
    assertThat(driver.godkjenning(rapport).getId()).isEqualTo(oppgave);

    HttpResponse<String> med = rest.post("/engine-rest/task/" + oppgave + "/submit-form", PROGRAMLEDER,
        Map.of("rapportbeslutning", "lagNy", "rapportendring", "Ta med vedtakene fra i går."));
    assertThat(med.statusCode()).as(med.body()).isEqualTo(204);
    assertThat(arkiv.hent(id).orElseThrow().kommentar()).isEqualTo("Ta med vedtakene fra i går.");
  }

  private TestRestTemplate som(String bruker) {
    return http.withBasicAuth(bruker, TestBrukere.PASSORD);
  }
}
