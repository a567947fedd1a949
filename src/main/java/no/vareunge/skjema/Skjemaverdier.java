package no.vareunge.skjema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A form's values as plain JSON ({@code {"styrevedtak": "godkjent", "budsjett": 200000,
 * "partnere": ["nav"]}}, what a form submits without Camunda's variable wrapping): read into the
 * Java values that {@link Skjemaregister#kontroller} checks, and turned into the variables the
 * engine stores, as the REST API stores what Tasklist sends (numbers as Integer, Long or Double,
 * lists and objects as Json).
 */
public final class Skjemaverdier {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Skjemaverdier() {}

  public static Map<String, Object> fraJson(JsonNode svar) throws UgyldigInnsendingException {
    if (svar == null || !svar.isObject()) {
      throw new UgyldigInnsendingException("Innholdet må være et JSON-objekt med skjemaets felt, for eksempel "
          + "{\"styrevedtak\": \"godkjent\"}.");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> verdier = (Map<String, Object>) java(svar);
    return verdier;
  }

  public static VariableMap somVariabler(Map<String, Object> verdier) throws UgyldigInnsendingException {
    VariableMap variabler = Variables.createVariables();
    for (Map.Entry<String, Object> e : verdier.entrySet()) {
      variabler.put(e.getKey(), variabel(e.getKey(), e.getValue()));
    }
    return variabler;
  }

  private static Object variabel(String navn, Object verdi) throws UgyldigInnsendingException {
    if (verdi instanceof List<?> || verdi instanceof Map<?, ?>) {
      try {
        return SpinValues.jsonValue(JSON.writeValueAsString(verdi)).create();
      } catch (JsonProcessingException e) {
        throw new UgyldigInnsendingException("«" + navn + "» kan ikke lagres som JSON.");
      }
    }
    if (verdi instanceof BigInteger heltall) {
      if (heltall.bitLength() < Integer.SIZE) {
        return heltall.intValue();
      }
      if (heltall.bitLength() < Long.SIZE) {
        return heltall.longValue();
      }
      throw new UgyldigInnsendingException("«" + navn + "» er et for stort tall.");
    }
    if (verdi instanceof BigDecimal desimal) {
      double tall = desimal.doubleValue();
      if (Double.isInfinite(tall)) {
        throw new UgyldigInnsendingException("«" + navn + "» er et for stort tall.");
      }
      return tall;
    }
    return verdi;
  }

  /** A JSON value as Java: objects as maps, arrays as lists, numbers exact (BigInteger, BigDecimal). */
  static Object java(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), java(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> liste = new ArrayList<>();
      node.forEach(e -> liste.add(java(e)));
      return liste;
    }
    if (node.isNumber()) {
      return node.isIntegralNumber() ? node.bigIntegerValue() : node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }
}
