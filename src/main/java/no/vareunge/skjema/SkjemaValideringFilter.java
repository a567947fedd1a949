package no.vareunge.skjema;

import org.springframework.http.HttpStatusCode;
import no.vareunge.api.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Enforces the constraints of the Camunda Forms on the server: every start and every task
 * completion through the REST API (which Tasklist also uses) is checked against the form of that
 * start event or task before the engine sees it. A bad submission gets HTTP 400 with a Norwegian
 * message naming each field, and nothing is started or completed. Read-only and hidden fields are
 * dropped, as the browser drops them; fields the form does not have are refused.
 */
public class SkjemaValideringFilter extends OncePerRequestFilter {

  /**
   * The REST API of {@code /engine-rest} (also under a named engine: {@code /engine-rest/engine/default/…})
   * and the same API inside the web apps, which Tasklist uses ({@code webappmotor} is then set).
   */
  private static final String REST = "(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/(?<webappmotor>[^/]+))";
  private static final Pattern START = Pattern.compile(REST
      + "/process-definition/(?:key/(?<key>[^/]+)(?:/tenant-id/(?<tenant>[^/]+))?|(?<id>[^/]+))/(?:start|submit-form)/?");
  private static final Pattern OPPGAVE = Pattern.compile(REST + "/task/(?<oppgave>[^/]+)/(?:complete|submit-form|resolve)/?");
  /** Parts of a start request that skip or add to what the form covers; a form submission never has them. */
  private static final List<String> UTENFOR_SKJEMAET = List.of("startInstructions", "skipCustomListeners", "skipIoMappings");

  private final ProcessEngine engine;
  private final Skjemaregister skjemaer;
  private final Skjemainnsending innsending;
  private final ObjectMapper json = new ObjectMapper();
  private final InnsendteVerdier innsendteVerdier = new InnsendteVerdier(json);

