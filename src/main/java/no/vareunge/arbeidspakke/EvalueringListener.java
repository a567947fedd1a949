package no.vareunge.arbeidspakke;

import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.ANBEFALING;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.TIDLIGERE_EVALUERINGER;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.LAERING;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.MALOPPNAELSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.REALISERTE_GEVINSTER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.vareunge.skjema.Skjemaregister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The evaluation task (listeners of {@code Task_Evaluering}, around NullstillSkjemaListener):
 * <ul>
 *   <li>{@link #taVarePaForrige}: a new evaluation after the pilot was extended keeps the previous
 *       answers as a paragraph of {@code tidligereEvalueringer}, shown read-only in the evaluation and
 *       the decision on drift, so the new one starts empty while the earlier one stays part of the basis;
 *   <li>{@link #fyllInnMalparametere}: each row of {@code malresultater} starts with the name of the
 *       proposal's målparameter, so nobody types it again;
 *   <li>{@link #navnFraForslaget}: on completion the names are the proposal's, whatever was sent, and
 *       rows without a målparameter are dropped.
 * </ul>
 */
@Component
public class EvalueringListener {

  private static final String MALPARAMETERE = "malparametere";
  private static final String MALRESULTATER = "malresultater";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Skjemaregister skjemaer;

  public EvalueringListener(Skjemaregister skjemaer) {
    this.skjemaer = skjemaer;
  }

  public void fyllInnMalparametere(DelegateTask oppgave) {
    List<Map<String, Object>> rader = new ArrayList<>();
    for (String navn : navn(oppgave.getExecution())) {
      Map<String, Object> rad = new LinkedHashMap<>();
      rad.put("navn", navn);
      rad.put("oppnaddVerdi", null);
      rader.add(rad);
    }
    oppgave.getExecution().setVariable(MALRESULTATER, json(rader));
  }

  public void navnFraForslaget(DelegateTask oppgave) {
    List<String> navn = navn(oppgave.getExecution());
    List<Map<String, Object>> rader = new ArrayList<>();
    List<Object> innsendt = liste(oppgave.getExecution().getVariableTyped(MALRESULTATER));
    for (int i = 0; i < Math.min(navn.size(), innsendt.size()); i++) {
      if (innsendt.get(i) instanceof Map<?, ?> celler) {
        Map<String, Object> rad = new LinkedHashMap<>();
        rad.put("navn", navn.get(i));
        rad.put("oppnaddVerdi", celler.get("oppnaddVerdi"));
        rader.add(rad);
      }
    }
    oppgave.getExecution().setVariable(MALRESULTATER, json(rader));
  }

  /** The names of the proposal's målparametere, in its order. */
  private static List<String> navn(DelegateExecution pakke) {
    return liste(pakke.getVariableTyped(MALPARAMETERE)).stream()
        .map(r -> r instanceof Map<?, ?> m && m.get("navn") != null ? String.valueOf(m.get("navn")) : "")
        .toList();
  }

  private static List<Object> liste(TypedValue verdi) {
    if (!(verdi instanceof SerializableValue json) || json.getValueSerialized() == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json.getValueSerialized(), new TypeReference<List<Object>>() {});
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private static Object json(List<Map<String, Object>> rader) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(rader)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public void taVarePaForrige(DelegateTask oppgave) {
    DelegateExecution pakke = oppgave.getExecution();
    String anbefaling = ANBEFALING.from(pakke).getOptional().orElse(null);
    if (anbefaling == null) {
      return; // the first evaluation
    }
    String tidligere = TIDLIGERE_EVALUERINGER.from(pakke).getOptional().orElse("");
    int nummer = tidligere.isEmpty() ? 1 : tidligere.split("\n\n").length + 1;
    String etikett = skjemaer.forOppgave(oppgave).map(s -> s.etikettForVerdi(ANBEFALING.getName(), anbefaling))
        .orElse(anbefaling);
    String avsnitt = nummer + ". evaluering – anbefaling: " + etikett + "." + del(" Måloppnåelse: ", MALOPPNAELSE, pakke)
        + del(" Realiserte gevinster: ", REALISERTE_GEVINSTER, pakke) + del(" Hva vi lærte: ", LAERING, pakke);
    TIDLIGERE_EVALUERINGER.on(pakke).set(tidligere.isEmpty() ? avsnitt : tidligere + "\n\n" + avsnitt);
  }

  private static String del(String tittel, VariableFactory<String> variabel, DelegateExecution pakke) {
    return variabel.from(pakke).getOptional().filter(t -> !t.isBlank()).map(t -> tittel + t).orElse("");
  }
}
