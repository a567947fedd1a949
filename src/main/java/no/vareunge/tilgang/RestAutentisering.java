package no.vareunge.tilgang;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The REST API under {@code /engine-rest} is open in the Spring Boot starter by default; here it
 * requires HTTP Basic against the engine's identity service, the same users as the web apps.
 * The metrics for Prometheus are behind the same login (and for operations only, {@link
 * Metrikktilgang}), and so is the application's own API under
 * {@code /api} (e.g. the notification log, no.vareunge.varsling.VarselApi), with its OpenAPI
 * description and Swagger UI ({@code /api/dokumentasjon}), which also accepts the web apps' session
 * for reading ({@link OktEllerHttpBasic}) and answers a refused login as the API's problem details
 * ({@link ApiInnlogging}).
 */
@Configuration
class RestAutentisering {

  @Bean
  FilterRegistrationBean<Filter> restAutentiseringFilter() {
    FilterRegistrationBean<Filter> registrering = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registrering.addUrlPatterns("/engine-rest/*", "/actuator/prometheus");
    registrering.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registrering.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registrering;
  }

  /** First of all: where a request comes from, for the throttling of wrong passwords. */
  @Bean
  FilterRegistrationBean<Filter> innloggingskildeFilter() {
    FilterRegistrationBean<Filter> registrering = new FilterRegistrationBean<>(new Innloggingsbrems.Kildefilter());
    registrering.addUrlPatterns("/*");
    registrering.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registrering;
  }

  /** Right after the login: who may read the metrics. */
  @Bean
  FilterRegistrationBean<Filter> metrikktilgangFilter(IdentityService identity) {
    FilterRegistrationBean<Filter> registrering = new FilterRegistrationBean<>(new Metrikktilgang(identity));
    registrering.addUrlPatterns("/actuator/prometheus");
    registrering.setOrder(Ordered.HIGHEST_PRECEDENCE + 101);
    return registrering;
  }

  @Bean
  FilterRegistrationBean<Filter> apiAutentiseringFilter() {
    FilterRegistrationBean<Filter> registrering = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registrering.addUrlPatterns("/api/*");
    registrering.addInitParameter("authentication-provider", ApiInnlogging.class.getName());
    registrering.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registrering;
  }
}
