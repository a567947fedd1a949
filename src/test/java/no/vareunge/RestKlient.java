package no.vareunge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** The REST API with HTTP Basic, with bodies in the format Tasklist sends (lists as type Json). */
public final class RestKlient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public RestKlient(int port) {
    this.port = port;
  }

  public HttpResponse<String> post(String sti, String bruker, Map<String, Object> variabler) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + sti))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", basic(bruker, TestBrukere.PASSORD))
        .POST(BodyPublishers.ofString(tasklist(variabler), StandardCharsets.UTF_8))
        .build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** GET with HTTP Basic; {@code bruker} null: without login. */
  public HttpResponse<String> get(String sti, String bruker) throws Exception {
    return send("GET", sti, bruker, null, null);
  }

  /** A plain JSON body (the application's own API under /api), as JSON text or any object. */
  public HttpResponse<String> postJson(String sti, String bruker, Object kropp) throws Exception {
    return send("POST", sti, bruker, "application/json",
        kropp instanceof String tekst ? tekst : JSON.writeValueAsString(kropp));
  }

  /** Any request: {@code bruker} null is without login, {@code innholdstype} null without a body. */
  public HttpResponse<String> send(String metode, String sti, String bruker, String innholdstype, String kropp)
      throws Exception {
    HttpRequest.Builder foresporsel = HttpRequest.newBuilder(URI.create("http://localhost:" + port + sti))
        .method(metode, kropp == null ? BodyPublishers.noBody() : BodyPublishers.ofString(kropp, StandardCharsets.UTF_8));
    if (innholdstype != null) {
      foresporsel.header("Content-Type", innholdstype);
    }
    if (bruker != null) {
      foresporsel.header("Authorization", basic(bruker, TestBrukere.PASSORD));
    }
    return http.send(foresporsel.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The value of an Authorization header for HTTP Basic. */
  public static String basic(String bruker, String passord) {
    return "Basic " + Base64.getEncoder().encodeToString((bruker + ":" + passord).getBytes(StandardCharsets.UTF_8));
  }

  public static String melding(HttpResponse<String> svar) throws Exception {
    return JSON.readTree(svar.body()).path("message").asText();
  }

  /** The JSON of an answer. */
  public static com.fasterxml.jackson.databind.JsonNode json(HttpResponse<String> svar) throws Exception {
    return JSON.readTree(svar.body());
  }

  public static String felt(HttpResponse<String> svar, String navn) throws Exception {
    return JSON.readTree(svar.body()).path(navn).asText();
  }

  /** The body Tasklist sends: scalars untyped, lists and objects as type Json with a JSON string. */
  public static String tasklist(Map<String, Object> verdier) throws Exception {
    ObjectNode kropp = JSON.createObjectNode();
    ObjectNode variabler = kropp.putObject("variables");
    for (var e : verdier.entrySet()) {
      ObjectNode variabel = variabler.putObject(e.getKey());
      if (e.getValue() instanceof List<?> || e.getValue() instanceof Map<?, ?>) {
        variabel.put("type", "Json").put("value", JSON.writeValueAsString(e.getValue()));
      } else if (e.getValue() instanceof JsonValue json) {
        variabel.put("type", "Json").put("value", json.getValueSerialized());
      } else {
        variabel.set("value", JSON.valueToTree(e.getValue()));
      }
    }
    return kropp.toString();
  }
}
