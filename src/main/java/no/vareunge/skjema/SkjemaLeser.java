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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the data fields and their constraints out of a Camunda Form (form-js schema). */
public class SkjemaLeser {

  /** Components that show something but carry no data. */
  private static final Set<String> UTEN_DATA = Set.of("text", "html", "image", "spacer", "separator", "button", "iframe", "table");

  private static final Pattern RAD = Pattern.compile("([A-Za-z0-9_]+)\\.(\\d+)\\.([A-Za-z0-9_]+)");

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
        List<Skjemafelt> innhold = new ArrayList<>();
        samle(komponent.path("components"), innhold);
        felt.addAll(medRadlister(komponent, innhold));
      } else if ("dynamiclist".equals(type)) {
        List<Skjemafelt> underfelt = new ArrayList<>();
        samle(komponent.path("components"), underfelt);
        felt.add(felt(komponent, komponent.path("path").asText(), type, List.copyOf(underfelt)));
      } else if (!UTEN_DATA.contains(type) && komponent.hasNonNull("key")) {
        felt.add(felt(komponent, komponent.get("key").asText(), type, List.of()));
      }
    }
  }

  /**
   * A group of numbered rows, keys {@code malparametere.0.navn}, {@code malparametere.1.navn} …,
   * is one list variable {@code malparametere}: form-js fills and submits such keys as a list.
   * (Tasklist 7.24 cannot submit a form-js dynamic list after it has been edited, so the forms
   * use numbered rows.) The first row's fields give the rules of every row that is filled in;
   * the group's custom property {@code minAntall} how many rows must be.
   */
  private static List<Skjemafelt> medRadlister(JsonNode gruppe, List<Skjemafelt> innhold) {
    List<Skjemafelt> felt = new ArrayList<>();
    Map<String, List<Skjemafelt>> lister = new LinkedHashMap<>();
    for (Skjemafelt f : innhold) {
      Matcher rad = RAD.matcher(f.key());
      if (!rad.matches()) {
        felt.add(f);
      } else if ("0".equals(rad.group(2))) {
        String etikett = f.etikett().replaceFirst(" 1$", "");
        lister.computeIfAbsent(rad.group(1), l -> new ArrayList<>()).add(f.somKolonne(rad.group(3), etikett));
      }
    }
    String etikett = tekst(gruppe, "label");
    int minAntall = gruppe.path("properties").path("minAntall").asInt(0);
    lister.forEach((liste, kolonner) ->
        felt.add(Skjemafelt.liste(liste, etikett == null ? liste : etikett, minAntall, kolonner)));
    return felt;
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