  public SkjemaValideringFilter(ProcessEngine engine, Skjemaregister skjemaer, Skjemainnsending innsending) {
    this.engine = engine;
    this.skjemaer = skjemaer;
    this.innsending = innsending;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String sti = sti(request);
    return !"POST".equals(request.getMethod())
        || !(START.matcher(sti).matches() || OPPGAVE.matcher(sti).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher treff = matcher(sti(request));
    if (engine.getIdentityService().getCurrentAuthentication() == null) {
      // Nothing about the form is told, and nothing reaches the engine, without a sign-in.
      svar(response, HttpServletResponse.SC_UNAUTHORIZED, "Du må logge inn.");
      return;
    }
    if (treff.pattern() == OPPGAVE && !oppgaveFinnes(treff.group("oppgave"))) {
      // The REST API would answer 500. A task completed a moment ago (by someone else, or in another
      // tab) is a conflict, 409, that says so; a task the user cannot see at all is a 404.
      Optional<HistoricTaskInstance> fullfort = fullfort(treff);
      if (fullfort.isPresent()) {
        alleredeFullfort(response, fullfort.get());
      } else {
        svar(response, HttpServletResponse.SC_NOT_FOUND,
            "Oppgaven «" + treff.group("oppgave") + "» finnes ikke. Den kan allerede være fullført av noen andre.");
      }
      return;
    }
    byte[] kropp = request.getInputStream().readAllBytes();
    Optional<Innsending> funnet = finnSkjema(treff);
    if (funnet.isEmpty()) {
      videre(treff, new LestForesporsel(request, kropp), response, chain);
      return;
    }
    try {
      JsonNode rot = kropp.length == 0 ? json.createObjectNode() : json.readTree(kropp);
      if (!rot.isObject()) {
        throw new UgyldigInnsendingException("Forespørselen må være et JSON-objekt.");
      }
      for (String felt : UTENFOR_SKJEMAET) {
        JsonNode verdi = rot.get(felt);
        if (verdi != null && !verdi.isNull() && !(verdi.isBoolean() && !verdi.booleanValue())) {
          throw new UgyldigInnsendingException("«" + felt + "» kan ikke sendes inn sammen med et skjema.");
        }
      }
      Map<String, Object> verdier = innsendteVerdier.les(rot.get("variables"));
      Innsending i = funnet.get();
      Map<String, Object> kontrollert = this.innsending.kontroller(i.skjema(), verdier, i.kjenteVerdier());
      if (!kontrollert.equals(verdier)) {
        kropp = medKontrollerteVerdier(rot, verdier, kontrollert);
      }
    } catch (JsonProcessingException e) {
      avvis(response, "Forespørselen er ikke gyldig JSON.");
      return;
    } catch (UgyldigInnsendingException e) {
      avvis(response, e.getMessage());
      return;
    }
    videre(treff, new LestForesporsel(request, kropp), response, chain);
  }

  /**
   * Passes the request on to the REST API. Two users who complete the same task at the same moment
   * both pass the check above; the engine lets one win and fails the other (optimistic locking, the
   * vedtak's unique task id, the task gone when its command starts: 500; or the task's
   * authorization gone with it: 403). The answer to a completion is therefore held back until the
   * engine is done: such an error for a task that meanwhile was completed becomes the same 409.
   */
  private void videre(Matcher treff, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (treff.pattern() != OPPGAVE) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper holdt = new ContentCachingResponseWrapper(response);
    Authentication innlogget = engine.getIdentityService().getCurrentAuthentication();
    chain.doFilter(request, holdt);
    // The web apps' own filter ends the engine's login when it is done; the check below is the user's.
    engine.getIdentityService().setAuthentication(innlogget);
    boolean feilet = holdt.getStatus() >= HttpServletResponse.SC_INTERNAL_SERVER_ERROR
        || holdt.getStatus() == HttpServletResponse.SC_FORBIDDEN;
    if (feilet && !response.isCommitted()
        && !oppgaveFinnes(treff.group("oppgave"))) {
      Optional<HistoricTaskInstance> fullfort = fullfort(treff);
      if (fullfort.isPresent()) {
        response.resetBuffer();
        alleredeFullfort(response, fullfort.get());
        return;
      }
    }
    holdt.copyBodyToResponse();
  }

  /** The task as completed in the history, if the user may see it there (another kommune's is unknown: 404). */
  private Optional<HistoricTaskInstance> fullfort(Matcher treff) {
    return innsending.fullfort(treff.group("oppgave"));
  }

  private void alleredeFullfort(HttpServletResponse response, HistoricTaskInstance oppgave) throws IOException {
    svar(response, HttpServletResponse.SC_CONFLICT, Skjemainnsending.fullfortAvAnnen(oppgave.getId()));
  }

  private record Innsending(Skjema skjema, Map<String, Object> kjenteVerdier) {}

  /** The request with the checked values: dropped fields removed, lists without their empty rows (as Json). */
  private byte[] medKontrollerteVerdier(JsonNode rot, Map<String, Object> innsendt, Map<String, Object> kontrollert)
      throws JsonProcessingException {
    ObjectNode variabler = (ObjectNode) rot.get("variables");
    for (String key : innsendt.keySet()) {
      if (!kontrollert.containsKey(key)) {
        variabler.remove(key);
      } else if (!Objects.equals(innsendt.get(key), kontrollert.get(key))) {
        variabler.putObject(key).put("type", "Json").put("value", json.writeValueAsString(kontrollert.get(key)));
      }
    }
    return json.writeValueAsBytes(rot);
  }

  private boolean oppgaveFinnes(String oppgaveId) {
    return engine.getTaskService().createTaskQuery().taskId(oppgaveId).count() > 0;
  }

  private Optional<Innsending> finnSkjema(Matcher treff) {
    if (treff.pattern() == OPPGAVE) {
      String oppgaveId = treff.group("oppgave");
      return skjemaer.forOppgave(oppgaveId)
          .map(s -> new Innsending(s, engine.getTaskService().getVariables(oppgaveId)));
    }
    return prosessdefinisjon(treff).flatMap(d -> skjemaer.forStart(d.getId())).map(s -> new Innsending(s, Map.of()));
  }

  private Optional<ProcessDefinition> prosessdefinisjon(Matcher start) {
    ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery();
    if (start.group("id") != null) {
      query.processDefinitionId(start.group("id"));
    } else {
      query.processDefinitionKey(start.group("key")).latestVersion();
      if (start.group("tenant") != null) {
        query.tenantIdIn(start.group("tenant"));
      } else {
        query.withoutTenantId();
      }
    }
    return Optional.ofNullable(query.singleResult());
  }

  private void avvis(HttpServletResponse response, String melding) throws IOException {
    svar(response, HttpServletResponse.SC_BAD_REQUEST, melding);
  }

  private void svar(HttpServletResponse response, int status, String melding) throws IOException {
    // With {@code message}, which Tasklist shows.
    Problem.skriv(response, HttpStatusCode.valueOf(status), melding, true);
  }

  /** The matching pattern's matcher; one of them matches, or the filter would not run. */
  private static Matcher matcher(String sti) {
    Matcher start = START.matcher(sti);
    if (start.matches()) {
      return start;
    }
    Matcher oppgave = OPPGAVE.matcher(sti);
    oppgave.matches();
    return oppgave;
  }

  /**
   * The path as the REST API resolves it: decoded, normalised and without path parameters, so that
   * {@code st%61rt} or {@code start;x=1} cannot slip past the patterns.
   */
  private static String sti(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }
}
