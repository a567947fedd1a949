package no.vareunge.arbeidspakke;

import no.vareunge.felles.Tidssone;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.INNSENDER;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.REFERANSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.REGISTRERT;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.JA_NEI_SPORSMAL;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.KOMMUNE;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import no.vareunge.kommune.Kommune;
import no.vareunge.kommune.KommuneRegister;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Registrer arbeidspakke: gives the package its reference, which is also the business key. */
@Component
public class RegistrerArbeidspakkeDelegate implements JavaDelegate {

  private final KommuneRegister kommuner;
  private final Referansenummer referansenummer;
  private final Faseskifte faseskifte;

  public RegistrerArbeidspakkeDelegate(KommuneRegister kommuner, Referansenummer referansenummer,
      Faseskifte faseskifte) {
    this.kommuner = kommuner;
    this.referansenummer = referansenummer;
    this.faseskifte = faseskifte;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (INNSENDER.from(execution).getOptional().isEmpty()) {
      throw new ProcessEngineException("Et forslag må sendes inn av en innlogget bruker.");
    }
    String kommuneId = KOMMUNE.from(execution).get();
    Kommune kommune = kommuner.finn(kommuneId)
        .orElseThrow(() -> new ProcessEngineException("Ukjent kommune: «" + kommuneId + "»."));
    for (VariableFactory<Boolean> sporsmal : JA_NEI_SPORSMAL) {
      if (sporsmal.from(execution).getOptional().isEmpty()) {
        sporsmal.on(execution).set(false);
      }
    }
    String referanse = referansenummer.neste(kommune, Tidssone.idag().getYear());
    REFERANSE.on(execution).set(referanse);
    execution.setProcessBusinessKey(referanse);
    REGISTRERT.on(execution).set(Tidssone.naa());
    faseskifte.til(execution, Fase.FORSLAG.name());
  }
}
