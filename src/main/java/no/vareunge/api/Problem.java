package no.vareunge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.ErrorResponseException;

/**
 * An error of the API with a Norwegian message, answered as an RFC 7807 problem detail
 * ({@code application/problem+json}): {@code title} says what kind of error, {@code detail} what
 * is wrong, and {@code feil} lists each field's error when a form is not filled in correctly.
 * The one shape of every error the application answers itself: from controllers (through
 * {@code ApiFeilhandtering}) and from filters ({@link #skriv}).
 */
public class Problem extends ErrorResponseException {

  /** Said, with 503, to anyone who meets an exhausted resource (no database connection in time). */
  public static final String OVERBELASTET = "Systemet har mye å gjøre akkurat nå. Ingenting er lagret; prøv igjen om litt.";
  /** The Retry-After of that 503. */
  public static final String OVERBELASTET_VENT_SEKUNDER = "5";

  /** With Spring's mix-in, so that extension members such as {@code feil} are written at the top level. */
  private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

  public Problem(HttpStatusCode status, String melding) {
    super(status, detaljer(status, melding), null);
  }

  private Problem(ProblemDetail detaljer) {
    super(HttpStatusCode.valueOf(detaljer.getStatus()), detaljer, null);
  }

  public static Problem ugyldig(String melding) {
    return new Problem(HttpStatus.BAD_REQUEST, melding);
  }

  /** 400 with one message per field, in the order the form has them. */
  public static Problem ugyldig(String melding, List<String> feil) {
    ProblemDetail detaljer = detaljer(HttpStatus.BAD_REQUEST, melding);
    detaljer.setProperty("feil", List.copyOf(feil));
    return new Problem(detaljer);
  }

  public static Problem ingenTilgang(String melding) {
    return new Problem(HttpStatus.FORBIDDEN, melding);
  }

  public static Problem finnesIkke(String melding) {
    return new Problem(HttpStatus.NOT_FOUND, melding);
  }

  public static Problem konflikt(String melding) {
    return new Problem(HttpStatus.CONFLICT, melding);
  }

  /** A problem detail with the Norwegian title of its status. */
  public static ProblemDetail detaljer(HttpStatusCode status, String melding) {
    ProblemDetail detaljer = ProblemDetail.forStatusAndDetail(status, melding);
    detaljer.setTitle(tittel(status.value()));
    return detaljer;
  }

  static String tittel(int status) {
    return switch (status) {
      case 400 -> "Ugyldig forespørsel";
      case 401 -> "Ikke innlogget";
      case 403 -> "Ingen tilgang";
      case 404 -> "Finnes ikke";
      case 405 -> "Metoden er ikke tillatt";
      case 406 -> "Svaret kan ikke leveres i ønsket format";
      case 409 -> "Konflikt";
      case 413 -> "Forespørselen er for stor";
      case 415 -> "Innholdstypen støttes ikke";
      case 503 -> "Prøv igjen om litt";
      default -> status >= 500 ? "Feil på serveren" : "Forespørselen kan ikke behandles";
    };
  }

  /**
   * Answers from a filter, where no controller advice reaches. To the engine's REST API (also
   * Tasklist's copy) the detail is repeated as {@code message}: the member Camunda's clients show.
   */
  public static void skriv(HttpServletResponse response, HttpStatusCode status, String melding, boolean tilMotorensKlienter)
      throws IOException {
    skriv(response, tilMotorensKlienter ? forMotorensKlienter(status, melding) : detaljer(status, melding));
  }

  /** The problem detail with {@code message} as well, for the engine's REST API. */
  public static ProblemDetail forMotorensKlienter(HttpStatusCode status, String melding) {
    ProblemDetail detaljer = detaljer(status, melding);
    detaljer.setProperty("message", melding);
    return detaljer;
  }

  /** The JSON of a problem detail, for answers that are not written by Spring (the engine's REST API). */
  public static String json(ProblemDetail detaljer) {
    try {
      return JSON.writeValueAsString(detaljer);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void skriv(HttpServletResponse response, ProblemDetail detaljer) throws IOException {
    response.setStatus(detaljer.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    JSON.writeValue(response.getOutputStream(), detaljer);
  }
}
