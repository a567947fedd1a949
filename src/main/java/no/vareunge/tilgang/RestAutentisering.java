package no.vareunge.tilgang;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The REST API under {@code /engine-rest} is open in the Spring Boot starter by default; here it
 * requires HTTP Basic against the engine's identity service, the same users as the web apps.
 * The metrics for Prometheus are behind the same login, and so is the application's own API under
 * {@code /api} (e.g. the notification log, no.vareunge.varsling.VarselApi).
 */
@Configuration
class RestAutentisering {

  @Bean
  FilterRegistrationBean<Filter> restAutentiseringFilter() {
    FilterRegistrationBean<Filter> registrering = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registrering.addUrlPatterns("/engine-rest/*", "/actuator/prometheus", "/api/*");
    registrering.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registrering.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registrering;
  }
}
