package no.vareunge.portefolje;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import no.vareunge.vedtak.Vedtak;

/** One package with its timeline: the decisions, the progress reports and what waits now. */
@Schema(description = "Én arbeidspakke med tidslinjen: vedtakene, fremdriftsrapportene og de åpne oppgavene")
public record Arbeidspakkedetaljer(
    Arbeidspakkerad arbeidspakke,
    @Schema(description = "Lenke til prosessinstansen i Cockpit") String cockpit,
    @Schema(description = "Vedtaksprotokollen for pakken, eldste først") List<Vedtak> vedtak,
    @Schema(description = "Leverte fremdriftsrapporter, eldste først") List<Fremdriftsrapport> fremdriftsrapporter,
    @Schema(description = "Oppgavene som venter nå, eldste først") List<Oppgavevisning> apneOppgaver) {}
