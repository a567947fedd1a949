package no.vareunge.api;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the {@link DomeneApi} controllers as an RFC 7807 problem detail in Norwegian:
 * the API's own {@link Problem}s as they are, Spring MVC's errors (wrong parameter types, missing
 * or unreadable JSON, wrong content type) translated, an engine refusal as 403, and anything
 * unexpected as a 500 without details (they go to the log, never to the caller).
 */
@RestControllerAdvice(annotations = DomeneApi.class)
class ApiFeilhandtering extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiFeilhandtering.class);

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Object> ingenTilgang(AuthorizationException feil, WebRequest request) {
    return handleExceptionInternal(Problem.ingenTilgang("Du har ikke tilgang til dette."), null, new HttpHeaders(),
        HttpStatus.FORBIDDEN, request);
  }

  /** No database connection to be had in time: the server is busy, not broken. */
  @ExceptionHandler(CannotCreateTransactionException.class)
  ResponseEntity<Object> overbelastet(CannotCreateTransactionException feil, WebRequest request) {
    LOG.warn("API-et er overbelastet: {}: {}", request.getDescription(false), feil.getMessage());
    HttpHeaders hoder = new HttpHeaders();
    hoder.set(HttpHeaders.RETRY_AFTER, Problem.OVERBELASTET_VENT_SEKUNDER);
    return handleExceptionInternal(new Problem(HttpStatus.SERVICE_UNAVAILABLE, Problem.OVERBELASTET), null, hoder,
        HttpStatus.SERVICE_UNAVAILABLE, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> uventet(Exception feil, WebRequest request) {
    LOG.error("Uventet feil i API-et: {}", request.getDescription(false), feil);
    return handleExceptionInternal(feil, null, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception feil, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ProblemDetail norsk = feil instanceof Problem problem
        ? problem.getBody()
        : Problem.detaljer(status, Feilmeldinger.melding(feil, status));
    return super.handleExceptionInternal(feil, norsk, headers, status, request);
  }
}
