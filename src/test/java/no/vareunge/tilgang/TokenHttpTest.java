package no.vareunge.tilgang;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.vareunge.Forslag;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.TestIdp;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bearer tokens of the kommune's identity provider on the APIs: a valid token's groups and kommuner
 * come from its claim, through the configured mapping; a token that is missing, expired, from
 * another issuer, for another audience, signed with another key or tampered with is refused with
 * 401, one that maps to no group with 403, each with a Norwegian problem detail, and nothing is
 * started or changed.
 */
@VareungeTest
class TokenHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String START = "/engine-rest/process-definition/key/arbeidspakke/submit-form";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  private final HttpClient http = HttpClient.newHttpClient();
  private String larvik;
  private String horten;

  @BeforeEach
  void pakker() {
    TestBrukere.opprett(engine.getIdentityService());
    ArbeidspakkeDriver driver = new ArbeidspakkeDriver(engine);
    larvik = referanse(driver.startForslag(TestBrukere.AP_LARVIK, Forslag.gyldig()).getId());
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("kommune", "horten");
    horten = referanse(driver.startForslag(TestBrukere.AP_HORTEN, forslag).getId());
  }

  @Test
  void etTokenMedRollenSomGruppenavnSerBareSinKommune() throws Exception {
    String token = TestIdp.token("token.styre.larvik", Map.of(TestIdp.GRUPPER, List.of("styre-larvik")));

    assertThat(referanser(token, larvik)).containsExactly(larvik);
    assertThat(referanser(token, horten)).isEmpty();
  }

  @Test
  void enEntraGruppeGirRollenOgKommunenFraKoblingen() throws Exception {
    String styre = TestIdp.token("token.entra.styre", Map.of(TestIdp.GRUPPER, List.of("entra-gruppe-styre-larvik")));
    assertThat(referanser(styre, larvik)).containsExactly(larvik);
    assertThat(referanser(styre, horten)).isEmpty();

    // An arbeidspakke-leder's kommune comes from the mapping too: the proposal is started in Larvik.
    String ap = TestIdp.token("token.entra.ap", Map.of(TestIdp.GRUPPER, List.of("entra-gruppe-ap-larvik")));
    long for_ = instanser();
    HttpResponse<String> startet = post(START, ap, RestKlient.tasklist(Forslag.gyldig()));
    assertThat(startet.statusCode()).as(startet.body()).isEqualTo(200);
    assertThat(instanser()).isEqualTo(for_ + 1);
    assertThat(engine.getRuntimeService().getVariable(JSON.readTree(startet.body()).path("id").asText(), "innsender"))
        .isEqualTo("token.entra.ap");
  }

  static Stream<Arguments> avvisteTokener() throws Exception {
    Map<String, Object> styre = Map.of(TestIdp.GRUPPER, List.of("styre-larvik", "entra-gruppe-ap-larvik"));
    String gyldig = TestIdp.token("token.avvist", styre);
    String[] deler = gyldig.split("\\.");
    String nyttInnhold = Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(Base64.getUrlDecoder().decode(deler[1]), StandardCharsets.UTF_8)
            .replace("styre-larvik", "programleder").getBytes(StandardCharsets.UTF_8));
    return Stream.of(
        Arguments.of("uten token", null),
        Arguments.of("utløpt", TestIdp.token(TestIdp.UTSTEDER, "token.avvist", TestIdp.KLIENT, styre, -3600)),
        Arguments.of("fra en annen utsteder", TestIdp.token("annen", "token.avvist", TestIdp.KLIENT, styre, 3600)),
        Arguments.of("til en annen mottaker", TestIdp.token(TestIdp.UTSTEDER, "token.avvist", "et-annet-api", styre, 3600)),
        Arguments.of("signert med en annen nøkkel", fremmedSignert(styre)),
        Arguments.of("endret innhold", deler[0] + "." + nyttInnhold + "." + deler[2]),
        Arguments.of("ikke et token", "ikke-et-token"));
  }

  @ParameterizedTest(name = "{0} → 401")
  @MethodSource("avvisteTokener")
  void avvistTokenGir401OgEndrerIngenting(String navn, String token) throws Exception {
    long for_ = instanser();

    HttpResponse<String> lese = get("/api/arbeidspakker?tekst=" + larvik, token);
    HttpResponse<String> starte = post(START, token, RestKlient.tasklist(Forslag.gyldig()));

    for (HttpResponse<String> svar : List.of(lese, starte)) {
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(401);
      assertThat(svar.headers().allValues("WWW-Authenticate")).anySatisfy(v -> assertThat(v).startsWith("Bearer"));
      assertThat(svar.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(svar.body()).doesNotContain(larvik);
      assertThat(JSON.readTree(svar.body()).path("detail").asText()).startsWith(token == null ? "Du må logge inn" : "Tilgangstokenet er ikke gyldig");
    }
    assertThat(instanser()).isEqualTo(for_);
  }

  @Test
  void etGyldigTokenUtenKobletGruppeGir403PaNorsk() throws Exception {
    String token = TestIdp.token("token.uten.rolle", Map.of(TestIdp.GRUPPER, List.of("en-gruppe-programmet-ikke-kjenner")));
    long for_ = instanser();

    for (HttpResponse<String> svar : List.of(get("/api/arbeidspakker?tekst=" + larvik, token),
        post(START, token, RestKlient.tasklist(Forslag.gyldig())))) {
      assertThat(svar.statusCode()).as(svar.body()).isEqualTo(403);
      JsonNode problem = JSON.readTree(svar.body());
      assertThat(problem.path("title").asText()).isEqualTo("Ingen tilgang");
      assertThat(problem.path("detail").asText()).startsWith("Du har ikke tilgang.");
    }
    assertThat(instanser()).isEqualTo(for_);
    assertThat(engine.getIdentityService().createUserQuery().userId("token.uten.rolle").count()).isZero();
  }

  private static String fremmedSignert(Map<String, Object> krav) throws Exception {
    RSAKey nokkel = new RSAKeyGenerator(2048).keyID("fremmed").generate();
    JWTClaimsSet.Builder innhold = new JWTClaimsSet.Builder().issuer(TestIdp.utsteder()).subject("token.avvist")
        .audience(TestIdp.KLIENT).issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 3_600_000));
    krav.forEach(innhold::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("fremmed")
        .type(JOSEObjectType.JWT).build(), innhold.build());
    jwt.sign(new RSASSASigner(nokkel));
    return jwt.serialize();
  }

  private List<String> referanser(String token, String tekst) throws Exception {
    HttpResponse<String> svar = get("/api/arbeidspakker?tekst=" + tekst, token);
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    return JSON.readTree(svar.body()).path("treff").findValuesAsText("referanse");
  }

  private HttpResponse<String> get(String sti, String token) throws Exception {
    return send(medToken(HttpRequest.newBuilder(URI.create("http://localhost:" + port + sti)), token)
        .header("Accept", "application/json").GET());
  }

  private HttpResponse<String> post(String sti, String token, String kropp) throws Exception {
    return send(medToken(HttpRequest.newBuilder(URI.create("http://localhost:" + port + sti)), token)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(kropp, StandardCharsets.UTF_8)));
  }

  private static HttpRequest.Builder medToken(HttpRequest.Builder b, String token) {
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private long instanser() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ArbeidspakkeDriver.PROSESS)
        .count();
  }

  private String referanse(String instans) {
    return (String) engine.getRuntimeService().getVariable(instans, "referanse");
  }
}
