package no.vareunge.tilgang;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on everything the application answers itself (the overview, the login page,
 * {@code /api}, {@code /engine-rest}, {@code /actuator}): no framing by other sites, no guessing of
 * content types, no addresses leaked to other sites, scripts only from the application, and HSTS
 * when served over https (behind a proxy: {@code server.forward-headers-strategy}). The web apps
 * under {@code /camunda} send their own, which Camunda's configuration sets (application.yaml).
 */
@Configuration
class Sikkerhetshoder {

  static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  static final String HSTS = "max-age=31536000; includeSubDomains";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> sikkerhetshoderFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registrering = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String sti = request.getRequestURI().substring(request.getContextPath().length());
        if (!sti.startsWith("/camunda/")) {
          response.setHeader("Content-Security-Policy", CSP);
          response.setHeader("X-Frame-Options", "DENY");
          response.setHeader("X-Content-Type-Options", "nosniff");
          response.setHeader("Referrer-Policy", "same-origin");
        }
        if (request.isSecure()) {
          response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
      }
    });
    registrering.addUrlPatterns("/*");
    registrering.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registrering;
  }
}
