package no.vareunge.skjema;

import org.springframework.http.HttpStatus;
import no.vareunge.api.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only the value types the forms use reach the engine, on every route of the REST API and of the
 * web apps' copy of it: text, numbers, yes/no, dates, JSON and null. A variable of type Object
 * names a Java class the caller picks, which the engine would store and later try to build (a
 * package stuck with a 500, at worst code run on the server); File, Bytes and Xml are not used
 * either. Refused with 400 and a Norwegian message before anything is stored, as are uploads
 * (multipart) other than a deployment. The engine's own check of deserialized classes is on as well
 * ({@code deserialization-type-validation-enabled}).
 */
public class Verditypefilter extends OncePerRequestFilter {

  static final Set<String> TILLATTE = Set.of("", "string", "boolean", "integer", "long", "short", "double", "date",
      "json", "null");
  private static final Set<String> MED_KROPP = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !MED_KROPP.contains(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String innholdstype = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase(Locale.ROOT);
    if (innholdstype.startsWith("multipart/") && !sti(request).endsWith("/deployment/create")) {
      avvis(response, "Filer og binære verdier kan ikke lastes opp her. Bruk skjemaene.");
      return;
    }
    byte[] kropp = request.getInputStream().readAllBytes();
    Optional<String> feil = ulovligType(kropp);
    if (feil.isPresent()) {
      avvis(response, feil.get());
      return;
    }
    chain.doFilter(new LestForesporsel(request, kropp), response);
  }

  /** The first variable value of a type the forms do not use, anywhere in a JSON body. */
  Optional<String> ulovligType(byte[] kropp) {
    if (kropp.length == 0) {
      return Optional.empty();
    }
    JsonNode rot;
    try {
      rot = json.readTree(kropp);
    } catch (IOException e) {
      return Optional.empty(); // not JSON: the REST API answers that itself
    }
    return ulovligType(rot, null);
  }

  private static Optional<String> ulovligType(JsonNode node, String navn) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isObject() && node.path("type").isTextual() && (node.has("value") || node.has("valueInfo"))) {
      String type = node.get("type").asText().strip().toLowerCase(Locale.ROOT);
      if (!TILLATTE.contains(type)) {
        return Optional.of("Verdien" + (navn == null ? "" : " «" + navn + "»") + " har typen «" + node.get("type").asText()
            + "», som skjemaene ikke bruker. Tillatt er tekst, tall, ja/nei, dato og JSON.");
      }
    }
    if (node.isContainerNode()) {
      for (var felt : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
        Optional<String> funnet = ulovligType(felt.getValue(), node.isObject() ? felt.getKey() : navn);
        if (funnet.isPresent()) {
          return funnet;
        }
      }
      if (node.isArray()) {
        for (JsonNode element : node) {
          Optional<String> funnet = ulovligType(element, navn);
          if (funnet.isPresent()) {
            return funnet;
          }
        }
      }
    }
    return Optional.empty();
  }

  private void avvis(HttpServletResponse response, String melding) throws IOException {
    Problem.skriv(response, HttpStatus.BAD_REQUEST, melding, true);
  }

  private static String sti(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }
}
