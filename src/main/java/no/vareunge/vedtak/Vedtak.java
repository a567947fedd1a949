package no.vareunge.vedtak;

import java.util.Date;
import no.vareunge.varsling.Vedtaksomtale;

/** One entry of the vedtaksprotokoll. */
public record Vedtak(
    String referanse,
    String prosessinstansId,
    String oppgaveId,
    Beslutningsniva niva,
    String utfall,
    String sakNr,
    String motedato,
    String begrunnelse,
    String betingelser,
    String besluttetAv,
    Date tidspunkt) {

  /** As the notifications tell it, with the outcome in the form's words. */
  public Vedtaksomtale omtale(String utfallstekst) {
    return new Vedtaksomtale(niva.visningsnavn(), utfallstekst, sakNr, motedato, begrunnelse, besluttetAv);
  }
}
