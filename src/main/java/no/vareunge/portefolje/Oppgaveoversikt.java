package no.vareunge.portefolje;

import no.vareunge.arbeidspakke.Arbeidspakkeprosess;
import no.vareunge.tilgang.Kommuneutvalg;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /**
   * One page of the tasks the logged-in user may work on: assigned to them, or offered to one of
   * their groups, also when a colleague has taken it (so that it can be seen who has it). Read with
   * the user's own authorizations and kommuner, so nothing outside them is ever listed.
   */
  public Side<ApenOppgave> mine(String bruker, int side, int antallPerSide) {
    TaskQuery sporring = mineSporring(bruker);
    long totalt = sporring.count();
    List<Task> treff = sporring.orderByDueDate().asc().orderByTaskCreateTime().asc()
        .listPage(side * antallPerSide, antallPerSide);
    return new Side<>(medPakke(treff), totalt, side, antallPerSide);
  }

  /**
   * Whether the task is one of the user's own (see {@link #mine}): to be taken and done by them,
   * not only read, as the decision makers may read every task of their kommune's packages.
   */
  public boolean erMin(String oppgaveId, String bruker) {
    return mineSporring(bruker).taskId(oppgaveId).count() == 1;
  }

  /** The ids of those of a package's open tasks that the logged-in user may open. */
  public Set<String> synlige(String prosessinstansId) {
    return oppgaver.createTaskQuery().processInstanceId(prosessinstansId).list().stream().map(Task::getId)
        .collect(Collectors.toSet());
  }

  private TaskQuery mineSporring(String bruker) {
    return oppgaver.createTaskQuery().or().taskAssignee(bruker).taskCandidateUser(bruker).includeAssignedTasks().endOr();
  }

  /** One open task as the logged-in user may see it (their authorizations and kommuner), with its package. */
  public Optional<ApenOppgave> synlig(String oppgaveId) {
    Task oppgave = oppgaver.createTaskQuery().taskId(oppgaveId).singleResult();
    return oppgave == null ? Optional.empty() : Optional.of(medPakke(List.of(oppgave)).get(0));
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
  public <T> T utenTilgangssjekk(Supplier<T> sporring) {
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
            "SELECT a.prosessinstans_id, a.referanse, a.tittel, a.kommune, k.navn FROM arbeidspakke a"
                + " JOIN kommune k ON k.id = a.kommune WHERE a.prosessinstans_id IN (:ider)")
        .param("ider", liste.stream().map(Task::getProcessInstanceId).distinct().toList())
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)})
        .list().stream().collect(Collectors.toMap(r -> r[0], Function.identity()));
    return liste.stream().map(t -> {
      String[] pakke = pakker.getOrDefault(t.getProcessInstanceId(), new String[5]);
      return new ApenOppgave(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getProcessInstanceId(), pakke[1],
          pakke[2], pakke[3] != null ? pakke[3] : t.getTenantId(), pakke[4], t.getAssignee(), t.getCreateTime(),
          t.getDueDate());
    }).toList();
  }
}
