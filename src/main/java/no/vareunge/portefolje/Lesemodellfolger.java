package no.vareunge.portefolje;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import no.vareunge.arbeidspakke.Arbeidspakkeprosess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model current by following the engine's own events (Camunda's Spring eventing,
 * {@code camunda.bpm.eventing}), so that no process step has to remember it: every engine command
 * that touches a package rewrites the package's row once, at its end, from the variables as they
 * are then, and every completed progress report adds its row. Both are written in the command's
 * transaction: rolled back with it, never missed when it commits.
 */
@Component
class Lesemodellfolger {

  private static final String DEFINISJON = Arbeidspakkeprosess.PROSESS + ":";
  private static final String FREMDRIFTSRAPPORT = "Task_Fremdriftsrapport";

  private final Portefoljeskriver skriver;
  /** The packages each running command has touched (a command runs on one thread). */
  private final Map<CommandContext, Endrede> apne = Collections.synchronizedMap(new WeakHashMap<>());

  Lesemodellfolger(Portefoljeskriver skriver) {
    this.skriver = skriver;
  }

  @EventListener
  void utfort(DelegateExecution execution) {
    if (erArbeidspakke(execution.getProcessDefinitionId()) && execution instanceof ExecutionEntity utforelse) {
      Endrede endrede = endrede();
      ExecutionEntity prosess = utforelse.getProcessInstance();
      if (ExecutionListener.EVENTNAME_END.equals(execution.getEventName())
          && utforelse.getEventSource() instanceof ProcessDefinitionImpl) {
        // The package has ended: its variables go with the instance, so the row takes them now.
        endrede.sluttet.put(prosess.getId(), Variables.fromMap(prosess.getVariables()));
      }
      endrede.prosesser.put(prosess.getId(), prosess);
    }
  }

  @EventListener
  void oppgave(DelegateTask oppgave) {
    if (TaskListener.EVENTNAME_COMPLETE.equals(oppgave.getEventName())
        && FREMDRIFTSRAPPORT.equals(oppgave.getTaskDefinitionKey())
        && erArbeidspakke(oppgave.getProcessDefinitionId())) {
      skriver.registrerRapport(oppgave);
    }
  }

  private Endrede endrede() {
    CommandContext kommando = Context.getCommandContext();
    return apne.computeIfAbsent(kommando, k -> {
      Endrede nye = new Endrede();
      k.registerCommandContextListener(nye);
      return nye;
    });
  }

  /** The packages one command changed, written once each as it closes (before the engine flushes). */
  private final class Endrede implements CommandContextListener {

    private final Map<String, ExecutionEntity> prosesser = new LinkedHashMap<>();
    private final Map<String, VariableMap> sluttet = new LinkedHashMap<>();

    @Override
    public void onCommandContextClose(CommandContext kommando) {
      apne.remove(kommando);
      prosesser.forEach((id, prosess) -> skriver.oppdater(
          sluttet.containsKey(id) ? sluttet.get(id) : Variables.fromMap(prosess.getVariables()), id));
    }

    @Override
    public void onCommandFailed(CommandContext kommando, Throwable feil) {
      apne.remove(kommando);
    }
  }

  private static boolean erArbeidspakke(String prosessdefinisjonId) {
    return prosessdefinisjonId != null && prosessdefinisjonId.startsWith(DEFINISJON);
  }
}
