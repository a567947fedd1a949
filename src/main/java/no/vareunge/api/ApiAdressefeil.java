package no.vareunge.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The errors found before any controller is chosen (an address under {@code /api} that does not
 * exist, a method or content type that no endpoint there takes): no {@link DomeneApi} controller
 * is involved, so {@link ApiFeilhandtering} does not see them. Under {@code /api} they get the
 * same Norwegian problem details; everywhere else they are left to Spring as before (rethrown).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiAdressefeil {

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
      HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
      HttpMediaTypeNotAcceptableException.class})
  ResponseEntity<ProblemDetail> adressefeil(Exception feil, HttpServletRequest request) throws Exception {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      throw feil;
    }
    ErrorResponse svar = (ErrorResponse) feil;
    return ResponseEntity.status(svar.getStatusCode())
        .headers(svar.getHeaders())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problem.detaljer(svar.getStatusCode(), Feilmeldinger.melding(feil, svar.getStatusCode())));
  }
}
