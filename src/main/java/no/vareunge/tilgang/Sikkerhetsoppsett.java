package no.vareunge.tilgang;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import no.vareunge.api.Problem;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.DelegatingLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one place that says who may reach what (Spring Security): the program's pages, the web apps
 * under {@code /camunda}, the program's API, the engine's REST API and the actuator. Signed in
 * with a local user (the login page, HTTP Basic) and/or the kommune's own account (OIDC; bearer
 * tokens on the APIs), as {@link Innloggingsvalg} says. Anyone not signed in reaches only the
 * login, the health check and the static files. What a signed-in user may see and do beyond that,
 * the engine decides from the groups and kommuner ({@link MotorInnlogging}).
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(Innloggingsvalg.class)
class Sikkerhetsoppsett {

  private final Innloggingsvalg valg;
  private final ObjectProvider<ClientRegistrationRepository> registreringer;
  private volatile String innholdsregler;

  Sikkerhetsoppsett(Innloggingsvalg valg, ObjectProvider<ClientRegistrationRepository> registreringer) {
    this.valg = valg;
    this.registreringer = registreringer;
  }

  static final String INNLOGGING = "/logginn";
  static final String INNLOGGINGSFEIL = "/logginn/feil";
  static final String INGEN_TILGANG = "/ingen-tilgang";
  static final String UTLOGGING = "/loggut";
  /** Where the web apps' own logout button posts. */
  static final String WEBAPP_UTLOGGING = "/camunda/api/admin/auth/user/*/logout";
  static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  private static final long HSTS_SEKUNDER = 31_536_000;
  static final String UTLOGGET_UNDER_SKJEMA = "Du er blitt logget ut, eller siden er for gammel. Svarene dine er "
      + "tatt vare på i nettleseren: logg inn i en ny fane, last så denne siden inn på nytt og send inn igjen.";
  static final String AVVIST_ADRESSE = "Adressen inneholder tegn som ikke er tillatt (for eksempel «;», «//» eller "
      + "kodede skråstreker). Ingenting er endret.";

  @Bean
  @ConditionalOnProperty("vareunge.innlogging.oidc.aktiv")
  OidcBrukere oidcBrukere(Innloggingsvalg valg, Tokenbrukere brukere, Identitetsoppslag oppslag) {
    return new OidcBrukere(valg.oidc(), brukere, oppslag);
  }

  @Bean
  @ConditionalOnProperty("vareunge.innlogging.oidc.aktiv")
  Tokeninnlogging tokeninnlogging(Innloggingsvalg valg, Tokenbrukere brukere, Identitetsoppslag oppslag) {
    return new Tokeninnlogging(valg.oidc(), brukere, oppslag);
  }

