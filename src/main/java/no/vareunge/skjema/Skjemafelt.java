package no.vareunge.skjema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One data field of a Camunda Form with the constraints the form declares. Read from the
 * {@code .form} file, which is the single source of truth for these rules. {@code minAntall} is
 * the custom property of that name on a dynamic list: form-js cannot count rows itself, so the
 * form states it as a property, which Camunda Modeler shows and edits. A dynamic list's
 * {@code underfelt} are the fields of each of its rows. {@code monsterfeil} is the form's own
 * message for {@code monster} ({@code validate.patternErrorMessage}), if it has one.
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
    String monsterfeil,
    String unik,
    String finnes) {

  /** «Etikett» (key): how a message for the API and Tasklist names the field (people get {@link Feltfeil}). */
  public String navn() {
    return "«" + etikett + "» (" + key + ")";
  }

  public boolean harFasteVerdier() {
    return verdier != null && !verdier.isEmpty();
  }
}
