package no.vareunge.skjema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@code variables} of a Camunda REST request ({@code {"navn": {"value": …, "type": …}}})
 * into the Java values the engine would store, so that they can be checked before the engine
 * sees them.
 */
final class InnsendteVerdier {

  private static final Set<String> JSON_TYPER = Set.of("json");
  private static final Set<String> TALLTYPER = Set.of("integer", "long", "short", "double");

  private final ObjectMapper json;

  InnsendteVerdier(ObjectMapper json) {
    this.json = json;
  }

  Map<String, Object> les(JsonNode variabler) throws UgyldigInnsendingException {
    Map<String, Object> verdier = new LinkedHashMap<>();
    if (variabler == null || variabler.isNull()) {
      return verdier;
    }
    if (!variabler.isObject()) {
      throw new UgyldigInnsendingException("«variables» må være et objekt.");
    }
    for (var felt : (Iterable<Map.Entry<String, JsonNode>>) variabler::fields) {
      verdier.put(felt.getKey(), verdi(felt.getKey(), felt.getValue()));
    }
    return verdier;
  }

  private Object verdi(String navn, JsonNode dto) throws UgyldigInnsendingException {
    if (!dto.isObject()) {
      throw new UgyldigInnsendingException("Variabelen «" + navn + "» må ha formen {\"value\": …}.");
    }
    String type = dto.path("type").asText("").toLowerCase();
    JsonNode v = dto.get("value");
    if (v == null || v.isNull()) {
      return null;
    }
    if (JSON_TYPER.contains(type) && v.isTextual()) {
      try {
        return Skjemaverdier.java(json.readTree(v.asText()));
      } catch (JsonProcessingException e) {
        throw new UgyldigInnsendingException("Variabelen «" + navn + "» er ikke gyldig JSON.");
      }
    }
    if ("string".equals(type)) {
      return v.isValueNode() ? v.asText() : Skjemaverdier.java(v);
    }
    if (TALLTYPER.contains(type) && v.isTextual()) {
      try {
        return new BigDecimal(v.asText().trim());
      } catch (NumberFormatException e) {
        return v.asText();
      }
    }
    if ("boolean".equals(type) && v.isTextual() && Set.of("true", "false").contains(v.asText())) {
      return Boolean.valueOf(v.asText());
    }
    return Skjemaverdier.java(v);
  }
}
