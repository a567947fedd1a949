package no.vareunge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import no.vareunge.arbeidspakke.ArbeidspakkeVariabler;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Static checks of every model in {@code processes/} and every form in {@code forms/} against the
 * conventions of docs/utvikling.md and against the application (bean names, durations). A new
 * model or form is checked as soon as it is in the directory. Each check collects every violation
 * before it fails, so one run shows all that is wrong.
 *
 * <p>A Spring test only because bean names and the configured durations come from the context.
 */
@VareungeTest
class ModellKontrollTest {

  private static final Path PROSESSER = Path.of("processes");
  private static final Path SKJEMAER = Path.of("forms");
  private static final String CAMUNDA = BpmnModelConstants.CAMUNDA_NS;

  private static final Pattern UTTRYKK = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern HELT_UTTRYKK = Pattern.compile("\\s*[$#]\\{[^}]+}\\s*");
  /** A name that is not a member ({@code a.b}), not a function ({@code f(}) and not a namespace ({@code fn:}). */
  private static final Pattern ROTNAVN = Pattern.compile("(?<![\\w.$:])([A-Za-z_][\\w$]*+)(?!\\s*\\()(?!:\\w)");
  private static final Pattern STRENGER = Pattern.compile("'(?:\\\\.|[^'\\\\])*'|\"(?:\\\\.|[^\"\\\\])*\"");
  private static final Pattern FRISTER = Pattern.compile("(?<![\\w.$])frister\\.(\\w+)");
  /** A key like {@code malparametere.0.navn}: one row of a list laid out by hand. */
  private static final Pattern NUMMERERT_RAD = Pattern.compile("\\w+\\.\\d+\\..+");
  private static final Pattern FRIST_SOM_FORFALL = Pattern.compile("\\$\\{frister\\.[A-Za-z]\\w*}");

