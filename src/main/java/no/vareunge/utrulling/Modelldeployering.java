package no.vareunge.utrulling;

import no.vareunge.felles.Norsk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import no.vareunge.frister.Frister;
import no.vareunge.kommune.Kommune;
import no.vareunge.kommune.KommuneRegister;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Deploys the models and forms (classpath {@code processes/*.bpmn}, {@code processes/*.dmn},
 * {@code forms/*.form}) as one deployment named {@value #NAVN}, in place of the starter's
 * auto-deployment. Kommuner are data: every choice component of a form with the custom property
 * {@code "verdier": "kommuner"} gets the kommune register as its values (the values in the file
 * are only Modeler's default). Tasklist gives a start form no variables, so the list must be in
 * the deployed form itself.
 *
 * <p>Duplicate filtering compares with the latest deployment of the same name: when nothing
 * changed (same files, same register), nothing is deployed; when anything changed, all resources
 * are deployed together, so that {@code camunda:formRefBinding="deployment"} finds the new forms
 * and new instances get new definition versions. Running instances keep theirs.
 *
 * <p>The schedule of the board report ({@value #TIDSPLAN} in {@code processes/styrerapport.bpmn}) is
 * written into the deployed model as the configured cron expression. The engine evaluates a
 * start timer's expression once, when it deploys the model, and keeps the result; with the value
 * in the deployed file, a changed schedule is a changed deployment, so the next start deploys it
 * and the timer follows the configuration.
 *
 * <p>Call without an authenticated user (at start-up, or from a job), as deploying is not the
 * caller's business.
 */
@Component
public class Modelldeployering {

  public static final String NAVN = "vareunge";
  /** The property that asks for the kommune register as a component's values. */
  static final String VERDIER = "verdier";
  static final String KOMMUNER = "kommuner";
  /** The placeholder for the report's schedule (vareunge.frister.styrerapport) in the models. */
  static final String TIDSPLAN = "${frister.styrerapport}";
  /** Folder on the classpath and the endings deployed from it. */
  private static final List<String[]> RESSURSER = List.of(
      new String[] {"processes", ".bpmn"}, new String[] {"processes", ".dmn"}, new String[] {"forms", ".form"});

  private static final Logger LOG = LoggerFactory.getLogger(Modelldeployering.class);

  private final RepositoryService repository;
  private final KommuneRegister kommuner;
  private final Frister frister;
  private final ResourcePatternResolver ressurser = new PathMatchingResourcePatternResolver();
  private final ObjectMapper json = new ObjectMapper();

  public Modelldeployering(RepositoryService repository, KommuneRegister kommuner, Frister frister) {
    this.repository = repository;
    this.kommuner = kommuner;
    this.frister = frister;
  }

  /** First of the start-up work: what follows may expect the definitions to be there. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public void vedOppstart() {
    rullUt();
  }

  /** Deploys what changed since the last deployment; returns whether a new deployment was made. */
  public boolean rullUt() {
    List<Kommune> register = kommuner.alle();
    DeploymentBuilder utrulling = repository.createDeployment()
        .name(NAVN)
        .source(NAVN)
        .enableDuplicateFiltering(false);
    for (String[] r : RESSURSER) {
      for (Resource ressurs : finn(r[0], r[1])) {
        String navn = r[0] + "/" + ressurs.getFilename();
        utrulling.addInputStream(navn, innhold(ressurs, navn, register));
      }
    }
    long for_ = utrullinger();
    // With nothing changed the engine hands back the latest existing deployment.
    Deployment resultat = utrulling.deploy();
    boolean ny = utrullinger() > for_;
    if (ny) {
      LOG.info("Modellene er rullet ut på nytt (utrulling {}, {} kommuner)", resultat.getId(), register.size());
    }
    return ny;
  }

  private long utrullinger() {
    return repository.createDeploymentQuery().deploymentName(NAVN).count();
  }

  private List<Resource> finn(String mappe, String endelse) {
    try {
      Resource[] funnet = ressurser.getResources("classpath*:" + mappe + "/*" + endelse);
      // Sorted, so that the same files give the same deployment.
      return Arrays.stream(funnet).filter(Resource::isReadable)
          .sorted(Comparator.comparing(Resource::getDescription)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Finner ikke modellene i " + mappe, e);
    }
  }

  private InputStream innhold(Resource ressurs, String navn, List<Kommune> register) {
    try (InputStream inn = ressurs.getInputStream()) {
      byte[] bytes = inn.readAllBytes();
      if (navn.endsWith(".form")) {
        bytes = medKommuner(bytes, register);
      } else if (navn.endsWith(".bpmn")) {
        bytes = medTidsplan(bytes);
      }
      return new ByteArrayInputStream(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Kan ikke lese " + ressurs.getDescription(), e);
    }
  }

  /** The model with the configured schedule in place of {@value #TIDSPLAN}, or the same bytes without it. */
  byte[] medTidsplan(byte[] modell) {
    String tekst = new String(modell, StandardCharsets.UTF_8);
    if (!tekst.contains(TIDSPLAN)) {
      return modell;
    }
    return tekst.replace(TIDSPLAN, HtmlUtils.htmlEscape(frister.getStyrerapport())).getBytes(StandardCharsets.UTF_8);
  }

  /** The form with the register filled in, or the same bytes if it has no such component. */
  byte[] medKommuner(byte[] skjema, List<Kommune> register) throws IOException {
    JsonNode rot = json.readTree(skjema);
    if (!fyll(rot.path("components"), register)) {
      return skjema;
    }
    return (json.writerWithDefaultPrettyPrinter().writeValueAsString(rot) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private boolean fyll(JsonNode komponenter, List<Kommune> register) {
    boolean endret = false;
    for (JsonNode k : komponenter) {
      if (KOMMUNER.equals(k.path("properties").path(VERDIER).asText()) && k instanceof ObjectNode felt) {
        ArrayNode verdier = json.createArrayNode();
        Collator norsk = Collator.getInstance(Norsk.BOKMAL);
        register.stream().sorted(Comparator.comparing(Kommune::navn, norsk))
            .forEach(kommune -> verdier.addObject().put("label", kommune.navn()).put("value", kommune.id()));
        felt.set("values", verdier);
        endret = true;
      }
      endret |= fyll(k.path("components"), register);
    }
    return endret;
  }
}
