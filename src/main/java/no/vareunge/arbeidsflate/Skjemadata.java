package no.vareunge.arbeidsflate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * What a page gives the browser's form renderer: the deployed Camunda Form as it is (the one
 * source of its rules) and the values to fill it with, as plain JSON.
 */
@Component
class Skjemadata {

  private final ObjectMapper json;

  Skjemadata(ObjectMapper json) {
    this.json = json;
  }

  JsonNode skjema(InputStream fil) {
    try (InputStream innhold = fil) {
      return json.readTree(innhold);
    } catch (IOException e) {
      throw new UncheckedIOException("Skjemaet kunne ikke leses", e);
    }
  }

  /**
   * The page's data block: {@code {"skjema": …, "verdier": …}}, written into a script element. The
   * characters that could end that element or start markup occur only inside JSON strings, where
   * their escapes mean the same, so a value can never break out of it.
   */
  String forSiden(JsonNode skjema, ObjectNode verdier) {
    try {
      return json.writeValueAsString(Map.of("skjema", skjema, "verdier", verdier))
          .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The variables a form can show or use in its conditions, as JSON: text, numbers, yes/no and
   * JSON values (lists). Others (files, Java objects) are never part of a form and are left out.
   */
  ObjectNode verdier(VariableMap variabler) {
    ObjectNode verdier = json.createObjectNode();
    for (String navn : variabler.keySet()) {
      TypedValue verdi = variabler.getValueTyped(navn);
      Object v = verdi.getValue();
      if (v instanceof String || v instanceof Number || v instanceof Boolean) {
        verdier.set(navn, json.valueToTree(v));
      } else if (v instanceof SpinJsonNode spin) {
        try {
          verdier.set(navn, json.readTree(spin.toString()));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("Variabelen «" + navn + "» er ikke gyldig JSON", e);
        }
      }
    }
    return verdier;
  }
}