  private static final Set<String> JUEL_ORD = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
      "div", "mod", "empty", "true", "false", "null", "instanceof",
      // provided by the engine in every expression
      "execution", "task", "authenticatedUserId");
  private static final Set<String> FEEL_ORD = Set.of("and", "or", "not", "true", "false", "null", "if", "then",
      "else", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function");

  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern NAVN = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final Pattern FLYTNAVN = Pattern.compile("[A-Z][A-Za-z0-9]*(_[A-Z][A-Za-z0-9]*)*");
  private static final Pattern BESLUTNINGS_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ApplicationContext spring;

  private record BpmnFil(String fil, BpmnModelInstance modell) {}

  private record DmnFil(String fil, DmnModelInstance modell) {}

  private List<BpmnFil> bpmn;
  private List<DmnFil> dmn;

  @BeforeEach
  void lesModeller() throws IOException {
    bpmn = filer(PROSESSER, ".bpmn").stream()
        .map(f -> new BpmnFil(f.getFileName().toString(), Bpmn.readModelFromFile(f.toFile()))).toList();
    dmn = filer(PROSESSER, ".dmn").stream()
        .map(f -> new DmnFil(f.getFileName().toString(), Dmn.readModelFromFile(f.toFile()))).toList();
    // Guards against a wrong working directory, which would make every check pass trivially.
    assertThat(bpmn).as("BPMN-filer i %s", PROSESSER.toAbsolutePath()).isNotEmpty();
    assertThat(filer(SKJEMAER, ".form")).as("skjemaer i %s", SKJEMAER.toAbsolutePath()).isNotEmpty();
  }

  // 1 -------------------------------------------------------------------------------------------

  @Test
  void brukeroppgaverOgStarthendelserHarSkjemaSomFinnes() {
    List<String> brudd = new ArrayList<>();
    for (BpmnFil f : bpmn) {
      for (UserTask oppgave : f.modell().getModelElementsByType(UserTask.class)) {
        kontrollerSkjemaref(f.fil(), oppgave, oppgave.getCamundaFormRef(), oppgave.getCamundaFormRefBinding(),
            oppgave.getCamundaFormKey(), brudd);
      }
      for (StartEvent start : f.modell().getModelElementsByType(StartEvent.class)) {
        // Only the none start event of a process has a start form; sub-process starts have none.
        if (start.getParentElement() instanceof Process && start.getEventDefinitions().isEmpty()) {
          kontrollerSkjemaref(f.fil(), start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(),
              start.getCamundaFormKey(), brudd);
        }
      }
    }
    assertThat(brudd).as("skjemareferanser (form references)").isEmpty();
  }

  private void kontrollerSkjemaref(String fil, BaseElement element, String ref, String binding, String formKey,
      List<String> brudd) {
    String hvor = fil + " / " + element.getId() + ": ";
    if (formKey != null) {
      brudd.add(hvor + "bruker camunda:formKey «" + formKey + "»; bruk camunda:formRef (Camunda Form)");
    }
    if (ref == null || ref.isBlank()) {
      brudd.add(hvor + "mangler camunda:formRef (no form referenced)");
      return;
    }
    if (!"deployment".equals(binding)) {
      brudd.add(hvor + "camunda:formRefBinding er «" + binding + "», skal være «deployment»");
    }
    Path skjema = SKJEMAER.resolve(ref + ".form");
    if (!Files.isRegularFile(skjema)) {
      brudd.add(hvor + "skjemaet " + skjema + " finnes ikke (form file missing)");
      return;
    }
    try {
      String id = json.readTree(skjema.toFile()).path("id").asText(null);
      if (!ref.equals(id)) {
        brudd.add(hvor + skjema + " har id «" + id + "», ikke «" + ref + "» (form id differs from formRef)");
      }
    } catch (IOException e) {
      brudd.add(hvor + skjema + " er ikke gyldig JSON: " + e.getMessage());
    }
  }

  // 2 -------------------------------------------------------------------------------------------

  @Test
  void feltIBetingelserOgBeslutningstabellerBlirSatt() throws Exception {
    Set<String> satt = new LinkedHashSet<>(skjemanokler());
    satt.addAll(beregnedeVariabler());
    for (BpmnFil f : bpmn) {
      f.modell().getModelElementsByType(BusinessRuleTask.class).stream()
          .map(BusinessRuleTask::getCamundaResultVariable).filter(v -> v != null).forEach(satt::add);
      f.modell().getModelElementsByType(StartEvent.class).stream()
          .map(StartEvent::getCamundaInitiator).filter(v -> v != null).forEach(satt::add);
      f.modell().getModelElementsByType(CamundaOutputParameter.class).stream()
          .map(CamundaOutputParameter::getCamundaName).forEach(satt::add);
    }

    List<String> brudd = new ArrayList<>();
    for (BpmnFil f : bpmn) {
      for (SequenceFlow flyt : f.modell().getModelElementsByType(SequenceFlow.class)) {
        if (flyt.getConditionExpression() != null) {
          ukjenteIJuel(flyt.getConditionExpression().getTextContent(), satt)
              .forEach(navn -> brudd.add(f.fil() + " / " + flyt.getId() + ": betingelsen bruker «" + navn
                  + "», som ingen skjema, delegat eller beslutning setter (variable never set)"));
        }
      }
      for (ConditionalEventDefinition hendelse : f.modell().getModelElementsByType(ConditionalEventDefinition.class)) {
        ukjenteIJuel(hendelse.getCondition() == null ? null : hendelse.getCondition().getTextContent(), satt)
            .forEach(navn -> brudd.add(f.fil() + " / " + idTil(hendelse) + ": betingelsen bruker «" + navn
                + "», som ingen skjema, delegat eller beslutning setter (variable never set)"));
      }
    }
    for (DmnFil f : dmn) {
      for (InputExpression input : f.modell().getModelElementsByType(InputExpression.class)) {
        String tekst = input.getText() == null ? "" : input.getText().getTextContent();
        for (String navn : rotnavn(tekst, FEEL_ORD)) {
          if (!satt.contains(navn) && !spring.containsBean(navn)) {
            brudd.add(f.fil() + " / " + idTil(input) + ": input-uttrykket bruker «" + navn
                + "», som ingen skjema, delegat eller beslutning setter (variable never set)");
          }
        }
      }
    }
    assertThat(satt).as("kjente variabler").contains("beslutningsniva", "tittel", "malparametere");
    assertThat(brudd).as("variabler i betingelser og beslutningstabeller").isEmpty();
  }

  /** Names in a JUEL text that are neither set by anyone nor a bean nor part of the language. */
  private List<String> ukjenteIJuel(String tekst, Set<String> satt) {
    List<String> ukjente = new ArrayList<>();
    Matcher m = UTTRYKK.matcher(tekst == null ? "" : tekst);
    while (m.find()) {
      rotnavn(m.group(1), JUEL_ORD).stream()
          .filter(navn -> !satt.contains(navn) && !spring.containsBean(navn))
          .forEach(ukjente::add);
    }
    return ukjente;
  }

  private static Set<String> rotnavn(String uttrykk, Set<String> sprakord) {
    Set<String> navn = new LinkedHashSet<>();
    Matcher m = ROTNAVN.matcher(STRENGER.matcher(uttrykk).replaceAll(" "));
    while (m.find()) {
      if (!sprakord.contains(m.group(1))) {
        navn.add(m.group(1));
      }
    }
    return navn;
  }

  /**
   * Every key and dynamic-list path of every form: what a form can put into a process. A key with
   * dots ({@code a.b}) writes into the variable named by its first part; the fields of a dynamic
   * list's rows are no variables of their own, only the list is.
   */
  private Set<String> skjemanokler() throws IOException {
    Set<String> nokler = new LinkedHashSet<>();
    for (Path skjema : filer(SKJEMAER, ".form")) {
      variabler(json.readTree(skjema.toFile()).path("components"), nokler);
    }
    return nokler;
  }

  private static void variabler(JsonNode komponenter, Set<String> nokler) {
    for (JsonNode k : komponenter) {
      if (k.hasNonNull("key")) {
        nokler.add(k.get("key").asText());
        nokler.add(k.get("key").asText().split("\\.")[0]);
      }
      if (k.hasNonNull("path")) {
        nokler.add(k.get("path").asText());
      }
      if (!"dynamiclist".equals(k.path("type").asText())) {
        variabler(k.path("components"), nokler);
      }
    }
  }

  /** The variables the process writes itself: the constants of {@link ArbeidspakkeVariabler.Beregnet}. */
  private static Set<String> beregnedeVariabler() throws IllegalAccessException {
    Set<String> navn = new LinkedHashSet<>();
    for (Field felt : ArbeidspakkeVariabler.Beregnet.class.getDeclaredFields()) {
      if (Modifier.isStatic(felt.getModifiers()) && VariableFactory.class.isAssignableFrom(felt.getType())) {
        navn.add(((VariableFactory<?>) felt.get(null)).getName());
      }
    }
    assertThat(navn).as("VariableFactory-konstanter i Beregnet").isNotEmpty();
    return navn;
  }

  // 3 -------------------------------------------------------------------------------------------

  @Test
  void delegaterOgLyttereErSpringBonner() throws Exception {
    List<String> brudd = new ArrayList<>();
    for (Path fil : filer(PROSESSER, ".bpmn")) {
      for (Element e : elementer(fil)) {
        String hvor = fil.getFileName() + " / " + idTil(e) + ": ";
        // Listeners carry their attributes without namespace, tasks and event definitions with camunda:.
        boolean lytter = CAMUNDA.equals(e.getNamespaceURI())
            && Set.of("executionListener", "taskListener").contains(e.getLocalName());
        String delegat = lytter ? e.getAttribute("delegateExpression") : e.getAttributeNS(CAMUNDA, "delegateExpression");
        if (!delegat.isEmpty()) {
          String bonne = rotbonne(delegat);
          if (bonne == null) {
            brudd.add(hvor + "camunda:delegateExpression «" + delegat + "» er ikke på formen ${bønne}");
          } else if (!spring.containsBean(bonne)) {
            brudd.add(hvor + "camunda:delegateExpression «" + delegat + "»: bønnen «" + bonne
                + "» finnes ikke (no such Spring bean)");
          }
        }
        String uttrykk = lytter ? e.getAttribute("expression") : e.getAttributeNS(CAMUNDA, "expression");
        if (!uttrykk.isEmpty()) {
          String bonne = rotbonne(uttrykk);
          if (bonne != null && !JUEL_ORD.contains(bonne) && !spring.containsBean(bonne)) {
            brudd.add(hvor + (lytter ? e.getLocalName() : "camunda:expression") + " «" + uttrykk + "»: bønnen «"
                + bonne + "» finnes ikke (no such Spring bean)");
          }
        }
        String klasse = lytter ? e.getAttribute("class") : e.getAttributeNS(CAMUNDA, "class");
        if (!klasse.isEmpty()) {
          try {
            Class.forName(klasse);
          } catch (ClassNotFoundException ikkeFunnet) {
            brudd.add(hvor + "klassen «" + klasse + "» finnes ikke (class not found)");
          }
        }
      }
    }
    assertThat(brudd).as("delegater og lyttere (delegates and listeners)").isEmpty();
  }

  @Test
  void beslutningsreferanserFinnes() {
    Set<String> beslutninger = new LinkedHashSet<>();
    dmn.forEach(f -> f.modell().getModelElementsByType(Decision.class).forEach(d -> beslutninger.add(d.getId())));
    List<String> brudd = new ArrayList<>();
    for (BpmnFil f : bpmn) {
      for (BusinessRuleTask oppgave : f.modell().getModelElementsByType(BusinessRuleTask.class)) {
        String ref = oppgave.getCamundaDecisionRef();
        if (ref != null && !beslutninger.contains(ref)) {
          brudd.add(f.fil() + " / " + oppgave.getId() + ": camunda:decisionRef «" + ref
              + "» finnes ikke i noen .dmn i processes/ (unknown decision)");
        }
      }
    }
    assertThat(brudd).as("beslutningsreferanser (decision references)").isEmpty();
  }

  /** The first name of {@code ${navn}} or {@code ${navn.metode(...)}}, or null if it is not such. */
  private static String rotbonne(String uttrykk) {
    Matcher m = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_][\\w$]*)\\s*(?:[.}]).*", Pattern.DOTALL).matcher(uttrykk);
    return m.matches() ? m.group(1) : null;
  }

  // 4 -------------------------------------------------------------------------------------------

  @Test
  void asynkroneStegHarRetrySyklus() {
    List<String> brudd = new ArrayList<>();
    for (BpmnFil f : bpmn) {
      for (FlowNode steg : f.modell().getModelElementsByType(FlowNode.class)) {
        if (steg.isCamundaAsyncBefore() || steg.isCamundaAsyncAfter()) {
          kontrollerRetry(f.fil(), steg.getId(), steg.getExtensionElements(), brudd);
        }
      }
      for (MultiInstanceLoopCharacteristics mi
          : f.modell().getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
        if (mi.isCamundaAsyncBefore() || mi.isCamundaAsyncAfter()) {
          kontrollerRetry(f.fil(), idTil(mi) + " (multi-instance)", mi.getExtensionElements(), brudd);
        }
      }
    }
    assertThat(brudd).as("asynkrone steg uten camunda:failedJobRetryTimeCycle").isEmpty();
  }

  private static void kontrollerRetry(String fil, String id, ExtensionElements utvidelser, List<String> brudd) {
    boolean harRetry = utvidelser != null && utvidelser.getElementsQuery()
        .filterByType(CamundaFailedJobRetryTimeCycle.class).list().stream()
        .anyMatch(r -> r.getTextContent() != null && !r.getTextContent().isBlank());
    if (!harRetry) {
      brudd.add(fil + " / " + id + ": er asynkront, men mangler camunda:failedJobRetryTimeCycle "
          + "(async without retry time cycle)");
    }
  }

  // 5 -------------------------------------------------------------------------------------------

  @Test
  void tidsuttrykkErUttrykkOgFristerFinnes() throws Exception {
    List<String> brudd = new ArrayList<>();
    for (BpmnFil f : bpmn) {
      for (TimerEventDefinition timer : f.modell().getModelElementsByType(TimerEventDefinition.class)) {
        String hvor = f.fil() + " / " + idTil(timer.getParentElement()) + ": ";
        Map<String, ModelElementInstance> definisjoner = new TreeMap<>();
        definisjoner.put("timeDate", timer.getTimeDate());
        definisjoner.put("timeDuration", timer.getTimeDuration());
        definisjoner.put("timeCycle", timer.getTimeCycle());
        definisjoner.values().removeIf(d -> d == null);
        if (definisjoner.isEmpty()) {
          brudd.add(hvor + "timeren har verken timeDate, timeDuration eller timeCycle");
        }
        definisjoner.forEach((type, d) -> {
          String verdi = d.getTextContent();
          if (verdi == null || !HELT_UTTRYKK.matcher(verdi).matches()) {
            brudd.add(hvor + type + " «" + verdi + "» er en fast verdi; bruk et uttrykk som ${frister.…} "
                + "(literal timer value)");
          }
        });
      }
    }

    // ${frister.x} anywhere (timers, due dates, retry cycles, ...) must be a configured duration.
    BeanWrapper frister = PropertyAccessorFactory.forBeanPropertyAccess(spring.getBean("frister"));
    for (Path fil : filer(PROSESSER, "")) {
      if (!fil.toString().endsWith(".bpmn") && !fil.toString().endsWith(".dmn")) {
        continue;
      }
      for (Element e : elementer(fil)) {
        for (String tekst : tekstOgAttributter(e)) {
          Matcher uttrykk = UTTRYKK.matcher(tekst);
          while (uttrykk.find()) {
            Matcher frist = FRISTER.matcher(uttrykk.group(1));
            while (frist.find()) {
              String navn = frist.group(1);
              Object verdi = frister.isReadableProperty(navn) ? frister.getPropertyValue(navn) : null;
              if (!(verdi instanceof String s) || s.isBlank()) {
                brudd.add(fil.getFileName() + " / " + idTil(e) + ": ${frister." + navn + "} har ingen verdi i "
                    + "Frister (vareunge.frister." + navn + ") (unknown or blank duration)");
              }
            }
          }
        }
      }
    }
    assertThat(brudd).as("tidsuttrykk og frister (timers and durations)").isEmpty();
  }

  // 6 -------------------------------------------------------------------------------------------

  @Test
  void iderOgNavnFolgerKonvensjonene() {
    List<String> brudd = new ArrayList<>();
    for (BpmnFil f : bpmn) {
      String filnavn = f.fil().substring(0, f.fil().length() - ".bpmn".length());
      if (!KEBAB.matcher(filnavn).matches()) {
        brudd.add(f.fil() + ": filnavnet er ikke kebab-case");
      }
      for (Process prosess : f.modell().getModelElementsByType(Process.class)) {
        if (!KEBAB.matcher(prosess.getId()).matches() || !prosess.getId().equals(filnavn)) {
          brudd.add(f.fil() + " / " + prosess.getId() + ": prosess-id skal være kebab-case og lik filnavnet «"
              + filnavn + "» (process id must equal the file name)");
        }
      }
      for (FlowElement element : f.modell().getModelElementsByType(FlowElement.class)) {
        Set<String> typer = forventedeTyper(element);
        if (!typer.isEmpty()) {
          kontrollerId(f.fil(), element.getId(), typer, element instanceof SequenceFlow ? FLYTNAVN : NAVN, brudd);
        }
        if (element instanceof FlowNode node && (node.getName() == null || node.getName().isBlank())
            && !(node instanceof Gateway && node.getOutgoing().size() == 1)) {
          brudd.add(f.fil() + " / " + node.getId() + ": mangler navn (label); bare samlende porter kan være uten");
        }
      }
      f.modell().getModelElementsByType(Message.class)
          .forEach(m -> kontrollerId(f.fil(), m.getId(), Set.of("Message"), NAVN, brudd));
      f.modell().getModelElementsByType(Signal.class)
          .forEach(s -> kontrollerId(f.fil(), s.getId(), Set.of("Signal"), NAVN, brudd));
      f.modell().getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Error.class)
          .forEach(e -> kontrollerId(f.fil(), e.getId(), Set.of("Error"), NAVN, brudd));
      f.modell().getModelElementsByType(Escalation.class)
          .forEach(e -> kontrollerId(f.fil(), e.getId(), Set.of("Escalation"), NAVN, brudd));
    }
    for (DmnFil f : dmn) {
      for (Decision beslutning : f.modell().getModelElementsByType(Decision.class)) {
        if (!BESLUTNINGS_ID.matcher(beslutning.getId()).matches()) {
          brudd.add(f.fil() + " / " + beslutning.getId() + ": beslutnings-id skal være små ASCII-bokstaver "
              + "(decision id must be lower-case ASCII)");
        }
      }
    }
    assertThat(brudd).as("id-er og navn (docs/utvikling.md)").isEmpty();
  }

  /** The allowed {@code <Kind>} prefixes of an element; empty for kinds the convention leaves open. */
  private static Set<String> forventedeTyper(FlowElement e) {
    boolean timer = e instanceof CatchEvent hendelse
        && hendelse.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance);
    if (e instanceof SequenceFlow) {
      return Set.of("Flow");
    } else if (e instanceof SubProcess) {
      return Set.of("SubProcess");
    } else if (e instanceof CallActivity) {
      return Set.of("Task", "CallActivity");
    } else if (e instanceof Task) {
      return Set.of("Task");
    } else if (e instanceof Gateway) {
      return Set.of("Gateway");
    } else if (e instanceof StartEvent) {
      return Set.of("StartEvent");
    } else if (e instanceof EndEvent) {
      return Set.of("EndEvent");
    } else if (e instanceof BoundaryEvent || e instanceof IntermediateCatchEvent) {
      return timer ? Set.of("Timer") : Set.of("Event");
    } else if (e instanceof IntermediateThrowEvent) {
      return Set.of("Event");
    } else if (e instanceof Activity) {
      return Set.of("Task");
    }
    return Set.of();
  }

  private static void kontrollerId(String fil, String id, Set<String> typer, Pattern navn, List<String> brudd) {
    int skille = id == null ? -1 : id.indexOf('_');
    boolean riktig = skille > 0 && typer.contains(id.substring(0, skille))
        && navn.matcher(id.substring(skille + 1)).matches();
    if (!riktig) {
      brudd.add(fil + " / " + id + ": id skal være " + String.join(" eller ", typer.stream().sorted()
          .map(t -> t + "_<Navn>").toList()) + " med Navn i ASCII UpperCamelCase (docs/utvikling.md)");
    }
  }

  // 7 -------------------------------------------------------------------------------------------

  @Test
  void brukeroppgaverHarAnsvarligOgFristFraKonfigurasjon() {
    List<String> brudd = new ArrayList<>();
    for (BpmnFil f : bpmn) {
      for (UserTask oppgave : f.modell().getModelElementsByType(UserTask.class)) {
        String hvor = f.fil() + " / " + oppgave.getId() + ": ";
        if (blank(oppgave.getCamundaCandidateGroups()) && blank(oppgave.getCamundaAssignee())) {
          brudd.add(hvor + "har verken camunda:candidateGroups eller camunda:assignee (nobody can see the task)");
        }
        String forfall = oppgave.getCamundaDueDate();
        if (forfall == null || !FRIST_SOM_FORFALL.matcher(forfall.trim()).matches()) {
          brudd.add(hvor + "camunda:dueDate er «" + forfall + "», skal være ${frister.<navn>} (due date from config)");
        }
      }
    }
    assertThat(brudd).as("brukeroppgaver (user tasks)").isEmpty();
  }

  // 8 -------------------------------------------------------------------------------------------

  @Test
  void skjemaeneErGyldige() throws IOException {
    List<String> brudd = new ArrayList<>();
    for (Path fil : filer(SKJEMAER, ".form")) {
      String filnavn = fil.getFileName().toString();
      JsonNode skjema;
      try {
        skjema = json.readTree(fil.toFile());
      } catch (IOException e) {
        brudd.add(filnavn + ": er ikke gyldig JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        continue;
      }
      String id = skjema.path("id").asText(null);
      if (!filnavn.equals(id + ".form")) {
        brudd.add(filnavn + ": skjema-id «" + id + "» er ikke lik filnavnet (form id must equal file name)");
      }
      Set<String> brukt = new LinkedHashSet<>();
      kontrollerKomponenter(filnavn, skjema.path("components"), "", brukt, brudd);
    }
    assertThat(brudd).as("skjemaer (forms)").isEmpty();
  }

  /**
   * Walks the components; {@code prefiks} is the data path of the enclosing group or list, since
   * form-js scopes keys by path (a dynamic list's row fields are separate from the top level).
   */
  private static void kontrollerKomponenter(String fil, JsonNode komponenter, String prefiks, Set<String> brukt,
      List<String> brudd) {
    for (JsonNode k : komponenter) {
      String type = k.path("type").asText();
      String hvor = fil + " / " + k.path("id").asText("?") + ": ";
      // A read-only field shows a value and takes none (the form check drops it).
      if (Set.of("textfield", "textarea").contains(type) && !k.path("readonly").asBoolean()
          && !k.path("validate").path("maxLength").isNumber()) {
        brudd.add(hvor + "«" + k.path("key").asText() + "» mangler validate.maxLength (text field without max length)");
      }
      String data = k.hasNonNull("key") ? k.get("key").asText() : k.hasNonNull("path") ? k.get("path").asText() : null;
      if (data != null && NUMMERERT_RAD.matcher(data).matches()) {
        brudd.add(hvor + "«" + data + "» er en nummerert rad; en liste er en dynamisk liste (dynamiclist with path)");
      }
      if ("dynamiclist".equals(type) && (blank(k.path("path").asText(null)) || !k.path("isRepeating").asBoolean()
          || k.path("components").isEmpty())) {
        brudd.add(hvor + "en dynamisk liste må ha path, isRepeating og felt (dynamiclist needs path, isRepeating, fields)");
      }
      if (data != null && !brukt.add(prefiks + data)) {
        brudd.add(hvor + "feltnøkkelen «" + prefiks + data + "» er brukt mer enn én gang (duplicate key)");
      }
      if (k.has("components")) {
        String indre = data == null ? prefiks : prefiks + data + ("dynamiclist".equals(type) ? "[]." : ".");
        kontrollerKomponenter(fil, k.get("components"), indre, brukt, brudd);
      }
    }
  }

  // Hjelpere ------------------------------------------------------------------------------------

  private static List<Path> filer(Path mappe, String endelse) throws IOException {
    try (Stream<Path> filer = Files.list(mappe)) {
      return filer.filter(f -> f.getFileName().toString().endsWith(endelse)).filter(Files::isRegularFile)
          .sorted().toList();
    }
  }

  /** The XML elements of a model file, in document order (also those the model API has no type for). */
  private static List<Element> elementer(Path fil) throws Exception {
    DocumentBuilderFactory fabrikk = DocumentBuilderFactory.newInstance();
    fabrikk.setNamespaceAware(true);
    List<Element> alle = new ArrayList<>();
    samle(fabrikk.newDocumentBuilder().parse(fil.toFile()).getDocumentElement(), alle);
    return alle;
  }

  private static void samle(Element e, List<Element> alle) {
    alle.add(e);
    for (Node barn = e.getFirstChild(); barn != null; barn = barn.getNextSibling()) {
      if (barn instanceof Element b) {
        samle(b, alle);
      }
    }
  }

  private static Collection<String> tekstOgAttributter(Element e) {
    List<String> tekster = new ArrayList<>();
    NamedNodeMap attributter = e.getAttributes();
    for (int i = 0; i < attributter.getLength(); i++) {
      tekster.add(((Attr) attributter.item(i)).getValue());
    }
    for (Node barn = e.getFirstChild(); barn != null; barn = barn.getNextSibling()) {
      if (barn.getNodeType() == Node.TEXT_NODE || barn.getNodeType() == Node.CDATA_SECTION_NODE) {
        tekster.add(barn.getNodeValue());
      }
    }
    return tekster;
  }

  /** The id of the nearest enclosing element that has one: the element a message should name. */
  private static String idTil(Element e) {
    for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
      if (el.hasAttribute("id")) {
        return el.getAttribute("id");
      }
    }
    return "(uten id)";
  }

  private static String idTil(ModelElementInstance e) {
    for (ModelElementInstance m = e; m != null; m = m.getParentElement()) {
      String id = m.getAttributeValue("id");
      if (id != null) {
        return id;
      }
    }
    return "(uten id)";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
