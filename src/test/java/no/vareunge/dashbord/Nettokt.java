package no.vareunge.dashbord;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser session without a browser: cookies kept, redirects not followed, forms posted with their token. */
final class Nettokt {

  private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");

  private final String base;
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  Nettokt(int port) {
    this.base = "http://localhost:" + port;
  }

  HttpResponse<String> hent(String sti) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + sti)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> send(String sti, Map<String, String> felt) throws Exception {
    String skjema = felt.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return http.send(HttpRequest.newBuilder(URI.create(base + sti))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(skjema)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Fills in and submits the login page as a person would. */
  HttpResponse<String> loggInn(String bruker, String passord) throws Exception {
    Map<String, String> felt = new LinkedHashMap<>();
    felt.put("_csrf", token(hent("/logginn").body()));
    felt.put("brukernavn", bruker);
    felt.put("passord", passord);
    return send("/logginn", felt);
  }

  static String token(String side) {
    Matcher m = TOKEN.matcher(side);
    if (!m.find()) {
      throw new AssertionError("Skjemaet har ingen token: " + side);
    }
    return m.group(1);
  }
}
