package no.vareunge.rapportering;

import static no.vareunge.rapportering.StyrerapportVariabler.RAPPORT_ID;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.vareunge.tilgang.Tilgangsoppsett;
import no.vareunge.varsling.Mottaker;
import no.vareunge.varsling.Mottakere;
import no.vareunge.varsling.Varselhendelse;
import no.vareunge.varsling.Varselutsender;
import no.vareunge.varsling.Varselutsender.Utsending;
import no.vareunge.varsling.Varselutsender.Vedlegg;
import no.vareunge.varsling.VarslingEgenskaper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Send rapporten til eierstyret: one e-mail to each member of group {@code eierstyre}, with the
 * workbook and the PDF attached, through the notification service. The step is asynchronous:
 * a failing mail server makes the job fail and be retried ({@code frister.jobbRetry}), and an
 * incident shows it when the retries are used up; a retry sends only to those who did not get it
 * (the key is the execution and the step, as for every notification).
 */
@Component
public class SendStyrerapportDelegate implements JavaDelegate {

  private final Rapportarkiv arkiv;
  private final Mottakere mottakere;
  private final Varselutsender utsender;
  private final VarslingEgenskaper egenskaper;

  public SendStyrerapportDelegate(Rapportarkiv arkiv, Mottakere mottakere, Varselutsender utsender,
      VarslingEgenskaper egenskaper) {
    this.arkiv = arkiv;
    this.mottakere = mottakere;
    this.utsender = utsender;
    this.egenskaper = egenskaper;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = RAPPORT_ID.from(execution).get();
    Styrerapport rapport = arkiv.hent(id)
        .orElseThrow(() -> new ProcessEngineException("Styrerapport " + id + " finnes ikke."));
    List<Vedlegg> vedlegg = List.of(vedlegg(rapport, Rapportfil.XLSX), vedlegg(rapport, Rapportfil.PDF));
    List<Mottaker> til = Context.getCommandContext().runWithoutAuthorization(() -> mottakere.finn(
        execution.getProcessEngineServices().getIdentityService(), null, Tilgangsoppsett.EIERSTYRE));
    Varselhendelse hendelse = Varselhendelse.RAPPORT_SENDT;
    utsender.send(new Utsending(execution.getId() + "/" + execution.getCurrentActivityId(), hendelse,
        hendelse.mal(), rapport.navn(), execution.getProcessInstanceId(), innhold(rapport), vedlegg), til);
    arkiv.sendt(id);
  }

  private Vedlegg vedlegg(Styrerapport rapport, Rapportfil type) {
    byte[] fil = arkiv.fil(rapport.id(), type)
        .orElseThrow(() -> new ProcessEngineException("Styrerapport " + rapport.id() + " mangler " + type.endelse()));
    return new Vedlegg(rapport.filnavn(type), type.innholdstype(), fil);
  }

  private Map<String, Object> innhold(Styrerapport rapport) {
    Map<String, Object> r = new HashMap<>();
    r.put("periode", rapport.periode());
    r.put("godkjentAv", rapport.godkjentAv());
    r.put("kommentar", rapport.kommentar());
    r.put("xlsx", rapport.filnavn(Rapportfil.XLSX));
    r.put("pdf", rapport.filnavn(Rapportfil.PDF));
    r.put("nokkeltall", arkiv.tall(rapport.id()).nokkeltall());
    r.put("lenke", egenskaper.getBaseUrl().replaceAll("/+$", "") + RapportApi.lenke(rapport.id(), Rapportfil.PDF));
    return Map.of("rapport", r);
  }
}
