package no.vareunge.innfasing;

import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import no.vareunge.kommune.Kommune;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The one typed place for the variables of process {@code innfasing-kommune}. Form fields are
 * named by their forms (forms/innfasing-*.form); lists arrive from Tasklist as Json.
 */
public final class InnfasingVariabler {

  private InnfasingVariabler() {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  // Start (skjema innfasing-kommune-start)
  public static final VariableFactory<String> KOMMUNE_ID = stringVariable("kommuneId");
  public static final VariableFactory<String> KOMMUNENAVN = stringVariable("kommunenavn");
  public static final VariableFactory<String> KOMMUNEKODE = stringVariable("kommunekode");
  public static final VariableFactory<String> FYLKE = stringVariable("fylke");

  // Politisk forankring (skjema innfasing-forankring)
  public static final VariableFactory<String> FORANKRING_ORGAN = stringVariable("forankringOrgan");
  public static final VariableFactory<String> FORANKRING_SAKSNUMMER = stringVariable("forankringSaksnummer");
  public static final VariableFactory<String> FORANKRING_DATO = stringVariable("forankringDato");

  // Lokalt styre, lokal leder (skjemaene innfasing-lokalt-styre, innfasing-lokal-leder)
  public static final VariableFactory<Object> STYREMEDLEMMER = customVariable("styremedlemmer", Object.class);
  public static final VariableFactory<String> LOKAL_LEDER = stringVariable("lokalLeder");

  // Driftsbudsjett (skjema innfasing-driftsbudsjett)
  public static final VariableFactory<Number> DRIFTSBUDSJETT_BELOP = customVariable("driftsbudsjettBelop", Number.class);
  public static final VariableFactory<Number> DRIFTSBUDSJETT_AR = customVariable("driftsbudsjettAr", Number.class);
  public static final VariableFactory<String> FINANSIERING = stringVariable("finansiering");

  // Interessenter (skjema innfasing-interessenter)
  public static final VariableFactory<Object> INTERESSENTER = customVariable("interessenter", Object.class);

  /** Variables the process writes itself. */
  public static final class Beregnet {
    private Beregnet() {}

    /** The programleder who started the onboarding (camunda:initiator). */
    public static final VariableFactory<String> STARTET_AV = stringVariable("startetAv");
  }

  /** A row of the list of board members. */
  public record Styremedlem(String brukernavn, String rolle) {}

  /** A row of the list of stakeholders. */
  public record Interessent(String navn, String type, String rolle) {}

  /** The kommune as the start form describes it. */
  public static Kommune kommune(VariableScope scope) {
    return new Kommune(KOMMUNE_ID.from(scope).get(), KOMMUNENAVN.from(scope).get(), KOMMUNEKODE.from(scope).get());
  }

  public static List<Styremedlem> styremedlemmer(VariableScope scope) {
    return liste(STYREMEDLEMMER.from(scope).getOptional().orElse(null), new TypeReference<>() {});
  }

  public static List<Interessent> interessenter(VariableScope scope) {
    return liste(INTERESSENTER.from(scope).getOptional().orElse(null), new TypeReference<>() {});
  }

  /**
   * A list from Tasklist is Spin Json, from the Java API it may be a Java list or a JSON string;
   * all are read through their JSON text.
   */
  private static <T> List<T> liste(Object verdi, TypeReference<List<T>> type) {
    if (verdi == null) {
      return List.of();
    }
    try {
      String tekst = verdi instanceof String s ? s
          : verdi instanceof List<?> l ? JSON.writeValueAsString(l)
          : verdi.toString();
      return List.copyOf(JSON.readValue(tekst, type));
    } catch (JsonProcessingException e) {
      throw new ProcessEngineException("Listen kan ikke leses: " + e.getOriginalMessage(), e);
    }
  }
}
