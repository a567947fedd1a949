package no.vareunge.varsling;

import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.AVBRUDD_BEGRUNNELSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.AVVIK;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.REFERANSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.FREMDRIFT;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.KOMMUNE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.PILOTSTATUS;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.TITTEL;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.TRENGER_BESLUTNING;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.vareunge.felles.Tidssone;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Sends a notification by e-mail. Used by the notification points of the models (asynchronous
 * message end events) and by process {@code varsling} (new task, decision made). Both are
 * asynchronous continuations: they run after the decision that caused them is committed, in a
 * job that is retried by {@code frister.jobbRetry}, so a failing mail server never rolls back or
 * blocks anyone's work.
 *
 * <p>The model names the event and the recipients as input parameters ({@code hendelse},
 * {@code mottaker}: user ids, {@code mottakergrupper}: group ids, both comma-separated; optional
 * {@code mal}: another template than the event's, {@code oppgave}: the id of the user task the
 * notification is about, for its link and due date).
 *
 * <p>The notification's key is the id of the execution that carries the job plus the activity:
 * it stays the same when the failed job is retried (the failed attempt is rolled back), unlike
 * the activity instance id, which each attempt creates anew. The log is unique on key and
 * recipient, which is what makes a retry skip those who already got the e-mail.
 */
@Component
public class VarslingDelegate implements JavaDelegate {

  /** Input parameters of a notification point. */
  public static final VariableFactory<String> HENDELSE = stringVariable("hendelse");
  /** User ids, comma-separated, for example {@code ${innsender}}. */
  public static final VariableFactory<String> MOTTAKER = stringVariable("mottaker");
  /** Candidate groups, comma-separated, for example {@code styre-${kommune}}. */
  public static final VariableFactory<String> MOTTAKERGRUPPER = stringVariable("mottakergrupper");
  /** Another template than the event's own. */
  public static final VariableFactory<String> MAL = stringVariable("mal");
  /** The task definition key of the open task a reminder is about. */
  public static final VariableFactory<String> OPPGAVE = stringVariable("oppgave");

  /** Set from a {@link Varselbestilling} on an instance of process {@code varsling}. */
  public static final VariableFactory<String> ARBEIDSPAKKE_ID = stringVariable("arbeidspakkeId");
  public static final VariableFactory<String> OPPGAVE_ID = stringVariable("oppgaveId");
  public static final VariableFactory<String> OPPGAVENAVN = stringVariable("oppgavenavn");
  public static final VariableFactory<Date> OPPGAVEFRIST = dateVariable("oppgavefrist");
  public static final VariableFactory<String> VEDTAK_NIVA = stringVariable("vedtakNiva");
  public static final VariableFactory<String> VEDTAK_UTFALL = stringVariable("vedtakUtfall");
  public static final VariableFactory<String> VEDTAK_SAK_NR = stringVariable("vedtakSakNr");
  public static final VariableFactory<String> VEDTAK_MOTEDATO = stringVariable("vedtakMotedato");
  public static final VariableFactory<String> VEDTAK_BEGRUNNELSE = stringVariable("vedtakBegrunnelse");
  public static final VariableFactory<String> VEDTAK_BESLUTTET_AV = stringVariable("vedtakBesluttetAv");

  private static final VariableFactory<String> VURDERING_KOMMENTAR = stringVariable("vurderingKommentar");

  private final Mottakere mottakere;
  private final Varselutsender utsender;
  private final Vedtaksomtale.Kilde vedtakene;
  private final VarslingEgenskaper egenskaper;

  public VarslingDelegate(Mottakere mottakere, Varselutsender utsender, Vedtaksomtale.Kilde vedtakene,
      VarslingEgenskaper egenskaper) {
    this.mottakere = mottakere;
    this.utsender = utsender;
    this.vedtakene = vedtakene;
    this.egenskaper = egenskaper;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Varselhendelse hendelse = Varselhendelse.valueOf(HENDELSE.from(execution).get());
    String referanse = REFERANSE.from(execution).getOptional().orElse(execution.getProcessBusinessKey());
    String nokkel = execution.getId() + "/" + execution.getCurrentActivityId();
    // Whoever started the notification may not see every user; the job itself is the system.
    List<Mottaker> til = Context.getCommandContext().runWithoutAuthorization(() -> mottakere.finn(
        execution.getProcessEngineServices().getIdentityService(),
        valgfri(MOTTAKER, execution), valgfri(MOTTAKERGRUPPER, execution)));
    utsender.send(new Varselutsender.Utsending(nokkel, hendelse,
        MAL.from(execution).getOptional().filter(m -> !m.isBlank()).orElse(hendelse.mal()), referanse,
        ARBEIDSPAKKE_ID.from(execution).getOptional().orElse(execution.getProcessInstanceId()),
        innhold(execution, hendelse, referanse)), til);
  }

