package no.vareunge.tilgang;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import no.vareunge.Nettokt;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web apps' session cookie cannot be read by scripts nor sent along by other sites, and behind an
 * https proxy it is only sent over https, with HSTS.
 */
@VareungeTest
class OktHttpTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  private final HttpClient klient = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void oktkapselenErHttpOnlyOgSameSite() throws Exception {
    List<String> kapsler = loggInn(false).headers().allValues("Set-Cookie");
    assertThat(kapsler).filteredOn(k -> k.startsWith("JSESSIONID=")).isNotEmpty()
        .allSatisfy(k -> assertThat(k).contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
            .doesNotContainIgnoringCase("Secure"));
  }

  @Test
  void bakEnHttpsProxyErOktkapselenSecureOgSvaretHarHsts() throws Exception {
    HttpResponse<String> innlogging = loggInn(true);
    assertThat(innlogging.headers().allValues("Set-Cookie")).filteredOn(k -> k.startsWith("JSESSIONID=")).isNotEmpty()
        .allSatisfy(k -> assertThat(k).contains("Secure", "HttpOnly"));
    assertThat(innlogging.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
        v -> assertThat(v).contains("max-age="));
  }

  @Test
  void oktenFarNyIdVedInnlogging() throws Exception {
    HttpResponse<String> side = side(false);
    HttpResponse<String> innlogging = loggInn(false, side);
    assertThat(okt(innlogging)).isNotBlank().isNotEqualTo(okt(side));
  }

  /**
   * Signs in on the login page as the browser does; {@code https}: as if through a proxy that ends
   * https. The cookies are passed on by hand: a client talking plain http would keep back those
   * marked Secure.
   */
  private HttpResponse<String> loggInn(boolean https) throws Exception {
    return loggInn(https, side(https));
  }

  private HttpResponse<String> side(boolean https) throws Exception {
    TestBrukere.opprett(identity);
    return klient.send(proxy(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logginn")), https)
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> loggInn(boolean https, HttpResponse<String> side) throws Exception {
    String skjema = "brukernavn=" + URLEncoder.encode(TestBrukere.AP_LARVIK, StandardCharsets.UTF_8)
        + "&passord=" + URLEncoder.encode(TestBrukere.PASSORD, StandardCharsets.UTF_8)
        + "&_csrf=" + URLEncoder.encode(Nettokt.token(side.body()), StandardCharsets.UTF_8);
    HttpResponse<String> innlogging = klient.send(proxy(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/logginn")), https)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", "JSESSIONID=" + okt(side))
        .POST(HttpRequest.BodyPublishers.ofString(skjema)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(innlogging.statusCode()).as(innlogging.body()).isEqualTo(302);
    return innlogging;
  }

  private static String okt(HttpResponse<String> svar) {
    return svar.headers().allValues("Set-Cookie").stream().filter(k -> k.startsWith("JSESSIONID="))
        .map(k -> k.substring("JSESSIONID=".length(), k.indexOf(';') < 0 ? k.length() : k.indexOf(';')))
        .findFirst().orElse("");
  }

  private static HttpRequest.Builder proxy(HttpRequest.Builder foresporsel, boolean https) {
    return https ? foresporsel.header("X-Forwarded-Proto", "https") : foresporsel;
  }
}
