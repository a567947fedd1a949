package no.vareunge.tilgang;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * In the prod profile the application refuses to start while the administrator's password is
 * missing, short or a well-known default. Runs before anything else is created, so no engine,
 * no user and no database change come from a start that is refused.
 */
public class Produksjonskontroll implements EnvironmentPostProcessor {

  static final String PASSORD = "camunda.bpm.admin-user.password";
  private static final int MINSTE_LENGDE = 12;
  private static final Set<String> KJENTE = Set.of("demo", "admin", "camunda", "password", "passord", "changeme",
      "secret", "hemmelig", "123456", "12345678", "123456789012", "test", "qwerty", "velkommen");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment miljo, SpringApplication application) {
    if (!miljo.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    if (Arrays.asList(miljo.getActiveProfiles()).contains("demo")) {
      throw new IllegalStateException("Profilene prod og demo kan ikke brukes sammen: demobrukerne skal aldri finnes i produksjon.");
    }
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
