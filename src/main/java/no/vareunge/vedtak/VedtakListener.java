package no.vareunge.vedtak;

import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.GODKJENT_DATO;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.GODKJENT_NIVA;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.REFERANSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.TIDLIGERE_VEDTAK;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.VEDTAKSGRUPPE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.KOMMUNE;

import no.vareunge.arbeidspakke.Tidssone;
import no.vareunge.skjema.Skjema;
import no.vareunge.skjema.Skjemaregister;
import no.vareunge.tilgang.InnloggetBruker;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of a decision task: writes the vedtak to the protocol, adds it to the decision
 * basis that later forms show, and remembers the level that approved the package.
 */
@Component
public class VedtakListener implements TaskListener {

  private final Vedtaksprotokoll protokoll;
  private final Skjemaregister skjemaer;

  public VedtakListener(Vedtaksprotokoll protokoll, Skjemaregister skjemaer) {
    this.protokoll = protokoll;
    this.skjemaer = skjemaer;
  }

  @Override
  public void notify(DelegateTask oppgave) {
    Beslutningspunkt punkt = Beslutningspunkt.forOppgave(oppgave.getTaskDefinitionKey());
    Beslutningsniva niva = punkt.niva(oppgave);
    String utfall = punkt.utfall.from(oppgave).get();
    Vedtak vedtak = new Vedtak(
        REFERANSE.from(oppgave).get(),
        oppgave.getProcessInstanceId(),
        oppgave.getId(),
        niva,
        utfall,
        Beslutningspunkt.valgfri(punkt.sakNr, oppgave),
        Beslutningspunkt.valgfri(punkt.motedato, oppgave),
        Beslutningspunkt.valgfri(punkt.begrunnelse, oppgave),
        InnloggetBruker.id(oppgave.getProcessEngineServices()).orElse(oppgave.getAssignee()),
        Tidssone.naa());
    protokoll.registrer(vedtak);
    TIDLIGERE_VEDTAK.on(oppgave).set(
        TIDLIGERE_VEDTAK.from(oppgave).getOptional().map(s -> s + "\n").orElse("") + linje(oppgave, punkt, vedtak));
    if ("godkjent".equals(utfall)) {
      GODKJENT_NIVA.on(oppgave).set(niva.name());
      VEDTAKSGRUPPE.on(oppgave).set(niva.gruppe(KOMMUNE.from(oppgave).get()));
      GODKJENT_DATO.on(oppgave).set(vedtak.tidspunkt());
    }
  }

  /** «22.11.2026 – Lokalt styre (sak 12/26): Godkjent. Begrunnelse: …», with the form's own words. */
  private String linje(DelegateTask oppgave, Beslutningspunkt punkt, Vedtak v) {
    String utfall = skjemaer.forOppgave(oppgave.getId())
        .map((Skjema s) -> s.etikettForVerdi(punkt.utfall.getName(), v.utfall()))
        .orElse(v.utfall());
    StringBuilder linje = new StringBuilder(Tidssone.norskDato(v.tidspunkt()))
        .append(" – ").append(v.niva().visningsnavn());
    if (v.sakNr() != null) {
      linje.append(" (sak ").append(v.sakNr()).append(')');
    }
    linje.append(": ").append(utfall).append('.');
    if (v.begrunnelse() != null) {
      linje.append(" Begrunnelse: ").append(v.begrunnelse());
    }
    return linje.toString();
  }
}
