package no.vareunge.skjema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces the constraints of the Camunda Forms on the server: every start and every task
 * completion through the REST API (which Tasklist also uses) is checked against the form of that
 * start event or task before the engine sees it. A bad submission gets HTTP 400 with a Norwegian
 * message naming each field, and nothing is started or completed. Read-only and hidden fields are
 * dropped, as the browser drops them; fields the form does not have are refused.
 */
public class SkjemaValideringFilter extends OncePerRequestFilter {

  private static final String REST = "(?:/engine-rest|/camunda/api/engine/engine/[^/]+)";
  private static final Pattern START = Pattern.compile(
      REST + "/process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(?:start|submit-form)/?");
  private static final Pattern OPPGAVE = Pattern.compile(REST + "/task/([^/]+)/(?:complete|submit-form|resolve)/?");

  private final ProcessEngine engine;
  private final Skjemaregister skjemaer;
  private final ObjectMapper json = new ObjectMapper();
  private final InnsendteVerdier innsendteVerdier = new InnsendteVerdier(json);

  public SkjemaValideringFilter(ProcessEngine engine, Skjemaregister skjemaer) {
    this.engine = engine;
    this.skjemaer = skjemaer;
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
    byte[] kropp = request.getInputStream().readAllBytes();
    Optional<Innsending> innsending = finnSkjema(sti(request));
    if (innsending.isEmpty()) {
      chain.doFilter(new LestForesporsel(request, kropp), response);
      return;
    }
    try {
      JsonNode rot = kropp.length == 0 ? json.createObjectNode() : json.readTree(kropp);
      if (!rot.isObject()) {
        throw new UgyldigInnsendingException("Forespørselen må være et JSON-objekt.");
      }
      Map<String, Object> verdier = innsendteVerdier.les(rot.get("variables"));
      Innsending i = innsending.get();
      SkjemaValidator.Resultat resultat = skjemaer.valider(i.skjema(), verdier, i.kjenteVerdier());
      if (!resultat.gyldig()) {
        avvis(response, "Skjemaet er ikke riktig utfylt: " + String.join(" ", resultat.feil()));
        return;
      }
      if (!resultat.ignorerte().isEmpty()) {
        resultat.ignorerte().forEach(((ObjectNode) rot.get("variables"))::remove);
        kropp = json.writeValueAsBytes(rot);
      }
    } catch (JsonProcessingException e) {
      avvis(response, "Forespørselen er ikke gyldig JSON.");
      return;
    } catch (UgyldigInnsendingException e) {
      avvis(response, e.getMessage());
      return;
    }
    chain.doFilter(new LestForesporsel(request, kropp), response);
  }

  private record Innsending(Skjema skjema, Map<String, Object> kjenteVerdier) {}

  private Optional<Innsending> finnSkjema(String sti) {
    Matcher oppgave = OPPGAVE.matcher(sti);
    if (oppgave.matches()) {
      String oppgaveId = oppgave.group(1);
      Task task = engine.getTaskService().createTaskQuery().taskId(oppgaveId).singleResult();
      if (task == null) {
        return Optional.empty(); // the REST API answers 404 itself
      }
      return skjemaer.forOppgave(oppgaveId)
          .map(s -> new Innsending(s, engine.getTaskService().getVariables(oppgaveId)));
    }
    Matcher start = START.matcher(sti);
    start.matches();
    return prosessdefinisjon(start).flatMap(d -> skjemaer.forStart(d.getId())).map(s -> new Innsending(s, Map.of()));
  }

  private Optional<ProcessDefinition> prosessdefinisjon(Matcher start) {
    ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery();
    if (start.group(3) != null) {
      query.processDefinitionId(start.group(3));
    } else {
      query.processDefinitionKey(start.group(1)).latestVersion();
      if (start.group(2) != null) {
        query.tenantIdIn(start.group(2));
      } else {
        query.withoutTenantId();
      }
    }
    return Optional.ofNullable(query.singleResult());
  }

  private void avvis(HttpServletResponse response, String melding) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    // The shape of Camunda's own error responses, so that Tasklist shows the message.
    json.writeValue(response.getOutputStream(),
        Map.of("type", "InvalidRequestException", "message", melding, "code", 0));
  }

  private static String sti(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** The request again, with its body already read (and possibly rewritten). */
  private static final class LestForesporsel extends HttpServletRequestWrapper {
    private final byte[] kropp;

    LestForesporsel(HttpServletRequest request, byte[] kropp) {
      super(request);
      this.kropp = kropp;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream inn = new ByteArrayInputStream(kropp);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return inn.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return inn.read();
        }
      };
    }

    @Override
    public int getContentLength() {
      return kropp.length;
    }

    @Override
    public long getContentLengthLong() {
      return kropp.length;
    }
  }
}
