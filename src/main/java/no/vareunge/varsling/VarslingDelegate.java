package no.vareunge.varsling;

import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.REFERANSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.TITTEL;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.vareunge.arbeidspakke.Tidssone;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A notification point of the models (message end events, asynchronous so that they run after
 * the decision that caused them is committed). The model names the event and the recipients as
 * input parameters; this records one notification per recipient. Sending e-mail comes with the
 * notification feature; until then the log says honestly that nothing was sent.
 */
@Component
public class VarslingDelegate implements JavaDelegate {

  /** Input parameters of a notification point. */
  public static final VariableFactory<String> HENDELSE = stringVariable("hendelse");
  /** A user id, for example {@code ${innsender}}. */
  public static final VariableFactory<String> MOTTAKER = stringVariable("mottaker");
  /** Candidate groups, comma-separated, for example {@code styre-${kommune}}. */
  public static final VariableFactory<String> MOTTAKERGRUPPER = stringVariable("mottakergrupper");

  private static final Logger LOG = LoggerFactory.getLogger(VarslingDelegate.class);

  private final Varsellogg logg;

  public VarslingDelegate(Varsellogg logg) {
    this.logg = logg;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Varselhendelse hendelse = Varselhendelse.valueOf(HENDELSE.from(execution).get());
    String referanse = REFERANSE.from(execution).getOptional().orElse(null);
    String emne = hendelse.emne(referanse, TITTEL.from(execution).getOptional().orElse(null));
    List<String> mottakere = new ArrayList<>();
    MOTTAKER.from(execution).getOptional().filter(m -> !m.isBlank()).ifPresent(m -> mottakere.add("bruker:" + m));
    MOTTAKERGRUPPER.from(execution).getOptional().ifPresent(grupper -> Arrays.stream(grupper.split(","))
        .map(String::trim).filter(g -> !g.isEmpty()).forEach(g -> mottakere.add("gruppe:" + g)));
    for (String mottaker : mottakere) {
      logg.registrer(new Varsel(hendelse, referanse, execution.getProcessInstanceId(), mottaker, emne,
          Varselstatus.REGISTRERT, 1, Tidssone.naa()));
      LOG.info("Varsel registrert (ikke sendt som e-post): {} til {}: {}", hendelse, mottaker, emne);
    }
  }
}
