package no.vareunge.vedtak;

import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.GODKJENT_DATO;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.GODKJENT_NIVA;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.INNSENDER;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.REFERANSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.TIDLIGERE_VEDTAK;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.VEDTAKSGRUPPE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.KOMMUNE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.TITTEL;

import java.util.List;
import no.vareunge.felles.Tidssone;
import no.vareunge.skjema.Skjema;
import no.vareunge.skjema.Skjemaregister;
import no.vareunge.tilgang.InnloggetBruker;
import no.vareunge.tilgang.Tilgangsoppsett;
import no.vareunge.varsling.Varselhendelse;
import no.vareunge.varsling.Varselbestilling;
import no.vareunge.varsling.Varslingsstart;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of a decision task: writes the vedtak to the protocol, adds it to the decision
 * basis that later forms show, remembers the level that approved the package, and notifies the
 * arbeidspakke-leder and the lokal leder (process {@code varsling}, started in the same
 * transaction: the e-mail goes out only once the decision is committed). A rejection is told by
 * the model's own notification point (AVSLATT), so it is not notified twice.
 */
@Component
public class VedtakListener implements TaskListener {

  private final Vedtaksprotokoll protokoll;
  private final Skjemaregister skjemaer;
  private final Varslingsstart varslingsstart;

  public VedtakListener(Vedtaksprotokoll protokoll, Skjemaregister skjemaer, Varslingsstart varslingsstart) {
    this.protokoll = protokoll;
    this.skjemaer = skjemaer;
    this.varslingsstart = varslingsstart;
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
        Beslutningspunkt.valgfri(punkt.betingelser, oppgave),
        InnloggetBruker.id(oppgave.getProcessEngineServices()).orElse(oppgave.getAssignee()),
        Tidssone.naa());
    protokoll.registrer(vedtak);
    TIDLIGERE_VEDTAK.on(oppgave).set(
        TIDLIGERE_VEDTAK.from(oppgave).getOptional().map(s -> s + "\n").orElse("") + linje(oppgave, punkt, vedtak));
    if (Utfall.GODKJENT.verdi().equals(utfall)) {
      GODKJENT_NIVA.on(oppgave).set(niva.name());
      VEDTAKSGRUPPE.on(oppgave).set(niva.gruppe(KOMMUNE.from(oppgave).get()));
      GODKJENT_DATO.on(oppgave).set(vedtak.tidspunkt());
    }
    if (!Utfall.AVSLATT.verdi().equals(utfall)) {
      varsle(oppgave, vedtak, utfallstekst(oppgave, punkt, vedtak));
    }
  }

  private void varsle(DelegateTask oppgave, Vedtak v, String utfall) {
    String kommune = KOMMUNE.from(oppgave).get();
    varslingsstart.bestill(oppgave.getProcessEngineServices(), new Varselbestilling(Varselhendelse.VEDTAK,
        INNSENDER.from(oppgave).getOptional().stream().toList(), List.of(Tilgangsoppsett.leder(kommune)),
        v.prosessinstansId(), v.referanse(), TITTEL.from(oppgave).getOptional().orElse(null), kommune, null,
        v.omtale(utfall)));
  }

  /** «22.11.2026 – Lokalt styre (sak 12/26): Godkjent. Begrunnelse: …», with the form's own words. */
  private String linje(DelegateTask oppgave, Beslutningspunkt punkt, Vedtak v) {
    String utfall = utfallstekst(oppgave, punkt, v);
    StringBuilder linje = new StringBuilder(Tidssone.norskDato(v.tidspunkt()))
        .append(" – ").append(v.niva().visningsnavn());
    if (v.sakNr() != null) {
      linje.append(" (sak ").append(v.sakNr()).append(')');
    }
    linje.append(": ").append(utfall).append('.');
    if (v.begrunnelse() != null) {
      linje.append(" Begrunnelse: ").append(v.begrunnelse());
    }
    if (v.betingelser() != null && !v.betingelser().isBlank()) {
      linje.append(" Betingelser: ").append(v.betingelser());
    }
    return linje.toString();
  }

  /** The outcome in the form's own words, e.g. «Godkjent». */
  private String utfallstekst(DelegateTask oppgave, Beslutningspunkt punkt, Vedtak v) {
    return skjemaer.forOppgave(oppgave)
        .map((Skjema s) -> s.etikettForVerdi(punkt.utfall.getName(), v.utfall()))
        .orElse(v.utfall());
  }
}
