package no.vareunge.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the API under {@code /api} (springdoc): Swagger UI on
 * {@code /api/dokumentasjon}, the description on {@code /api/dokumentasjon/openapi}, both behind
 * the same HTTP Basic login as the API itself (application.yaml, {@code springdoc}).
 */
@Configuration
class ApiDokumentasjon {

  private static final String BASIC = "basic";

  @Bean
  OpenAPI vareungeApi() {
    return new OpenAPI()
        .info(new Info()
            .title("Våre unge – programstyring")
            .version("1")
            .description("""
                Porteføljen av arbeidspakker, oppgavene og varslene, lest fra lesemodellen og innenfor \
                kommunene den innloggede har tilgang til (programleder og eierstyret ser alle). Innlogging med \
                HTTP Basic, de samme brukerne som i Tasklist. Alle feil svares som RFC 7807-problemdetaljer \
                (application/problem+json) med en norsk melding i «detail»; skjemafeil i tillegg som en liste \
                «feil» med én melding per felt."""))
        .components(new Components().addSecuritySchemes(BASIC,
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("Brukernavn og passord som i Tasklist.")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }
}
