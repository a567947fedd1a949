package no.vareunge.skjema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the data fields and their constraints out of a Camunda Form (form-js schema): the keyed
 * fields, also those inside groups, and each dynamic list ({@code dynamiclist}) as one field whose
 * key is the list's {@code path} and whose {@code underfelt} are the fields of a row.
 */
public class SkjemaLeser {

  /** Components that show something but carry no data. */
  private static final Set<String> UTEN_DATA = Set.of("text", "html", "image", "spacer", "separator", "button", "iframe", "table");

  private final ObjectMapper json = new ObjectMapper();

  public Skjema les(InputStream innhold) {
    try (innhold) {
      JsonNode rot = json.readTree(innhold);
      List<Skjemafelt> felt = new ArrayList<>();
      samle(rot.path("components"), felt);
      return new Skjema(rot.path("id").asText(), List.copyOf(felt));
    } catch (IOException e) {
      throw new UncheckedIOException("Skjemaet kan ikke leses", e);
    }
  }

  private void samle(JsonNode komponenter, List<Skjemafelt> felt) {
    for (JsonNode komponent : komponenter) {
      String type = komponent.path("type").asText();
      if ("group".equals(type)) {
        // A group only lays out its fields: their data is at the top level of the form.
        samle(komponent.path("components"), felt);
      } else if ("dynamiclist".equals(type)) {
        // One list variable, named by the list's path; its fields are those of every row.
        List<Skjemafelt> underfelt = new ArrayList<>();
        samle(komponent.path("components"), underfelt);
        felt.add(felt(komponent, komponent.path("path").asText(), type, List.copyOf(underfelt)));
      } else if (!UTEN_DATA.contains(type) && komponent.hasNonNull("key")) {
        felt.add(felt(komponent, komponent.get("key").asText(), type, List.of()));
      }
    }
  }

  private Skjemafelt felt(JsonNode k, String key, String type, List<Skjemafelt> underfelt) {
    JsonNode regler = k.path("validate");
    String etikett = tekst(k, "label");
    if (etikett == null) {
      etikett = tekst(k, "dateLabel");
    }
    Map<String, String> verdier = new LinkedHashMap<>();
    for (JsonNode v : k.path("values")) {
      verdier.put(v.path("value").asText(), v.path("label").asText());
    }
    String skjulHvis = tekst(k.path("conditional"), "hide");
    return new Skjemafelt(
        key,
        etikett == null ? key : etikett,
        type,
        tekst(k, "subtype"),
        regler.path("required").asBoolean(false),
        heltall(regler, "minLength"),
        heltall(regler, "maxLength"),
        tall(regler, "min"),
        tall(regler, "max"),
        k.has("decimalDigits") && k.get("decimalDigits").asInt(-1) == 0,
        verdier,
        k.path("readonly").asBoolean(false) || k.path("disabled").asBoolean(false),
        skjulHvis,
        underfelt,
        k.path("properties").path("minAntall").asInt(0),
        tekst(regler, "pattern"),
        tekst(regler, "patternErrorMessage"),
        tekst(k.path("properties"), "unik"),
        tekst(k.path("properties"), "finnes"));
  }

  private static String tekst(JsonNode node, String felt) {
    JsonNode v = node.get(felt);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Integer heltall(JsonNode node, String felt) {
    JsonNode v = node.get(felt);
    return v == null || !v.isNumber() ? null : v.asInt();
  }

  private static BigDecimal tall(JsonNode node, String felt) {
    JsonNode v = node.get(felt);
    return v == null || !v.isNumber() ? null : v.decimalValue();
  }
}
