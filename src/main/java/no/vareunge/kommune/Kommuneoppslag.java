package no.vareunge.kommune;

import no.vareunge.skjema.Oppslagsregister;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The kommune register as the forms look it up: by id ({@code kommune.id}) or by code ({@code kommune.kode}). */
@Configuration
class Kommuneoppslag {

  @Bean
  Oppslagsregister kommuneId(KommuneRegister kommuner) {
    return new Oppslagsregister("kommune.id", id -> kommuner.finn(id).isPresent());
  }

  @Bean
  Oppslagsregister kommuneKode(KommuneRegister kommuner) {
    return new Oppslagsregister("kommune.kode", kode -> kommuner.alle().stream().anyMatch(k -> k.kode().equalsIgnoreCase(kode)));
  }
}
