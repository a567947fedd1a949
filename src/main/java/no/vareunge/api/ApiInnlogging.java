package no.vareunge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import no.vareunge.tilgang.OktEllerHttpBasic;
import org.springframework.http.MediaType;

/**
 * The login of {@code /api} ({@link OktEllerHttpBasic}: HTTP Basic, or the web apps' session for
 * reading), with a refused login answered like every other error of the API: a Norwegian problem
 * detail. (The
 * engine's filter has set status 401 when it asks for the challenge; the body is only buffered
 * here, so the status still stands.)
 */
public class ApiInnlogging extends OktEllerHttpBasic {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    super.augmentResponseByAuthenticationChallenge(response, engine);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", Problem.tittel(HttpServletResponse.SC_UNAUTHORIZED));
    problem.put("status", HttpServletResponse.SC_UNAUTHORIZED);
    problem.put("detail", "Du må logge inn med brukernavn og passord (HTTP Basic).");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    try {
      JSON.writeValue(response.getOutputStream(), problem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
