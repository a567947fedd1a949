package no.vareunge.skjema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed Camunda Form: its id and its data fields in order. */
public record Skjema(String id, List<Skjemafelt> felt) {

  public Map<String, Skjemafelt> feltEtterKey() {
    Map<String, Skjemafelt> etterKey = new LinkedHashMap<>();
    felt.forEach(f -> etterKey.put(f.key(), f));
    return etterKey;
  }

  public Optional<Skjemafelt> felt(String key) {
    return felt.stream().filter(f -> f.key().equals(key)).findFirst();
  }

  /** The label a form shows for a value of a choice field, or the value itself. */
  public String etikettForVerdi(String key, String verdi) {
    return felt(key).filter(Skjemafelt::harFasteVerdier)
        .map(f -> f.verdier().getOrDefault(verdi, verdi))
        .orElse(verdi);
  }
}
