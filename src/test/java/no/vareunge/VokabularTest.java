package no.vareunge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.vareunge.arbeidspakke.Pilotstatus;
import no.vareunge.vedtak.Utfall;
import org.junit.jupiter.api.Test;

/**
 * The code's vocabularies are the forms' own: the values and labels of the choice fields they
 * stand for, so that a value added to a form, or renamed, fails here instead of showing as a raw
 * value in an overview or a report.
 */
class VokabularTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void pilotstatusErFremdriftsrapportensTrafikklys() throws IOException {
    List<JsonNode> valg = valg("fremdriftsrapport", "pilotstatus");
    assertThat(valg).extracting(v -> v.path("value").asText())
        .containsExactlyInAnyOrderElementsOf(Pilotstatus.VERDIER);
    for (JsonNode v : valg) {
      // «Grønn – i rute»: the form explains what the colour means.
      assertThat(v.path("label").asText()).startsWith(Pilotstatus.tekst(v.path("value").asText()));
    }
  }

  @Test
  void utfalleneErBeslutningsskjemaenesValg() throws IOException {
    Set<String> verdier = new LinkedHashSet<>();
    for (String[] felt : List.of(new String[] {"vedtak-mindre-tiltak", "lederBeslutning"},
        new String[] {"vedtak-lokalt-styre", "styrevedtak"}, new String[] {"vedtak-eierstyre", "eierstyrevedtak"},
        new String[] {"vedtak-videre-drift", "videreDrift"})) {
      for (JsonNode v : valg(felt[0], felt[1])) {
        String verdi = v.path("value").asText();
        verdier.add(verdi);
        assertThat(Utfall.fra(verdi)).as(felt[0] + ": " + verdi).isPresent();
      }
    }
    assertThat(verdier).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(Utfall.values()).map(Utfall::verdi).toList());
  }

  @Test
  void ukjentVerdiVisesSomDenEr() {
    assertThat(Pilotstatus.tekst("lilla")).isEqualTo("lilla");
    assertThat(Utfall.tekst("utsatt")).isEqualTo("utsatt");
    assertThat(Pilotstatus.fra("rod")).contains(Pilotstatus.ROD);
  }

  /** The choices of a form's field, searched through its groups. */
  private static List<JsonNode> valg(String skjema, String key) throws IOException {
    JsonNode felt = finn(JSON.readTree(Path.of("forms", skjema + ".form").toFile()), key);
    assertThat(felt).as(skjema + " har feltet " + key).isNotNull();
    List<JsonNode> valg = new ArrayList<>();
    felt.path("values").forEach(valg::add);
    assertThat(valg).isNotEmpty();
    return valg;
  }

  private static JsonNode finn(JsonNode node, String key) {
    if (key.equals(node.path("key").asText())) {
      return node;
    }
    for (JsonNode barn : node.path("components")) {
      JsonNode funnet = finn(barn, key);
      if (funnet != null) {
        return funnet;
      }
    }
    return null;
  }
}
