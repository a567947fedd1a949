package no.vareunge.arbeidspakke;

import no.vareunge.tilgang.Kommuneprosess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Process {@code arbeidspakke}: a package is its kommune's, proposed by one of its people. */
@Configuration
public class Arbeidspakkeprosess {

  public static final String PROSESS = "arbeidspakke";

  @Bean
  Kommuneprosess arbeidspakkensKommune() {
    return new Kommuneprosess(PROSESS, true);
  }
}
