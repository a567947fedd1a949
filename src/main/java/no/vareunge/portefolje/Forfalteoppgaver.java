package no.vareunge.portefolje;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "Oppgaver med passert frist, lengst forfalt først")
public record Forfalteoppgaver(
    @Schema(description = "Antall forfalte oppgaver i alt (også de som ikke er med i treff)") long totalt,
    List<Oppgavevisning> treff) {}
