package no.vareunge.varsling;

import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.REFERANSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.KOMMUNE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.TITTEL;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * A new user task, in any process: notifies the assignee, or else the candidate users and the
 * members of the candidate groups, with a link to the task in Tasklist. Added to every user task
 * by {@link VarslingPlugin}, so no model has to remember it.
 */
@Component
public class NyOppgaveListener implements TaskListener {

  private final Varslingsstart varslingsstart;

  public NyOppgaveListener(Varslingsstart varslingsstart) {
    this.varslingsstart = varslingsstart;
  }

  @Override
  public void notify(DelegateTask oppgave) {
    List<String> brukere;
    List<String> grupper;
    if (oppgave.getAssignee() != null) {
      brukere = List.of(oppgave.getAssignee());
      grupper = List.of();
    } else {
      List<IdentityLink> kandidater = oppgave.getCandidates().stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).toList();
      brukere = kandidater.stream().map(IdentityLink::getUserId).filter(Objects::nonNull).sorted().toList();
      grupper = kandidater.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted().toList();
    }
    if (brukere.isEmpty() && grupper.isEmpty()) {
      return; // nobody to tell; the task is found through Tasklist's filters
    }
    String referanse = tekst(oppgave, REFERANSE.getName());
    if (referanse == null && oppgave.getExecution() != null) {
      referanse = oppgave.getExecution().getProcessBusinessKey();
    }
    varslingsstart.bestill(oppgave.getProcessEngineServices(), new Varselbestilling(Varselhendelse.NY_OPPGAVE,
        brukere, grupper, oppgave.getProcessInstanceId(), referanse, tekst(oppgave, TITTEL.getName()),
        tekst(oppgave, KOMMUNE.getName()),
        new Varselbestilling.Oppgave(oppgave.getId(), oppgave.getName(), oppgave.getDueDate()), null));
  }

  /**
   * A variable of the task's process (a new task has none of its own; asking the task would first
   * read its local variables from the database). Any process can have tasks: a variable of another
   * type is simply not used.
   */
  private static String tekst(DelegateTask oppgave, String navn) {
    Object verdi = oppgave.getExecution() != null ? oppgave.getExecution().getVariable(navn) : oppgave.getVariable(navn);
    return verdi instanceof String s && !s.isBlank() ? s : null;
  }
}
