package no.vareunge.varsling;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every user task of every deployed model notifies whoever should do it when it is created
 * ({@link NyOppgaveListener}): a parse listener adds the task listener, so a new model gets the
 * notification without anyone adding it by hand. The notifications themselves leave no history
 * in the engine ({@link HistorikkUtenVarsling}).
 */
@Component
public class VarslingPlugin extends AbstractProcessEnginePlugin {

  private final NyOppgaveListener nyOppgave;

  public VarslingPlugin(NyOppgaveListener nyOppgave) {
    this.nyOppgave = nyOppgave;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl konfigurasjon) {
    konfigurasjon.setHistoryEventHandler(new HistorikkUtenVarsling(new DbHistoryEventHandler()));
    if (konfigurasjon.getCustomPostBPMNParseListeners() == null) {
      konfigurasjon.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    konfigurasjon.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl aktivitet) {
        ((UserTaskActivityBehavior) aktivitet.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, nyOppgave);
      }
    });
  }
}
