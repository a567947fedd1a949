package no.vareunge.skjema;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class SkjemaKonfigurasjon {

  /**
   * After the HTTP Basic filter of /engine-rest, so that a refused login is never answered with
   * form errors; on the web apps' path the filter checks the session login itself.
   */
  @Bean
  FilterRegistrationBean<SkjemaValideringFilter> skjemaValideringFilter(ProcessEngine engine, Skjemaregister skjemaer,
      Skjemainnsending innsending) {
    FilterRegistrationBean<SkjemaValideringFilter> registrering =
        new FilterRegistrationBean<>(new SkjemaValideringFilter(engine, skjemaer, innsending));
    registrering.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registrering.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registrering;
  }

  /** Before the form check, which reads the values the same way. */
  @Bean
  FilterRegistrationBean<Verditypefilter> verditypefilter() {
    FilterRegistrationBean<Verditypefilter> registrering = new FilterRegistrationBean<>(new Verditypefilter());
    registrering.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registrering.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
    return registrering;
  }
}
