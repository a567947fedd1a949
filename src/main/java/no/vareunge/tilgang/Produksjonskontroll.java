package no.vareunge.tilgang;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * In the prod profile the application refuses to start while a way in is half set up: without
 * the kommune's accounts (profile oidc), the administrator's password must be long and not a
 * well-known default; with them, the provider, the client, the tokens' audience and the mapping of
 * the claim to the program's groups must all be set, and local passwords (the login page's form,
 * HTTP Basic) are off. Runs before anything else is created, so no engine, no user and no
 * database change come from a start that is refused. Each refusal names the setting.
 */
public class Produksjonskontroll implements EnvironmentPostProcessor {

  static final String PASSORD = "camunda.bpm.admin-user.password";
  static final String LOKALE_BRUKERE = "vareunge.innlogging.lokale-brukere";
  private static final int MINSTE_LENGDE = 12;
  private static final Set<String> KJENTE = Set.of("demo", "admin", "camunda", "password", "passord", "changeme",
      "secret", "hemmelig", "123456", "12345678", "123456789012", "test", "qwerty", "velkommen");
  /** What the kommune's accounts need, each with the environment variable of application-oidc.yaml. */
  private static final List<String[]> OIDC = List.of(
      new String[] {"spring.security.oauth2.client.provider.kommune.issuer-uri", "VAREUNGE_OIDC_UTSTEDER"},
      new String[] {"spring.security.oauth2.client.registration.kommune.client-id", "VAREUNGE_OIDC_KLIENT_ID"},
      new String[] {"spring.security.oauth2.client.registration.kommune.client-secret",
          "VAREUNGE_OIDC_KLIENT_HEMMELIGHET"},
      new String[] {"spring.security.oauth2.resourceserver.jwt.audiences", "VAREUNGE_OIDC_MOTTAKER"});

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment miljo, SpringApplication application) {
    if (!miljo.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    if (Arrays.asList(miljo.getActiveProfiles()).contains("demo")) {
      throw new IllegalStateException("Profilene prod og demo kan ikke brukes sammen: demobrukerne skal aldri finnes i produksjon.");
    }
    if (miljo.acceptsProfiles(Profiles.of("oidc"))) {
      kontoer(miljo);
    } else {
      passord(miljo);
    }
  }

  private static void kontoer(ConfigurableEnvironment miljo) {
    for (String[] innstilling : OIDC) {
      if (miljo.getProperty(innstilling[0], "").isBlank()) {
        throw new IllegalStateException("Innlogging med kommunens konto er ikke ferdig satt opp: " + innstilling[0]
            + " mangler (miljøvariabelen " + innstilling[1] + ").");
      }
    }
    boolean roller = Binder.get(miljo).bind("vareunge.innlogging.oidc.roller", Bindable.mapOf(String.class, Object.class))
        .map(m -> !m.isEmpty()).orElse(false);
    if (!roller && !miljo.getProperty("vareunge.innlogging.oidc.gruppenavn-direkte", Boolean.class, false)) {
      throw new IllegalStateException("Innlogging med kommunens konto er ikke ferdig satt opp: ingen kobling fra "
          + "kravet til programmets grupper (vareunge.innlogging.oidc.roller, eller "
          + "vareunge.innlogging.oidc.gruppenavn-direkte=true for approller med gruppenes navn).");
    }
    // With the kommune's accounts, production has no passwords of its own.
    miljo.getPropertySources().addFirst(new MapPropertySource("produksjonskontroll", Map.of(LOKALE_BRUKERE, false)));
  }

  private static void passord(ConfigurableEnvironment miljo) {
    String passord = miljo.getProperty(PASSORD, "");
    if (passord.isBlank()) {
      throw new IllegalStateException("Produksjon krever et administratorpassord: sett VAREUNGE_ADMIN_PASSORD.");
    }
    if (passord.length() < MINSTE_LENGDE || KJENTE.contains(passord.toLowerCase(Locale.ROOT))) {
      throw new IllegalStateException("Administratorpassordet er for svakt eller et kjent standardpassord: "
          + "bruk minst " + MINSTE_LENGDE + " tegn som ikke er et kjent standardpassord.");
    }
  }
}