  /**
   * Checks a bearer token's signature (the provider's published keys), issuer, audience and expiry.
   * Made on first use, so the application starts while the provider is briefly unreachable.
   */
  @Bean
  @ConditionalOnProperty("vareunge.innlogging.oidc.aktiv")
  JwtDecoder tokenkontroll(OAuth2ResourceServerProperties egenskaper) {
    String utsteder = egenskaper.getJwt().getIssuerUri();
    List<String> mottakere = egenskaper.getJwt().getAudiences();
    if (utsteder == null || utsteder.isBlank() || mottakere.isEmpty()) {
      throw new IllegalStateException("Tilgangstokenene kan ikke kontrolleres: sett "
          + "spring.security.oauth2.resourceserver.jwt.issuer-uri og .audiences (VAREUNGE_OIDC_UTSTEDER, "
          + "VAREUNGE_OIDC_MOTTAKER).");
    }
    return new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder kontroll = NimbusJwtDecoder.withIssuerLocation(utsteder).build();
      kontroll.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(utsteder),
          new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
              mottaker -> mottaker != null && mottaker.stream().anyMatch(mottakere::contains))));
      return kontroll;
    });
  }

  @Bean
  LokalInnlogging lokalInnlogging(IdentityService identitet, Identitetsoppslag oppslag) {
    return new LokalInnlogging(identitet, oppslag);
  }

  /** The APIs: HTTP Basic and/or bearer tokens, or the browser's session; errors as Norwegian problem details. */
  @Bean
  @Order(1)
  SecurityFilterChain apiene(HttpSecurity http, LokalInnlogging lokal, ObjectProvider<Tokeninnlogging> tokens,
      IdentityService identitet) throws Exception {
    AuthenticationEntryPoint ikkeInnlogget = ikkeInnlogget(valg);
    // By path, not by Spring MVC's mappings: the engine's REST API is a servlet of its own (Jersey).
    http.securityMatcher(new OrRequestMatcher(sti("/engine-rest/**"), sti("/api/**"), sti("/actuator/**")))
        .authorizeHttpRequests(a -> a
            .requestMatchers(sti("/actuator/health"), sti("/actuator/health/**")).permitAll()
            .anyRequest().access(kjentBruker()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        // A request with its own credentials cannot be forged by another site; one with the session's can.
        .csrf(c -> c.requireCsrfProtectionMatcher(r -> !erLesing(r) && r.getHeader("Authorization") == null
            && r.getRequestedSessionId() != null))
        .exceptionHandling(e -> e.authenticationEntryPoint(ikkeInnlogget).accessDeniedHandler(ingenTilgang()))
        .headers(this::hoder)
        .authenticationProvider(lokal);
    if (valg.lokaleBrukere()) {
      http.httpBasic(b -> b.authenticationEntryPoint(ikkeInnlogget));
    }
    if (valg.oidc().aktiv()) {
      http.oauth2ResourceServer(o -> o.authenticationEntryPoint(ikkeInnlogget)
          .accessDeniedHandler(ingenTilgang()).jwt(j -> j.jwtAuthenticationConverter(tokens.getObject())));
    }
    http.addFilterAfter(new MotorInnlogging(identitet), AuthorizationFilter.class);
    return http.build();
  }

  /** The pages and the web apps: the login page and/or the kommune's accounts, a session, CSRF tokens. */
  @Bean
  @Order(2)
  SecurityFilterChain sidene(HttpSecurity http, LokalInnlogging lokal, ObjectProvider<OidcBrukere> oidcBrukere,
      IdentityService identitet) throws Exception {
    String kontoinnlogging = "/oauth2/authorization/" + valg.oidc().registrering();
    String inngang = valg.lokaleBrukere() || !valg.oidc().aktiv() ? INNLOGGING : kontoinnlogging;
    http.authorizeHttpRequests(a -> a
            .requestMatchers(sti(INNLOGGING), sti(INNLOGGINGSFEIL), sti(INGEN_TILGANG), sti("/css/**"), sti("/js/**"),
                sti("/favicon.ico"), sti("/error"))
            .permitAll()
            .anyRequest().authenticated())
        // The web apps keep their own CSRF protection (Camunda's, with the X-XSRF-TOKEN header).
        .csrf(c -> c.ignoringRequestMatchers(sti("/camunda/**")))
        .exceptionHandling(e -> e
            .accessDeniedHandler(sideAvslag())
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                sti("/camunda/api/**"))
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(inngang), r -> true))
        .headers(this::hoder)
        .logout(l -> l
            .logoutRequestMatcher(new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, UTLOGGING),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, WEBAPP_UTLOGGING)))
            .logoutSuccessHandler(utlogget())
            .invalidateHttpSession(true)
            .clearAuthentication(true))
        .authenticationProvider(lokal);
    if (valg.lokaleBrukere()) {
      http.formLogin(f -> f.loginPage(INNLOGGING).usernameParameter("brukernavn").passwordParameter("passord")
          .defaultSuccessUrl("/", false).failureHandler(innloggingFeilet()));
    }
    if (valg.oidc().aktiv()) {
      ClientRegistrationRepository repository = registreringer.getObject();
      DefaultOAuth2AuthorizationRequestResolver pkce =
          new DefaultOAuth2AuthorizationRequestResolver(repository, "/oauth2/authorization");
      pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
      http.oauth2Login(o -> o.loginPage(inngang)
          .authorizationEndpoint(a -> a.authorizationRequestResolver(pkce))
          .userInfoEndpoint(u -> u.oidcUserService(oidcBrukere.getObject()))
          .defaultSuccessUrl("/", false)
          .failureHandler(kontoinnloggingFeilet()));
    }
    http.addFilterAfter(new MotorInnlogging(identitet), AuthorizationFilter.class);
    return http.build();
  }

  /** The web apps take the signed-in user from the session Spring Security keeps (one sign-in for all). */
  @Bean
  FilterRegistrationBean<Filter> webappinnloggingFilter(ProcessEngine engine) {
    FilterRegistrationBean<Filter> registrering = new FilterRegistrationBean<>(new Webappinnlogging(engine));
    registrering.addUrlPatterns("/camunda/*");
    registrering.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registrering;
  }

  /** An address Spring Security's firewall refuses (a path parameter, an encoded slash): 400 in Norwegian. */
  @Bean
  RequestRejectedHandler avvistAdresse() {
    return (request, response, feil) -> Problem.skriv(response, HttpStatus.BAD_REQUEST, AVVIST_ADRESSE, true);
  }

  /** First of all: where a request comes from, for the throttling of wrong passwords. */
  @Bean
  FilterRegistrationBean<Filter> innloggingskildeFilter() {
    FilterRegistrationBean<Filter> registrering = new FilterRegistrationBean<>(new Innloggingsbrems.Kildefilter());
    registrering.addUrlPatterns("/*");
    registrering.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registrering;
  }

  /** After the sign-in: who may read the metrics. */
  @Bean
  FilterRegistrationBean<Filter> metrikktilgangFilter(IdentityService identitet) {
    FilterRegistrationBean<Filter> registrering = new FilterRegistrationBean<>(new Metrikktilgang(identitet));
    registrering.addUrlPatterns("/actuator/prometheus");
    registrering.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registrering;
  }

  private void hoder(HeadersConfigurer<HttpSecurity> h) {
    // The web apps send their own Content-Security-Policy (camunda.bpm.webapp.header-security).
    h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
            new NegatedRequestMatcher(sti("/camunda/**")),
            (request, response) -> response.setHeader("Content-Security-Policy", innholdsregler())))
        .frameOptions(f -> f.deny())
        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
        .httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(HSTS_SEKUNDER));
  }

  /**
   * The pages' policy. With the kommune's accounts the logout form ends at the provider, so forms
   * may lead there too ({@code form-action} also governs where a submitted form is redirected).
   */
  private String innholdsregler() {
    String regler = innholdsregler;
    if (regler == null) {
      ClientRegistrationRepository repository = valg.oidc().aktiv() ? registreringer.getIfAvailable() : null;
      ClientRegistration kommune = repository == null ? null : repository.findByRegistrationId(valg.oidc().registrering());
      regler = kommune == null ? CSP : CSP.replace("form-action 'self'", "form-action 'self' "
          + opphav(kommune.getProviderDetails().getConfigurationMetadata().getOrDefault("end_session_endpoint",
              kommune.getProviderDetails().getIssuerUri())));
      innholdsregler = regler;
    }
    return regler;
  }

  private static String opphav(Object adresse) {
    URI uri = URI.create(String.valueOf(adresse));
    return uri.getScheme() + "://" + uri.getAuthority();
  }


  /** Signed in, and for a token: with a group of the program. */
  private static AuthorizationManager<RequestAuthorizationContext> kjentBruker() {
    return (autentisering, kontekst) -> {
      Authentication a = autentisering.get();
      return new AuthorizationDecision(a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken)
          && Tokeninnlogging.harRolle(a));
    };
  }

  private static AuthenticationEntryPoint ikkeInnlogget(Innloggingsvalg valg) {
    List<String> utfordringer = new ArrayList<>();
    if (valg.lokaleBrukere()) {
      utfordringer.add("Basic realm=\"Våre unge\", charset=\"UTF-8\"");
    }
    if (valg.oidc().aktiv()) {
      utfordringer.add("Bearer");
    }
    String melding = valg.lokaleBrukere() && valg.oidc().aktiv()
        ? "Du må logge inn: med et tilgangstoken (Bearer) eller brukernavn og passord (HTTP Basic)."
        : valg.lokaleBrukere() ? "Du må logge inn med brukernavn og passord (HTTP Basic)."
        : "Du må logge inn med et tilgangstoken (Bearer).";
    return (request, response, feil) -> {
      utfordringer.forEach(u -> response.addHeader("WWW-Authenticate", u));
      Problem.skriv(response, HttpStatus.UNAUTHORIZED, tokenfeil(feil).orElse(melding), erMotorensApi(request));
    };
  }

  private static Optional<String> tokenfeil(AuthenticationException feil) {
    return feil instanceof OAuth2AuthenticationException
        ? Optional.of("Tilgangstokenet er ikke gyldig (utløpt, feil utsteder eller mottaker, eller feil "
            + "signatur). Hent et nytt token.")
        : Optional.empty();
  }

  private static AccessDeniedHandler ingenTilgang() {
    return (request, response, feil) -> Problem.skriv(response, HttpStatus.FORBIDDEN,
        "Du har ikke tilgang. Kontoen din har ingen rolle i Våre unge for dette, eller forespørselen mangler "
            + "CSRF-token.", erMotorensApi(request));
  }

  /**
   * A page's form without its CSRF token (or with an old one): the login page says the page had
   * expired; anywhere else the Norwegian error page, 403.
   */
  private static AccessDeniedHandler sideAvslag() {
    return (request, response, feil) -> {
      if (feil instanceof CsrfException && INNLOGGING.equals(request.getServletPath())) {
        response.sendRedirect(request.getContextPath() + INNLOGGING + "?utlopt");
      } else if (venterJson(request)) {
        // A page's script sending a form: told in words it can show (a session that has ended fails here
        // first, its token gone with it), not sent to an error page.
        Problem.skriv(response, HttpStatus.FORBIDDEN, feil instanceof CsrfException ? UTLOGGET_UNDER_SKJEMA
            : "Du har ikke tilgang til dette.", false);
      } else {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
      }
    };
  }

  /** A request from a page's script, which reads the answer as JSON. */
  private static boolean venterJson(HttpServletRequest request) {
    String godtar = request.getHeader("Accept");
    return godtar != null && godtar.startsWith("application/json");
  }

  /** A wrong password: the login page again, with 401 and the message. */
  private static AuthenticationFailureHandler innloggingFeilet() {
    return (request, response, feil) -> {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      request.getRequestDispatcher(INNLOGGINGSFEIL).forward(request, response);
    };
  }

  /** A kommune account with no role in the program (or a failed sign-in at the provider). */
  private static AuthenticationFailureHandler kontoinnloggingFeilet() {
    return (request, response, feil) -> {
      boolean utenRolle = feil instanceof OAuth2AuthenticationException o
          && OidcBrukere.INGEN_TILGANG.equals(o.getError().getErrorCode());
      response.sendRedirect(request.getContextPath() + (utenRolle ? INGEN_TILGANG : INNLOGGING + "?kontofeil"));
    };
  }

  /** After logout: the provider's own logout where it has one, else the login page; 204 to the web apps. */
  private LogoutSuccessHandler utlogget() {
    LogoutSuccessHandler side;
    if (valg.oidc().aktiv()) {
      OidcClientInitiatedLogoutSuccessHandler hosLeverandoren =
          new OidcClientInitiatedLogoutSuccessHandler(registreringer.getObject());
      hosLeverandoren.setPostLogoutRedirectUri("{baseUrl}" + INNLOGGING + "?utlogget");
      hosLeverandoren.setDefaultTargetUrl(INNLOGGING + "?utlogget");
      side = hosLeverandoren;
    } else {
      SimpleUrlLogoutSuccessHandler tilInnlogging = new SimpleUrlLogoutSuccessHandler();
      tilInnlogging.setDefaultTargetUrl(INNLOGGING + "?utlogget");
      side = tilInnlogging;
    }
    LinkedHashMap<RequestMatcher, LogoutSuccessHandler> etterSti = new LinkedHashMap<>();
    etterSti.put(sti(WEBAPP_UTLOGGING), new HttpStatusReturningLogoutSuccessHandler());
    DelegatingLogoutSuccessHandler handler = new DelegatingLogoutSuccessHandler(etterSti);
    handler.setDefaultLogoutSuccessHandler(side);
    return handler;
  }

  private static RequestMatcher sti(String monster) {
    return PathPatternRequestMatcher.withDefaults().matcher(monster);
  }

  private static boolean erLesing(HttpServletRequest r) {
    return HttpMethod.GET.matches(r.getMethod()) || HttpMethod.HEAD.matches(r.getMethod())
        || HttpMethod.OPTIONS.matches(r.getMethod());
  }

  private static boolean erMotorensApi(HttpServletRequest r) {
    return r.getRequestURI().substring(r.getContextPath().length()).startsWith("/engine-rest");
  }
}
