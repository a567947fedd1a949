package no.vareunge.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Norwegian texts of the Camunda web apps ({@code locales/nb.json} of Cockpit, Admin,
 * Tasklist and Welcome) against the English ones in the Camunda webjar of this build
 * ({@code camunda-webapp-webjar}, {@code locales/en.json}). After an upgrade of Camunda the test
 * names every new text that still needs a translation, and every text Camunda has dropped.
 */
class OversettelseTest {

  private static final String MAPPE = "META-INF/resources/webjars/camunda/app/";

  /**
   * Texts that are the same in bokmål and English, and so may stay as they are (compared without
   * surrounding blanks and a trailing {@code :} or {@code *}). Everything else identical to English
   * counts as not yet translated.
   */
  private static final Set<String> LIKE_PA_NORSK = Set.of(
      // names of Camunda's products
      "Camunda", "Cockpit", "Camunda Cockpit", "Optimize",
      // abbreviations, a date format, symbols of the search, the empty text of a missing form
      "ID", "OK", "CSV", "JSON", "YYYY-MM-DDTHH:mm:ss", "<", "<=", ">", ">=", "<null>", "",
      // words spelled the same in bokmål
      "Diagram", "Element", "Filter", "GLOBAL", "Minimum", "Operator", "Start", "Status", "System", "Type");

  /** Patterns of moment.js ({@code "L"}, {@code "HH:mm"}) in dateLocales, which need no translation. */
  private static final Pattern DATOMONSTER = Pattern.compile("[LTHhmsDdMYy:./, -]+");

  private static final Pattern PLASSHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "admin", "tasklist", "welcome"})
  void harNorskTekstForHverEngelskTekst(String app) throws IOException {
    URL engelskFil = getClass().getClassLoader().getResource(MAPPE + app + "/locales/en.json");
    assertThat(engelskFil).as("en.json for %s på klassestien", app).isNotNull();
    assertThat(engelskFil.toString()).as("en.json kommer fra Camundas webjar")
        .contains("camunda-webapp-webjar");
    Map<String, Object> engelsk = flat(les(engelskFil));
    URL norskFil = getClass().getClassLoader().getResource(MAPPE + app + "/locales/nb.json");
    assertThat(norskFil).as("nb.json for %s på klassestien", app).isNotNull();
    Map<String, Object> norsk = flat(les(norskFil));

    List<String> mangler = new ArrayList<>();
    List<String> uoversatt = new ArrayList<>();
    List<String> plassholdere = new ArrayList<>();
    engelsk.forEach((nokkel, en) -> {
      if (!norsk.containsKey(nokkel)) {
        mangler.add(nokkel + " = " + en);
        return;
      }
      Object nb = norsk.get(nokkel);
      if (en instanceof String e && nb instanceof String n) {
        if (e.equals(n) && !LIKE_PA_NORSK.contains(e.strip().replaceAll("[:*]$", ""))
            && !(nokkel.startsWith("dateLocales.") && DATOMONSTER.matcher(e).matches())) {
          uoversatt.add(nokkel + " = " + e);
        }
        if (!plassholdere(e).equals(plassholdere(n))) {
          plassholdere.add(nokkel + ": " + plassholdere(e) + " på engelsk, " + plassholdere(n) + " på norsk");
        }
      } else if (!en.getClass().equals(nb.getClass())) {
        mangler.add(nokkel + " (norsk verdi av feil type: " + nb + ")");
      }
    });
    List<String> ekstra = norsk.keySet().stream().filter(n -> !engelsk.containsKey(n)).toList();

    SoftAssertions.assertSoftly(funn -> {
      funn.assertThat(mangler).as("%s: engelske tekster uten norsk oversettelse i nb.json", app).isEmpty();
      funn.assertThat(ekstra).as("%s: nøkler i nb.json som Camunda ikke lenger har", app).isEmpty();
      funn.assertThat(uoversatt).as("%s: tekster i nb.json som fortsatt er på engelsk", app).isEmpty();
      funn.assertThat(plassholdere).as("%s: plassholdere {{…}} som ikke er de samme som på engelsk", app).isEmpty();
    });
  }

  /** The file as JSON; Camunda's English files begin with a UTF-8 byte order mark. */
  private JsonNode les(URL fil) throws IOException {
    try (InputStream inn = fil.openStream()) {
      String tekst = new String(inn.readAllBytes(), StandardCharsets.UTF_8);
      return json.readTree(tekst.startsWith("\uFEFF") ? tekst.substring(1) : tekst);
    }
  }

  /** Every value by its path, e.g. {@code labels.ABORT} or {@code dateLocales.months[0]}. */
  private static Map<String, Object> flat(JsonNode rot) {
    Map<String, Object> verdier = new LinkedHashMap<>();
    flat("", rot, verdier);
    return verdier;
  }

  private static void flat(String sti, JsonNode node, Map<String, Object> verdier) {
    if (node.isObject()) {
      node.properties().forEach(f -> flat(sti.isEmpty() ? f.getKey() : sti + "." + f.getKey(), f.getValue(), verdier));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flat(sti + "[" + i + "]", node.get(i), verdier);
      }
    } else if (node.isTextual()) {
      verdier.put(sti, node.textValue());
    } else {
      verdier.put(sti, node.numberValue() != null ? (Object) node.numberValue() : node.toString());
    }
  }

  /** The placeholders of a text, sorted, without the blanks inside the braces. */
  private static List<String> plassholdere(String tekst) {
    List<String> funnet = new ArrayList<>();
    Matcher m = PLASSHOLDER.matcher(tekst);
    while (m.find()) {
      funnet.add(m.group(1).replace(" ", ""));
    }
    funnet.sort(null);
    return funnet;
  }
}