  /** What the templates can show: the package, the task, the decision, the pilot's report. */
  private Map<String, Object> innhold(DelegateExecution execution, Varselhendelse hendelse, String referanse) {
    Map<String, Object> innhold = new HashMap<>();
    innhold.put("hendelse", hendelse.name());
    innhold.put("referanse", referanse);
    innhold.put("tittel", valgfri(TITTEL, execution));
    innhold.put("kommune", valgfri(KOMMUNE, execution));
    innhold.put("vurderingKommentar", valgfri(VURDERING_KOMMENTAR, execution));
    innhold.put("oppgave", oppgave(execution));
    innhold.put("vedtak", vedtak(execution, hendelse, referanse).map(Vedtaksomtale::forMalen).orElse(null));
    Map<String, Object> pilot = new HashMap<>();
    pilot.put("status", valgfri(PILOTSTATUS, execution));
    pilot.put("fremdrift", valgfri(FREMDRIFT, execution));
    pilot.put("avvik", valgfri(AVVIK, execution));
    pilot.put("trengerBeslutning", TRENGER_BESLUTNING.from(execution).getOptional().orElse(false));
    pilot.put("avbruddBegrunnelse", valgfri(AVBRUDD_BEGRUNNELSE, execution));
    innhold.put("pilot", pilot);
    return innhold;
  }

  /** The task: from the variables of a {@code varsling} instance, or the open task a reminder is about. */
  private Map<String, Object> oppgave(DelegateExecution execution) {
    String id = valgfri(OPPGAVE_ID, execution);
    String navn = valgfri(OPPGAVENAVN, execution);
    Date frist = OPPGAVEFRIST.from(execution).getOptional().orElse(null);
    String nokkel = valgfri(OPPGAVE, execution);
    if (id == null && nokkel != null) {
      // Several reports can be open at once; a reminder is about the one due first.
      Task apen = Context.getCommandContext().runWithoutAuthorization(() -> execution.getProcessEngineServices()
          .getTaskService().createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey(nokkel).list().stream()
          .min(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder())))
          .orElse(null));
      if (apen != null) {
        id = apen.getId();
        navn = apen.getName();
        frist = apen.getDueDate();
      }
    }
    if (id == null) {
      return null;
    }
    Map<String, Object> oppgave = new HashMap<>();
    oppgave.put("id", id);
    oppgave.put("navn", navn);
    oppgave.put("frist", frist == null ? null : Tidssone.norskDato(frist));
    oppgave.put("lenke", egenskaper.oppgavelenke(id));
    return oppgave;
  }

  /** The decision a notification is about: ordered with it ({@link Varselbestilling}), or a rejection's last one. */
  private Optional<Vedtaksomtale> vedtak(DelegateExecution execution, Varselhendelse hendelse, String referanse) {
    if (VEDTAK_UTFALL.from(execution).getOptional().isPresent()) {
      return Optional.of(new Vedtaksomtale(valgfri(VEDTAK_NIVA, execution), valgfri(VEDTAK_UTFALL, execution),
          valgfri(VEDTAK_SAK_NR, execution), valgfri(VEDTAK_MOTEDATO, execution),
          valgfri(VEDTAK_BEGRUNNELSE, execution), valgfri(VEDTAK_BESLUTTET_AV, execution)));
    }
    if (hendelse != Varselhendelse.AVSLATT || referanse == null) {
      return Optional.empty();
    }
    return vedtakene.siste(referanse).map(v -> v.medUtfall("Avslått"));
  }

  private static String valgfri(VariableFactory<String> variabel, DelegateExecution execution) {
    return variabel.from(execution).getOptional().filter(s -> !s.isBlank()).orElse(null);
  }
}
