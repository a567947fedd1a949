package no.vareunge.tilgang;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import no.vareunge.api.Problem;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpStatus;

/**
 * The login of {@code /api} ({@link OktEllerHttpBasic}: HTTP Basic, or the web apps' session for
 * reading), with a refused login answered like every other error of the API: a Norwegian problem
 * detail. (The engine's filter has set status 401 when it asks for the challenge; the body is only
 * buffered here, so the status still stands.)
 */
public class ApiInnlogging extends OktEllerHttpBasic {

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    super.augmentResponseByAuthenticationChallenge(response, engine);
    try {
      Problem.skriv(response, HttpStatus.UNAUTHORIZED, "Du må logge inn med brukernavn og passord (HTTP Basic).", false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
