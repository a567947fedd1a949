package no.vareunge.varsling;

import static no.vareunge.TestBrukere.LEDER_LARVIK;
import static no.vareunge.TestBrukere.PROGRAMLEDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * GET /api/varsler over HTTP: login, the filters and the JSON. Which kommune's notifications each
 * role sees is tested with the rest of the API (no.vareunge.portefolje.KommunetilgangHttpTest).
 */
@VareungeTest
class VarselApiHttpTest {

  private static final String REFERANSE = "AP-2033-LAR-API";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identitet;
  @Autowired Varsellogg logg;

  @BeforeEach
  void forbered() {
    TestBrukere.opprett(identitet);
    if (logg.sok(REFERANSE, null, 10).isEmpty()) {
      Date tid = new Date();
      logg.registrer(new Varsel(Varselhendelse.ESKALERING, REFERANSE, "api-test", PROGRAMLEDER, "Forsinket vedtak",
          Varselstatus.SENDT, 1, tid, "api-test/1", "programleder@vareunge.test", "programleder", null));
      logg.registrer(new Varsel(Varselhendelse.ESKALERING, REFERANSE, "api-test", "annen", "Forsinket vedtak",
          Varselstatus.FEILET, 2, tid, "api-test/1", "annen@vareunge.test", "programleder", "Connection refused"));
    }
  }

  @Test
  void utenInnloggingGir401() {
    ResponseEntity<String> svar = http.getForEntity("/api/varsler", String.class);
    assertThat(svar.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(svar.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    // An unknown user (a wrong password for a real one would slow down that user's next logins).
    assertThat(http.withBasicAuth("finnes.ikke", "feil passord").getForEntity("/api/varsler", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void varslerUtenArbeidspakkeErBareForProgramleder() {
    ResponseEntity<JsonNode> svar = http.withBasicAuth(LEDER_LARVIK, TestBrukere.PASSORD)
        .getForEntity("/api/varsler?referanse=" + REFERANSE, JsonNode.class);
    assertThat(svar.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(svar.getBody()).isEmpty();
  }

  @Test
  void programlederLeserLoggenFiltrertPaaReferanseOgStatus() {
    ResponseEntity<JsonNode> alle = http.withBasicAuth(PROGRAMLEDER, TestBrukere.PASSORD)
        .getForEntity("/api/varsler?referanse=" + REFERANSE, JsonNode.class);
    assertThat(alle.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(alle.getBody()).hasSize(2);

    ResponseEntity<JsonNode> feilet = http.withBasicAuth(PROGRAMLEDER, TestBrukere.PASSORD)
        .getForEntity("/api/varsler?referanse=" + REFERANSE + "&status=FEILET", JsonNode.class);
    assertThat(feilet.getBody()).hasSize(1);
    JsonNode rad = feilet.getBody().get(0);
    assertThat(rad.path("hendelse").asText()).isEqualTo("ESKALERING");
    assertThat(rad.path("referanse").asText()).isEqualTo(REFERANSE);
    assertThat(rad.path("mottaker").asText()).isEqualTo("annen");
    assertThat(rad.path("epost").asText()).isEqualTo("annen@vareunge.test");
    assertThat(rad.path("gruppe").asText()).isEqualTo("programleder");
    assertThat(rad.path("emne").asText()).isEqualTo("Forsinket vedtak");
    assertThat(rad.path("status").asText()).isEqualTo("FEILET");
    assertThat(rad.path("forsok").asInt()).isEqualTo(2);
    assertThat(rad.path("melding").asText()).isEqualTo("Connection refused");
    assertThat(rad.path("tidspunkt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
  }

  @Test
  void ukjentStatusGir400() {
    ResponseEntity<JsonNode> svar = http.withBasicAuth(PROGRAMLEDER, TestBrukere.PASSORD)
        .getForEntity("/api/varsler?status=LEST", JsonNode.class);
    assertThat(svar.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(svar.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(svar.getBody().path("detail").asText()).startsWith("Ukjent status «LEST»");
  }
}
