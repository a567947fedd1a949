package no.vareunge.drift;

import org.springframework.http.HttpStatus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import no.vareunge.api.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An exhausted resource (no database connection within the pool's timeout) is answered with 503, a
 * Retry-After and a Norwegian message in Camunda's error shape, never with a 500 that names an
 * exception: the server is busy, nothing was stored, and trying again helps. Wherever it happens:
 * in the REST API (/engine-rest), in a login filter before it, or in a page; the application's own
 * API says the same as a problem detail (no.vareunge.api.ApiFeilhandtering).
 */
@Configuration
class Overbelastning {

  private static final Logger LOG = LoggerFactory.getLogger(Overbelastning.class);

  @Bean
  ResourceConfigCustomizer overbelastningIRestApiet() {
    return config -> config.register(new Svar());
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> overbelastningFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registrering = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        try {
          chain.doFilter(request, response);
        } catch (ServletException | RuntimeException feil) {
          if (!overbelastet(feil) || response.isCommitted()) {
            throw feil;
          }
          LOG.warn("Overbelastet: {} {}: {}", request.getMethod(), request.getRequestURI(), feil.getMessage());
          response.resetBuffer();
          response.setHeader("Retry-After", Problem.OVERBELASTET_VENT_SEKUNDER);
          Problem.skriv(response, HttpStatus.SERVICE_UNAVAILABLE, Problem.OVERBELASTET, true);
        }
      }
    });
    registrering.addUrlPatterns("/*");
    registrering.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registrering;
  }

  /** Whether the cause is a connection the pool could not give in time. */
  static boolean overbelastet(Throwable feil) {
    for (Throwable t = feil; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException) {
        return true;
      }
    }
    return false;
  }

  static final class Svar implements ExceptionMapper<CannotCreateTransactionException> {
    @Override
    public Response toResponse(CannotCreateTransactionException feil) {
      LOG.warn("REST-API-et er overbelastet: {}", feil.getMessage());
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .header("Retry-After", Problem.OVERBELASTET_VENT_SEKUNDER)
          .type("application/problem+json;charset=UTF-8")
          .entity(Problem.json(Problem.forMotorensKlienter(HttpStatus.SERVICE_UNAVAILABLE, Problem.OVERBELASTET)))
          .build();
    }
  }
}
