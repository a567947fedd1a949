package no.vareunge.skjema;

import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Finds the deployed Camunda Form of a start event or a task and validates submissions to it. */
@Component
public class Skjemaregister {

  private final FormService formService;
  private final ProcessEngine engine;
  private final Map<String, Oppslagsregister> registre;
  private final SkjemaLeser leser = new SkjemaLeser();
  private final Map<String, Optional<Skjema>> lesteSkjemaer = new ConcurrentHashMap<>();
  private volatile SkjemaValidator validator;

  public Skjemaregister(ProcessEngine engine, List<Oppslagsregister> registre) {
    this.engine = engine;
    this.registre = registre.stream().collect(Collectors.toMap(Oppslagsregister::navn, Function.identity()));
    this.formService = engine.getFormService();
  }

  /** The start form of a process definition the caller has found, if it has a Camunda Form. */
  public Optional<Skjema> forStart(String prosessdefinisjonId) {
    return lest("start/" + prosessdefinisjonId, () -> formService.getDeployedStartForm(prosessdefinisjonId));
  }

  /** The form of a task, if it has a Camunda Form and the caller may see the task. */
  public Optional<Skjema> forOppgave(String oppgaveId) {
    Task oppgave = engine.getTaskService().createTaskQuery().taskId(oppgaveId).singleResult();
    return oppgave == null ? Optional.empty()
        : forOppgave(oppgaveId, oppgave.getProcessDefinitionId(), oppgave.getTaskDefinitionKey());
  }

  /**
   * The form of a task a listener is called for: read as the system, since the user whose step
   * created the task need not be one who may see it.
   */
  public Optional<Skjema> forOppgave(DelegateTask oppgave) {
    return Context.getCommandContext().runWithoutAuthorization(
        () -> forOppgave(oppgave.getId(), oppgave.getProcessDefinitionId(), oppgave.getTaskDefinitionKey()));
  }

  private Optional<Skjema> forOppgave(String oppgaveId, String prosessdefinisjonId, String aktivitet) {
    String nokkel = prosessdefinisjonId == null ? null : "oppgave/" + prosessdefinisjonId + "/" + aktivitet;
    return lest(nokkel, () -> formService.getDeployedTaskForm(oppgaveId));
  }

  /**
   * Every model binds its forms to its own deployment ({@code formRefBinding="deployment"}), so
   * the form of a start event or task never changes under a process definition: it is read and
   * parsed once per {@code nokkel} (null: a task outside any process, not remembered), not at
   * every step (three queries and a JSON parse each time). A refusal is not remembered: the next
   * caller may see the form.
   */
  private Optional<Skjema> lest(String nokkel, Supplier<InputStream> skjema) {
    try {
      return nokkel == null ? les(skjema) : lesteSkjemaer.computeIfAbsent(nokkel, n -> les(skjema));
    } catch (AuthorizationException ikkeTilgang) {
      return Optional.empty();
    }
  }

  /** The form, or empty when there is none; a refusal is thrown on. */
  private Optional<Skjema> les(Supplier<InputStream> skjema) {
    try {
      return Optional.of(leser.les(skjema.get()));
    } catch (AuthorizationException ikkeTilgang) {
      throw ikkeTilgang;
    } catch (ProcessEngineException ingenSkjema) {
      return Optional.empty();
    }
  }

  public SkjemaValidator.Resultat valider(Skjema skjema, Map<String, Object> innsendt, Map<String, Object> kjente) {
    return validator().valider(skjema, innsendt, kjente);
  }

  /**
   * A submission after {@link #kontroller}: what is wrong (for the API, and placed in the form for
   * people: {@link Feltfeil}), or else the values to pass on to the engine.
   */
  public record Kontrollert(List<String> feil, List<Feltfeil> feltfeil, Map<String, Object> verdier) {
    public boolean gyldig() {
      return feil.isEmpty();
    }
  }

  /**
   * Checks a submission as the browser handles it: rows of a list that are wholly empty are not
   * data and are dropped (form-js submits a row a user added and left empty, with an empty value
   * for each field; it stops it only where a column is required), the form's rules are checked,
   * and read-only and hidden fields are dropped. The same for the REST API (SkjemaValideringFilter)
   * and the application's own API.
   */
  public Kontrollert kontroller(Skjema skjema, Map<String, Object> innsendt, Map<String, Object> kjente) {
    Map<String, Object> verdier = new LinkedHashMap<>(innsendt);
    for (Skjemafelt f : skjema.felt()) {
      if ("dynamiclist".equals(f.type()) && verdier.get(f.key()) instanceof List<?> rader) {
        verdier.put(f.key(), rader.stream().filter(rad -> !tomRad(rad)).toList());
      }
    }
    SkjemaValidator.Resultat resultat = valider(skjema, verdier, kjente);
    resultat.ignorerte().forEach(verdier::remove);
    return new Kontrollert(resultat.feil(), resultat.feltfeil(), Collections.unmodifiableMap(verdier));
  }

  private static boolean tomRad(Object rad) {
    return rad == null || (rad instanceof Map<?, ?> celler
        && celler.values().stream().allMatch(v -> v == null || (v instanceof String s && s.isBlank())));
  }

  /** Conditions are FEEL, as in the browser: evaluated with the engine's own FEEL engine. */
  private SkjemaValidator validator() {
    if (validator == null) {
      DefaultDmnEngineConfiguration dmn =
          ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration();
      FeelEngine feel = dmn.getFeelEngine();
      validator = new SkjemaValidator((uttrykk, verdier) -> {
        try {
          return Boolean.TRUE.equals(
              feel.evaluateSimpleExpression(uttrykk, Variables.fromMap(verdier).asVariableContext()));
        } catch (RuntimeException e) {
          // A condition that cannot be evaluated hides nothing: the field is then checked.
          return false;
        }
      }, this::finnes);
    }
    return validator;
  }

  /**
   * The registers a form can name in the properties {@code unik} and {@code finnes}: the engine's
   * users ({@code bruker}) and those the features contribute ({@link Oppslagsregister}). Users are
   * looked up without the caller's authorizations: whether a user exists is not secret to
   * whoever may submit the form, and the answer must not depend on who submits it.
   */
  boolean finnes(String register, String verdi) {
    Oppslagsregister bidratt = registre.get(register);
    if (bidratt != null) {
      return bidratt.finnes().test(verdi);
    }
    return switch (register) {
      case "bruker" -> ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .getCommandExecutorTxRequired().execute(kontekst -> {
            kontekst.disableAuthorizationCheck();
            try {
              return engine.getIdentityService().createUserQuery().userId(verdi).count() > 0;
            } finally {
              kontekst.enableAuthorizationCheck();
            }
          });
      default -> throw new IllegalStateException("Skjemaet viser til et ukjent register «" + register + "»");
    };
  }
}
