package no.vareunge.portefolje;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Date;

/** An open task as the API shows it, with links to it in Tasklist and to its package in Cockpit. */
@Schema(description = "En åpen oppgave, med lenker til oppgaven i Tasklist og til prosessinstansen i Cockpit")
public record Oppgavevisning(
    String oppgaveId,
    @Schema(description = "Oppgavens navn, for eksempel «Styrebehandling»") String navn,
    @Schema(description = "Stegets id i prosessmodellen, for eksempel Task_Styrebehandling") String aktivitet,
    String referanse,
    String tittel,
    String kommune,
    @Schema(description = "Brukeren som har tatt oppgaven; tom når den ligger til gruppen") String tildelt,
    Date opprettet,
    Date frist,
    @Schema(description = "Fristen er passert") boolean forfalt,
    String prosessinstansId,
    @Schema(description = "Lenke til oppgaven i Tasklist") String tasklist,
    @Schema(description = "Lenke til prosessinstansen i Cockpit") String cockpit) {

  static Oppgavevisning av(ApenOppgave o, Date naa) {
    return new Oppgavevisning(o.oppgaveId(), o.navn(), o.aktivitet(), o.referanse(), o.tittel(), o.kommune(),
        o.tildelt(), o.opprettet(), o.frist(), o.frist() != null && o.frist().before(naa), o.prosessinstansId(),
        tasklist(o.oppgaveId()), cockpit(o.prosessinstansId()));
  }

  static String tasklist(String oppgaveId) {
    return "/camunda/app/tasklist/default/#/?task=" + oppgaveId;
  }

  static String cockpit(String prosessinstansId) {
    return "/camunda/app/cockpit/default/#/process-instance/" + prosessinstansId;
  }
}
