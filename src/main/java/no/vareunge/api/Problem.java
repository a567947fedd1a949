package no.vareunge.api;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error of the API with a Norwegian message, answered as an RFC 7807 problem detail
 * ({@code application/problem+json}): {@code title} says what kind of error, {@code detail} what
 * is wrong, and {@code feil} lists each field's error when a form is not filled in correctly.
 */
public class Problem extends ErrorResponseException {

  /** Said, with 503, to anyone who meets an exhausted resource (no database connection in time). */
  public static final String OVERBELASTET = "Systemet har mye å gjøre akkurat nå. Ingenting er lagret; prøv igjen om litt.";
  /** The Retry-After of that 503. */
  public static final String OVERBELASTET_VENT_SEKUNDER = "5";

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
}
