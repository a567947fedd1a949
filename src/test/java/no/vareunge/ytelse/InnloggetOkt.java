package no.vareunge.ytelse;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser with a session: logs in on the overview's login page ({@code /logginn}, a form with a
 * hidden token) and then reads pages with the session cookie, as a logged-in user does.
 */
final class InnloggetOkt {

  private static final String INNLOGGING = "/logginn";
  private static final Pattern SKJULT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

  private final int port;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .cookieHandler(new CookieManager()).build();

  InnloggetOkt(int port) {
    this.port = port;
  }

  /** Logs in; an application without the login page is not available. */
  InnloggetOkt loggInn(String bruker, String passord) throws Exception {
    HttpResponse<String> side = http.send(HttpRequest.newBuilder(uri(INNLOGGING)).GET().build(),
        BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (side.statusCode() != 200) {
      throw new Maling.IkkeTilgjengelig("HTTP " + side.statusCode() + " på " + INNLOGGING);
    }
    Map<String, String> skjema = new LinkedHashMap<>();
    Matcher skjult = SKJULT.matcher(side.body());
    while (skjult.find()) {
      skjema.put(skjult.group(1), skjult.group(2));
    }
    skjema.put("brukernavn", bruker);
    skjema.put("passord", passord);
    HttpResponse<String> svar = http.send(HttpRequest.newBuilder(uri(INNLOGGING))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString(skjema.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"))))
        .build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    String videre = svar.headers().firstValue("Location").orElse("");
    if (svar.statusCode() / 100 != 3 || videre.contains(INNLOGGING)) {
      throw new Maling.IkkeTilgjengelig("innloggingen som " + bruker + " ga HTTP " + svar.statusCode());
    }
    return this;
  }

  HttpResponse<String> get(String sti) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(sti)).GET().build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String sti) {
    return URI.create("http://localhost:" + port + sti);
  }
}
