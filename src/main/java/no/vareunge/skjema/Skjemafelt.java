package no.vareunge.skjema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One data field of a Camunda Form with the constraints the form declares. Read from the
 * {@code .form} file, which is the single source of truth for these rules. {@code minAntall} is
 * the custom property of that name on a dynamic list: form-js cannot count rows itself, so the
 * form states it as a property, which Camunda Modeler shows and edits.
 */
public record Skjemafelt(
    String key,
    String etikett,
    String type,
    String undertype,
    boolean pakrevd,
    Integer minLengde,
    Integer maksLengde,
    BigDecimal min,
    BigDecimal maks,
    boolean heltall,
    Map<String, String> verdier,
    boolean skrivebeskyttet,
    String skjulHvis,
    List<Skjemafelt> underfelt,
    int minAntall,
    String monster,
    String unik,
    String finnes) {

  /** «Etikett» (key): how a message names the field, for people and for REST callers. */
  public String navn() {
    return "«" + etikett + "» (" + key + ")";
  }

  public boolean harFasteVerdier() {
    return verdier != null && !verdier.isEmpty();
  }

  /** A list whose rows a form shows as numbered fields {@code <liste>.<rad>.<felt>}, see SkjemaLeser. */
  static Skjemafelt liste(String key, String etikett, int minAntall, List<Skjemafelt> kolonner) {
    return new Skjemafelt(key, etikett, "dynamiclist", null, false, null, null, null, null, false, Map.of(), false,
        null, List.copyOf(kolonner), minAntall, null, null, null);
  }

  /** The same field under another key and label. */
  Skjemafelt somKolonne(String nyKey, String nyEtikett) {
    return new Skjemafelt(nyKey, nyEtikett, type, undertype, pakrevd, minLengde, maksLengde, min, maks, heltall, verdier,
        skrivebeskyttet, skjulHvis, underfelt, minAntall, monster, unik, finnes);
  }
}
