package no.vareunge.arbeidsflate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import no.vareunge.arbeidspakke.Arbeidspakkeprosess;
import no.vareunge.skjema.Skjemaregister;
import no.vareunge.tilgang.InnloggetBruker;
import no.vareunge.tilgang.Kommuneutvalg;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Starting a proposal, and the other processes a user may start with a form: the latest version
 * of each process the engine lets them start ({@code CREATE_INSTANCE}), with its start form.
 */
@Controller
class StartSider {

  /** The form property naming the values filled in from the kommune register at deployment. */
  private static final String KOMMUNEVERDIER = "kommuner";

  private final ProcessEngine engine;
  private final Skjemaregister skjemaer;
  private final Skjemadata skjemadata;

  StartSider(ProcessEngine engine, Skjemaregister skjemaer, Skjemadata skjemadata) {
    this.engine = engine;
    this.skjemaer = skjemaer;
    this.skjemadata = skjemadata;
  }

  /** The processes the logged-in user may start, with a start form. */
  static List<ProcessDefinition> startbare(ProcessEngineServices engine) {
    return engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().active()
        .startableInTasklist().startablePermissionCheck().orderByProcessDefinitionName().asc().list();
  }

  static Optional<ProcessDefinition> startbar(ProcessEngineServices engine, String nokkel) {
    return startbare(engine).stream().filter(d -> d.getKey().equals(nokkel)).findFirst();
  }

  @GetMapping("/start")
  String liste(Model model) {
    List<ProcessDefinition> med = startbare(engine).stream()
        .filter(d -> skjemaer.forStart(d.getId()).isPresent()).toList();
    if (med.size() == 1) {
      return "redirect:/start/" + med.get(0).getKey();
    }
    model.addAttribute("prosesser", med);
    return "arbeidsflate/start";
  }

  @GetMapping("/start/{nokkel}")
  String skjema(@PathVariable String nokkel, Model model) {
    ProcessDefinition definisjon = startbar(engine, nokkel)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    JsonNode skjema = skjemadata.skjema(engine.getFormService().getDeployedStartForm(definisjon.getId()));
    ObjectNode verdier = skjemadata.verdier(Variables.createVariables());
    bareEgneKommuner(skjema, verdier, Kommuneutvalg.forInnlogget(engine));
    boolean forslag = Arbeidspakkeprosess.PROSESS.equals(definisjon.getKey());
    model.addAttribute("definisjon", definisjon);
    model.addAttribute("tittel", forslag ? "Nytt forslag til arbeidspakke" : definisjon.getName());
    model.addAttribute("knapp", forslag ? "Send inn forslaget" : "Start");
    model.addAttribute("meg", InnloggetBruker.id(engine).orElseThrow());
    model.addAttribute("skjemadata", skjemadata.forSiden(skjema, verdier));
    return "arbeidsflate/start-skjema";
  }

  /**
   * Narrows the kommune choices to the kommuner the user belongs to (the engine refuses the others
   * anyway), and chooses the kommune when only one is left.
   */
  private static void bareEgneKommuner(JsonNode skjema, ObjectNode verdier, Kommuneutvalg utvalg) {
    for (JsonNode felt : skjema.findParents("properties")) {
      if (KOMMUNEVERDIER.equals(felt.path("properties").path("verdier").asText()) && felt.path("values").isArray()) {
        ArrayNode valg = (ArrayNode) felt.get("values");
        for (int i = valg.size() - 1; i >= 0; i--) {
          if (!utvalg.ser(valg.get(i).path("value").asText())) {
            valg.remove(i);
          }
        }
        if (valg.size() == 1 && felt.hasNonNull("key")) {
          verdier.set(felt.get("key").asText(), valg.get(0).get("value"));
        }
      }
    }
  }
}
