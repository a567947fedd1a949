package no.vareunge.skjema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The form-declared rules {@code validate.pattern} and the custom properties {@code unik} and
 * {@code finnes}, against the onboarding forms and a register given as a set.
 */
class SkjemaOppslagTest {

  private static final Map<String, Set<String>> REGISTRE = Map.of(
      "kommune.id", Set.of("larvik"), "kommune.kode", Set.of("LAR"), "bruker", Set.of("kari"));

  private final SkjemaValidator validator = new SkjemaValidator((uttrykk, verdier) -> false,
      (register, verdi) -> REGISTRE.get(register).contains(verdi));

  private static Skjema les(String id) throws IOException {
    try (InputStream inn = Files.newInputStream(Path.of("forms", id + ".form"))) {
      return new SkjemaLeser().les(inn);
    }
  }

  private static Map<String, Object> start(String id, String kode) {
    return Map.of("kommunenavn", "Skien", "kommuneId", id, "kommunekode", kode, "fylke", "telemark");
  }

  @Test
  void nyKommuneMedRiktigFormatGarGjennom() throws IOException {
    assertThat(validator.valider(les("innfasing-kommune-start"), start("skien", "SKI"), Map.of()).feil()).isEmpty();
  }

  @Test
  void kommuneOgKodeSomFinnesAvvises() throws IOException {
    assertThat(validator.valider(les("innfasing-kommune-start"), start("larvik", "LAR"), Map.of()).feil())
        .containsExactly("«Kommune-id» (kommuneId) «larvik» er allerede i bruk.",
            "«Kode i referansen» (kommunekode) «LAR» er allerede i bruk.");
  }

  @Test
  void monsteretGjelderOgEtFeilFormatSlaesIkkeOpp() throws IOException {
    assertThat(validator.valider(les("innfasing-kommune-start"), start("Larvik", "lar"), Map.of()).feil())
        .containsExactly(
            "«Kommune-id» (kommuneId) har ikke riktig format: «Larvik» passer ikke mønsteret ^[a-z]{2,40}$.",
            "«Kode i referansen» (kommunekode) har ikke riktig format: «lar» passer ikke mønsteret ^[A-Z]{3}$.");
  }

  @Test
  void brukereIListerMaFinnes() throws IOException {
    Map<String, Object> styre = Map.of("styremedlemmer", List.of(
        Map.of("brukernavn", "kari", "rolle", "oppvekstsjef"), Map.of("brukernavn", "ola", "rolle", "annet")));
    assertThat(validator.valider(les("innfasing-lokalt-styre"), styre, Map.of()).feil()).containsExactly(
        "«Styremedlemmer» (styremedlemmer) rad 2: «Brukernavn» (brukernavn) «ola» finnes ikke.");
    assertThat(validator.valider(les("innfasing-lokal-leder"), Map.of("lokalLeder", "kari"), Map.of()).feil())
        .isEmpty();
  }

  @Test
  void etSkjemaSomViserTilEtRegisterKreverOppslag() throws IOException {
    SkjemaValidator utenRegistre = new SkjemaValidator((uttrykk, verdier) -> false);
    Skjema skjema = les("innfasing-lokal-leder");
    assertThatThrownBy(() -> utenRegistre.valider(skjema, Map.of("lokalLeder", "kari"), Map.of()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void monsterLesesFraValidate() {
    String skjema = """
        {"id": "x", "components": [{"type": "textfield", "key": "a", "label": "A",
          "validate": {"pattern": "^[0-9]+$"}, "properties": {"unik": "kommune.id", "finnes": "bruker"}}]}""";
    Skjemafelt felt = new SkjemaLeser().les(new ByteArrayInputStream(skjema.getBytes(StandardCharsets.UTF_8)))
        .felt("a").orElseThrow();
    assertThat(felt.monster()).isEqualTo("^[0-9]+$");
    assertThat(felt.unik()).isEqualTo("kommune.id");
    assertThat(felt.finnes()).isEqualTo("bruker");
  }
}
