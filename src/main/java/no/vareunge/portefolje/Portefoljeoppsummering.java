package no.vareunge.portefolje;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.vareunge.arbeidspakke.Fase;

/** The portfolio in figures: per kommune and in total. */
@Schema(description = "Porteføljen i tall, per kommune og totalt, innenfor kommunene brukeren har tilgang til")
public record Portefoljeoppsummering(
    List<Kommunetall> kommuner,
    @Schema(description = "Summen av kommunene over (kommune er da tom)") Kommunetall totalt,
    @Schema(description = "Åpne oppgaver med passert frist") long forfalteOppgaver) {

  /** One kommune's packages: how many in each phase (every phase, also 0), and the money. */
  @Schema(description = "Én kommunes arbeidspakker: antall per fase (alle faser, også 0) og økonomien")
  public record Kommunetall(
      String kommune,
      String kommunenavn,
      long antall,
      Map<Fase, Long> faser,
      @Schema(description = "Foreslått budsjett, alle pakker (NOK)") BigDecimal budsjett,
      @Schema(description = "Bevilget til godkjente pakker (NOK)") BigDecimal bevilget,
      @Schema(description = "Forbrukt etter siste fremdriftsrapport (NOK)") BigDecimal forbrukt) {}
}
