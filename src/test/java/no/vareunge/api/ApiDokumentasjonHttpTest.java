package no.vareunge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI description and Swagger UI, behind the API's login (401 without: KommunetilgangHttpTest). */
@VareungeTest
class ApiDokumentasjonHttpTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  private RestKlient rest;

  @BeforeEach
  void forbered() {
    TestBrukere.opprett(identity);
    rest = new RestKlient(port);
  }

  @Test
  void beskrivelsenHarAlleEndepunkteneOgInnloggingen() throws Exception {
    HttpResponse<String> svar = rest.get("/api/dokumentasjon/openapi", TestBrukere.LEDER_LARVIK);

    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    JsonNode openapi = RestKlient.json(svar);
    assertThat(openapi.path("info").path("title").asText()).isEqualTo("Våre unge – programstyring");
    List<String> stier = new ArrayList<>();
    openapi.path("paths").fieldNames().forEachRemaining(stier::add);
    assertThat(stier).contains("/api/arbeidspakker", "/api/arbeidspakker/{referanse}", "/api/portefolje/oppsummering",
        "/api/oppgaver/forfalte", "/api/oppgaver/{id}/fullfor", "/api/varsler").allMatch(s -> s.startsWith("/api/"));
    assertThat(openapi.path("paths").path("/api/arbeidspakker").path("get").path("summary").asText())
        .isEqualTo("Søk i arbeidspakkene");
    assertThat(openapi.path("components").path("securitySchemes").path("basic").path("scheme").asText())
        .isEqualTo("basic");
  }

  @Test
  void swaggerUiLiggerBakSammeInnlogging() throws Exception {
    HttpResponse<String> inngang = rest.get("/api/dokumentasjon", TestBrukere.LEDER_LARVIK);
    assertThat(inngang.statusCode()).isEqualTo(302);
    assertThat(inngang.headers().firstValue("Location")).hasValue("/api/swagger-ui/index.html");

    HttpResponse<String> side = rest.get("/api/swagger-ui/index.html", TestBrukere.LEDER_LARVIK);
    assertThat(side.statusCode()).isEqualTo(200);
    assertThat(side.body()).contains("swagger-ui");
    assertThat(RestKlient.json(rest.get("/api/dokumentasjon/openapi/swagger-config", TestBrukere.LEDER_LARVIK))
        .path("url").asText()).isEqualTo("/api/dokumentasjon/openapi");
  }
}
