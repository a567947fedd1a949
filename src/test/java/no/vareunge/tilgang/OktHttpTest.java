package no.vareunge.tilgang;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web apps' session cookie cannot be read by scripts nor sent along by other sites. */
@VareungeTest
class OktHttpTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @Test
  void oktkapselenErHttpOnlyOgSameSite() throws Exception {
    TestBrukere.opprett(identity);
    HttpClient klient = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> side = klient.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    String skjema = "username=" + URLEncoder.encode(TestBrukere.AP_LARVIK, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(TestBrukere.PASSORD, StandardCharsets.UTF_8);

    HttpResponse<String> innlogging = klient.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", side.headers().firstValue("X-XSRF-TOKEN").orElseThrow())
        .POST(HttpRequest.BodyPublishers.ofString(skjema)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(innlogging.statusCode()).isEqualTo(200);
    List<String> kapsler = innlogging.headers().allValues("Set-Cookie");
    assertThat(kapsler).filteredOn(k -> k.startsWith("JSESSIONID=")).isNotEmpty()
        .allSatisfy(k -> assertThat(k).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
  }
}
