package no.vareunge.varsling;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import no.vareunge.tilgang.Kommuneprosess;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Starts process {@code varsling} (message {@value #MELDING}) for a notification that has no
 * notification point of its own in a model: a new task, a decision made. Called from a task
 * listener, it runs in the transaction of the user's action, so the notification exists exactly
 * when the action is committed; the e-mail goes out afterwards from the instance's asynchronous
 * service task, with retries and an incident when they are used up.
 *
 * <p>The instance gets the package's kommune as tenant ({@link Kommuneprosess}): it carries
 * the package's content, and programleder and the administrators see its incidents in Cockpit.
 * It has no business key: the reference stays the key of the package alone (a search for it finds
 * the package, not its notifications); the notification has it as variable {@code referanse}.
 */
@Component
public class Varslingsstart {

  public static final String MELDING = "Varsel";
  public static final String PROSESS = "varsling";

  @Bean
  static Kommuneprosess varseletsKommune() {
    return new Kommuneprosess(PROSESS, false);
  }

  public void bestill(ProcessEngineServices engine, Varselbestilling bestilling) {
    Map<String, Object> variabler = bestilling.somVariabler();
    CommandContext kommando = Context.getCommandContext();
    // The user who completes a task may not start processes; the notification is the system's.
    if (kommando != null) {
      kommando.runWithoutAuthorization(() -> engine.getRuntimeService()
          .startProcessInstanceByMessage(MELDING, variabler));
    } else {
      engine.getRuntimeService().startProcessInstanceByMessage(MELDING, variabler);
    }
  }
}
