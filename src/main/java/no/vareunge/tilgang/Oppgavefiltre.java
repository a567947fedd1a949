package no.vareunge.tilgang;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/** The task lists people see in Tasklist, created at first start. */
@Component
public class Oppgavefiltre {

  private static final List<Map<String, String>> KOLONNER = List.of(
      Map.of("name", "referanse", "label", "Referanse"),
      Map.of("name", "tittel", "label", "Tittel"),
      Map.of("name", "kommune", "label", "Kommune"));

  private final FilterService filtre;
  private final TaskService oppgaver;

  public Oppgavefiltre(FilterService filtre, TaskService oppgaver) {
    this.filtre = filtre;
    this.oppgaver = oppgaver;
  }

  public void opprett() {
    opprett("Mine oppgaver", "Oppgaver som er tildelt meg", -10,
        oppgaver.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    opprett("Oppgaver for mine grupper", "Oppgaver for styrene og rollene jeg er med i", 0,
        oppgaver.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
  }

  private void opprett(String navn, String beskrivelse, int prioritet, TaskQuery sporring) {
    if (filtre.createFilterQuery().filterName(navn).count() > 0) {
      return;
    }
    Filter filter = filtre.newTaskFilter(navn);
    filter.setQuery(sporring);
    filter.setProperties(Map.of(
        "description", beskrivelse,
        "priority", prioritet,
        "refresh", true,
        "variables", KOLONNER));
    filtre.saveFilter(filter);
  }
}
