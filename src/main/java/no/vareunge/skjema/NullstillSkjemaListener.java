package no.vareunge.skjema;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of a task that is met again in a loop (a returned proposal goes back to the same
 * board): clears the answers of its previous round, so that the form starts empty and an old
 * decision is never submitted by accident. The earlier decisions stay in the protocol.
 */
@Component
public class NullstillSkjemaListener implements TaskListener {

  private final Skjemaregister skjemaer;

  public NullstillSkjemaListener(Skjemaregister skjemaer) {
    this.skjemaer = skjemaer;
  }

  @Override
  public void notify(DelegateTask oppgave) {
    skjemaer.forOppgave(oppgave).ifPresent(skjema -> skjema.felt().stream()
        .filter(felt -> !felt.skrivebeskyttet())
        .forEach(felt -> oppgave.getExecution().removeVariable(felt.key())));
  }
}
