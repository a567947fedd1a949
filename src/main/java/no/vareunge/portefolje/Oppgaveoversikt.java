package no.vareunge.portefolje;

import no.vareunge.arbeidspakke.Arbeidspakkeprosess;
import no.vareunge.tilgang.Kommuneutvalg;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import no.vareunge.felles.Tidssone;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open tasks of work packages, from the engine's runtime (never its history), joined with
 * the read model for reference and title. Who may see them is decided by {@link Kommuneutvalg},
 * like the rest of the portfolio, not by who may work on each task.
 */
@Component
public class Oppgaveoversikt {


  private final ProcessEngineConfigurationImpl motor;
  private final TaskService oppgaver;
  private final JdbcClient jdbc;

  public Oppgaveoversikt(ProcessEngineConfigurationImpl motor, TaskService oppgaver, JdbcClient jdbc) {
    this.motor = motor;
    this.oppgaver = oppgaver;
    this.jdbc = jdbc;
  }

  /** Tasks past their due date, longest overdue first, at most {@code maks}. */
  public List<ApenOppgave> forfalte(Kommuneutvalg utvalg, int maks) {
    return medPakke(utenTilgangssjekk(() -> forfalteSporring(utvalg).orderByDueDate().asc().listPage(0, maks)));
  }

  public long antallForfalte(Kommuneutvalg utvalg) {
    return utenTilgangssjekk(() -> forfalteSporring(utvalg).count());
  }

  /** The open tasks of one package (the caller has checked that the reader may see it). */
  public List<ApenOppgave> apne(String prosessinstansId) {
    return apne(List.of(prosessinstansId));
  }

  /** The open tasks of several packages in one query, oldest first (the caller has checked access). */
  public List<ApenOppgave> apne(Collection<String> prosessinstansIder) {
    if (prosessinstansIder.isEmpty()) {
      return List.of();
    }
    return medPakke(utenTilgangssjekk(() -> oppgaver.createTaskQuery()
        .processInstanceIdIn(prosessinstansIder.toArray(String[]::new)).orderByTaskCreateTime().asc().list()));
  }

  private TaskQuery forfalteSporring(Kommuneutvalg utvalg) {
    TaskQuery sporring = oppgaver.createTaskQuery().processDefinitionKey(Arbeidspakkeprosess.PROSESS).dueBefore(Tidssone.naa());
    if (!utvalg.alle()) {
      // An empty selection sees nothing; a tenant id no kommune has keeps the query valid.
      sporring.tenantIdIn(utvalg.kommuner().isEmpty() ? new String[] {"-"} : utvalg.kommuner().toArray(String[]::new));
    }
    return sporring;
  }

  /**
   * Reads the engine as the system, without the reader's authorizations and tenants: the caller's
   * kommune selection is the access rule (and a task of another kommune is found, to be refused).
   */
  <T> T utenTilgangssjekk(Supplier<T> sporring) {
    return motor.getCommandExecutorTxRequired().execute(kontekst -> {
      boolean tenantsjekk = kontekst.isTenantCheckEnabled();
      kontekst.disableTenantCheck();
      try {
        return kontekst.runWithoutAuthorization(sporring::get);
      } finally {
        if (tenantsjekk) {
          kontekst.enableTenantCheck();
        }
      }
    });
  }

  private List<ApenOppgave> medPakke(List<Task> liste) {
    if (liste.isEmpty()) {
      return List.of();
    }
    Map<String, String[]> pakker = jdbc.sql(
            "SELECT prosessinstans_id, referanse, tittel, kommune FROM arbeidspakke WHERE prosessinstans_id IN (:ider)")
        .param("ider", liste.stream().map(Task::getProcessInstanceId).distinct().toList())
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
        .list().stream().collect(Collectors.toMap(r -> r[0], Function.identity()));
    return liste.stream().map(t -> {
      String[] pakke = pakker.getOrDefault(t.getProcessInstanceId(), new String[4]);
      return new ApenOppgave(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getProcessInstanceId(), pakke[1],
          pakke[2], pakke[3] != null ? pakke[3] : t.getTenantId(), t.getAssignee(), t.getCreateTime(), t.getDueDate());
    }).toList();
  }
}
