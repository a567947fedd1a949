package no.vareunge;

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

/**
 * A browser session without a browser: cookies kept, redirects not followed, forms posted with
 * their CSRF token, the web apps' API called with their XSRF header, as a browser does.
 */
public final class Nettokt {

  private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_=-]+)\"");
  private static final Pattern SIDETOKEN = Pattern.compile("name=\"_csrf\" content=\"([A-Za-z0-9_=-]+)\"");

  private final String base;
  private final Map<String, String> hoder;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
  private String xsrf;

  public Nettokt(int port) {
    this(port, Map.of());
  }

  /** With extra headers on every request, e.g. {@code X-Forwarded-Proto: https} as from a proxy. */
  public Nettokt(int port, Map<String, String> hoder) {
    this.base = "http://localhost:" + port;
    this.hoder = Map.copyOf(hoder);
  }

  public HttpResponse<String> hent(String sti) throws Exception {
    return send(foresporsel(sti).header("Accept", "text/html,application/json").GET());
  }

  public HttpResponse<String> send(String sti, Map<String, String> felt) throws Exception {
    String skjema = felt.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(foresporsel(sti).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(skjema)));
  }

  /** Fills in and submits the login page as a person would. */
  public HttpResponse<String> loggInn(String bruker, String passord) throws Exception {
    Map<String, String> felt = new LinkedHashMap<>();
    felt.put("_csrf", token(hent("/logginn").body()));
    felt.put("brukernavn", bruker);
    felt.put("passord", passord);
    return send("/logginn", felt);
  }

  /** A web app's API as its pages call it, with the web apps' own CSRF header. */
  public HttpResponse<String> postTilWebapp(String sti, String json) throws Exception {
    if (xsrf == null) {
      xsrf = hent("/camunda/app/tasklist/default/").headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    }
    HttpResponse<String> svar = send(foresporsel(sti).header("Content-Type", "application/json")
        .header("Accept", "application/json").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    svar.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> xsrf = t);
    return svar;
  }

  /** Sends JSON as a page's script does: with the page's CSRF token in its header, asking for JSON back. */
  public HttpResponse<String> sendJson(String sti, String json, String csrf) throws Exception {
    HttpRequest.Builder b = foresporsel(sti).header("Content-Type", "application/json")
        .header("Accept", "application/json");
    if (csrf != null) {
      b.header("X-CSRF-TOKEN", csrf);
    }
    return send(b.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** The CSRF token a work page gives its scripts ({@code <meta name="_csrf">}). */
  public static String sidetoken(String side) {
    Matcher m = SIDETOKEN.matcher(side);
    if (!m.find()) {
      throw new AssertionError("Siden har ingen token: " + side);
    }
    return m.group(1);
  }

  public static String token(String side) {
    Matcher m = TOKEN.matcher(side);
    if (!m.find()) {
      throw new AssertionError("Skjemaet har ingen token: " + side);
    }
    return m.group(1);
  }

  private HttpRequest.Builder foresporsel(String sti) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + sti));
    hoder.forEach(b::header);
    return b;
  }

  private HttpResponse<String> send(HttpRequest.Builder foresporsel) throws Exception {
    return http.send(foresporsel.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
