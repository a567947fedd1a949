package no.vareunge.dashbord;

import jakarta.servlet.Filter;
import java.util.Map;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.AuthenticationProperties.CacheProperties;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The overview shares the web apps' login: Camunda's own session filter, which the web apps run
 * under {@code /camunda}, runs for the overview's pages as well. It reads the login from the
 * HTTP session (refreshing groups and kommuner on the same schedule as the web apps) and sets it
 * as the engine's authentication for the request, so {@code Kommuneutvalg.forInnlogget} sees the
 * user's kommuner. One login works for the overview, Tasklist and Cockpit.
 */
@Configuration
class Oktinnlogging {

  /** The overview's pages; the login page and static files are open. */
  static final String[] SIDER = {"/"};

  @Bean
  FilterRegistrationBean<Filter> dashbordOktfilter(CamundaBpmProperties camunda) {
    FilterRegistrationBean<Filter> registrering = new FilterRegistrationBean<>(new AuthenticationFilter());
    registrering.setName("Dashbord Authentication Filter");
    registrering.addUrlPatterns(SIDER);
    CacheProperties mellomlager = camunda.getWebapp().getAuth().getCache();
    registrering.setInitParameters(Map.of(AuthenticationFilter.AUTH_CACHE_TTL_INIT_PARAM_NAME,
        mellomlager.isTtlEnabled() ? Long.toString(mellomlager.getTimeToLive()) : ""));
    return registrering;
  }
}
