package no.vareunge.demo;

import no.vareunge.arbeidspakke.Arbeidspakkeprosess;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import no.vareunge.arbeidspakke.Pilotavbrudd;
import no.vareunge.felles.Tidssone;
import no.vareunge.skjema.Skjema;
import no.vareunge.skjema.Skjemainnsending;
import no.vareunge.skjema.UgyldigInnsendingException;
import no.vareunge.skjema.Skjemaregister;
import no.vareunge.tilgang.DemoBrukere;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * Creates the demo portfolio of {@code demo/portefolje.yaml}: work packages across the kommuner,
 * in every phase and end state, with a history of about 18 months.
 *
 * <p>The packages are driven through the engine's API the way their users drive them in
 * Tasklist: the arbeidspakke-leder submits the start form, each task is claimed and its form
 * submitted by the demo user of the right role (logged in with their groups and kommuner, so the
 * decision log says who decided), and every submission is first checked against its form, as
 * the server checks the browser's. The history is made by moving the engine clock: each action
 * happens at its day, and the package's timers (reminders, progress report cycles, the end of the
 * pilot, benefits follow-up) fire at their due dates on the way, so deadlines and overdue tasks
 * are the engine's own. Actions of all packages run in date order, so references and case
 * numbers follow the calendar. Notifications (process {@code varsling}) are left to the job
 * executor, which sends or registers them after start-up, like any other burst of user activity.
 *
 * <p>Moving the clock is not safe while the job executor runs (it would pick up jobs at the wrong
 * time, and its locks would expire when the clock is set back): the start-up calls this before
 * the job executor is started, and a running job executor is paused for the duration. The clock
 * is reset afterwards, also on failure.
 *
 * <p>A bean in the demo profile, and in the tests, which call {@link #opprett} with their own
 * users; a production start never has it.
 */
@Component
@Profile({"demo", "test"})
public class Demoportefolje {

  static final String KATALOG = "demo/portefolje.yaml";

  /** One package created: its reference, process instance and the phase it should be in today. */
  public record Arbeidspakke(String referanse, String prosessinstansId, String kommune, String forventetFase) {}

  /**
   * Who acts in a role of the catalogue ({@code ap}, {@code leder}, {@code styre}, {@code
   * eierstyret}, {@code ungdom}) for a kommune.
   */
  @FunctionalInterface
  public interface Brukere {
    String bruker(String rolle, String kommune);
  }

  /** The demo users of the README ({@link DemoBrukere}). */
  public static final Brukere DEMOBRUKERE = (rolle, kommune) -> switch (rolle) {
    case "ap" -> DemoBrukere.arbeidspakkeleder(kommune);
    case "leder" -> DemoBrukere.lokalLeder(kommune);
    case "styre" -> DemoBrukere.styremedlem(kommune);
    case "eierstyret" -> DemoBrukere.EIERSTYRET;
    case "ungdom" -> DemoBrukere.UNGDOM;
    default -> throw new IllegalStateException("Ukjent rolle «" + rolle + "» i " + KATALOG);
  };

  private static final Logger LOG = LoggerFactory.getLogger(Demoportefolje.class);
  /** Proposals come in, and the day's work starts, in the morning. */
  private static final LocalTime MORGEN = LocalTime.of(9, 30);
  private static final Duration ETTER_EN_STUND = Duration.ofMinutes(45);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final ManagementService management;
  private final RepositoryService repository;
  private final JobExecutor jobExecutor;
  private final Skjemaregister skjemaer;
  private final Skjemainnsending innsending;
  private final Pilotavbrudd pilotavbrudd;

  public Demoportefolje(ProcessEngine engine, Skjemaregister skjemaer, Skjemainnsending innsending,
      Pilotavbrudd pilotavbrudd) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.forms = engine.getFormService();
    this.identity = engine.getIdentityService();
    this.management = engine.getManagementService();
    this.repository = engine.getRepositoryService();
    this.jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    this.skjemaer = skjemaer;
    this.innsending = innsending;
    this.pilotavbrudd = pilotavbrudd;
  }

  /**
   * Creates every package of the catalogue, with today (the engine clock when called) as the
   * end of the history, done by {@code brukere} (they must exist, with their groups and kommuner).
   */
  public List<Arbeidspakke> opprett(Brukere brukere) {
    Date idag = ClockUtil.getCurrentTime();
    boolean jobberKjorte = jobExecutor.isActive();
    if (jobberKjorte) {
      jobExecutor.shutdown();
    }
    try {
      List<Forlop> forlop = katalog().stream().map(pakke -> new Forlop(pakke, brukere)).toList();
      PriorityQueue<Planlagt> plan = new PriorityQueue<>(Comparator.comparing(Planlagt::tidspunkt));
      for (Forlop f : forlop) {
        LocalDate dag = Tidssone.idag().minusDays(f.pakke.startet());
        plan.add(new Planlagt(f, Date.from(dag.atTime(MORGEN).atZone(Tidssone.NORGE).toInstant()), null));
      }
      Map<String, Integer> saksnummer = new HashMap<>();
      while (!plan.isEmpty()) {
        Planlagt neste = plan.poll();
        utfor(neste, saksnummer);
        planlegg(neste.forlop(), idag).ifPresent(plan::add);
      }
      List<Arbeidspakke> opprettet = new ArrayList<>();
      for (Forlop f : forlop) {
        kjorJobber(f, idag);
        opprettet.add(new Arbeidspakke(f.referanse, f.instans, f.pakke.kommune(), f.pakke.fase()));
      }
      LOG.info("Demoporteføljen er laget: {} arbeidspakker", opprettet.size());
      return opprettet;
    } finally {
      ClockUtil.reset();
      if (jobberKjorte) {
        jobExecutor.start();
      }
    }
  }

  /** The state of one package while its history is made. */
  private static final class Forlop {
    final Demopakke pakke;
    final Brukere brukere;
    String instans;
    String referanse;
    /** The package's own "now": its last action or fired timer. */
    Date tid;
    int neste;

    Forlop(Demopakke pakke, Brukere brukere) {
      this.pakke = pakke;
      this.brukere = brukere;
    }

    String bruker(String rolle) {
      return brukere.bruker(rolle, pakke.kommune());
    }
  }

  /** The next action of a package: the start (oppgave and instans null), a task, or stopping the pilot. */
  private record Planlagt(Forlop forlop, Date tidspunkt, String oppgave) {}

  private void utfor(Planlagt p, Map<String, Integer> saksnummer) {
    Forlop f = p.forlop();
    if (f.instans == null) {
      settKlokke(f, p.tidspunkt());
      start(f);
      return;
    }
    // Whatever is due before the action happens first (a reminder, the next report cycle).
    kjorJobber(f, p.tidspunkt());
    settKlokke(f, p.tidspunkt());
    Demopakke.Hendelse h = f.pakke.hendelser().get(f.neste++);
    String bruker = f.bruker(h.av());
    if (h.avbryt() != null) {
      somBruker(bruker, () -> pilotavbrudd.avbryt(f.instans, f.pakke.kommune(), h.avbryt()));
      return;
    }
    Task oppgave = tasks.createTaskQuery().taskId(p.oppgave()).singleResult();
    if (oppgave == null) {
      LOG.warn("Demodata: {} har ikke lenger oppgaven {}; resten av historikken hoppes over", f.referanse, h.oppgave());
      f.neste = f.pakke.hendelser().size();
      return;
    }
    Map<String, Object> svar = svar(f, h, bruker, saksnummer);
    String hva = f.referanse + " " + h.oppgave();
    Skjema skjema = skjema(skjemaer.forOppgave(oppgave.getId()), hva);
    somBruker(bruker, () -> somSkjemaet(hva, () -> innsending.fullfor(oppgave.getId(), skjema, svar, bruker)));
  }

  private void start(Forlop f) {
    String definisjon = repository.createProcessDefinitionQuery().processDefinitionKey(Arbeidspakkeprosess.PROSESS).latestVersion()
        .singleResult().getId();
    String hva = "forslaget «" + f.pakke.forslag().get("tittel") + "»";
    Skjema skjema = skjema(skjemaer.forStart(definisjon), hva);
    somBruker(f.bruker("ap"), () -> somSkjemaet(hva, () -> f.instans = innsending.start(definisjon, skjema,
        f.pakke.forslag())));
    f.referanse = runtime.createProcessInstanceQuery().processInstanceId(f.instans).singleResult().getBusinessKey();
  }

  /**
   * When the package's next action happens: for a task, the package's timers run until the task
   * is there, and the action is {@code etter} days after it appeared. Empty when the package has
   * no more actions, or the next one would be after today (it is still waiting).
   */
  private Optional<Planlagt> planlegg(Forlop f, Date idag) {
    if (f.neste >= f.pakke.hendelser().size()) {
      return Optional.empty();
    }
    Demopakke.Hendelse h = f.pakke.hendelser().get(f.neste);
    Date fra = f.tid;
    String oppgave = null;
    if (h.avbryt() == null) {
      Optional<Task> apen = ventPaOppgave(f, h.oppgave(), idag);
      if (apen.isEmpty()) {
        LOG.warn("Demodata: {} fikk ikke oppgaven {} før i dag (fristene er endret?); den står der den står",
            f.referanse, h.oppgave());
        return Optional.empty();
      }
      fra = apen.get().getCreateTime();
      oppgave = apen.get().getId();
    }
    Date tidspunkt = arbeidstid(fra, h.etter(), f.neste);
    return tidspunkt.after(idag) ? Optional.empty() : Optional.of(new Planlagt(f, tidspunkt, oppgave));
  }

  /**
   * {@code dager} days after {@code fra}, in working hours (the hour varies with the step, so that
   * not everything happens at the same minute), and never before {@code fra}.
   */
  private static Date arbeidstid(Date fra, int dager, int steg) {
    LocalTime klokken = MORGEN.plusMinutes(37L * steg % 360);
    Date tidspunkt = Date.from(LocalDate.ofInstant(fra.toInstant(), Tidssone.NORGE).plusDays(dager).atTime(klokken)
        .atZone(Tidssone.NORGE).toInstant());
    return tidspunkt.after(fra) ? tidspunkt : Date.from(fra.toInstant().plus(ETTER_EN_STUND));
  }

  /** Runs the package's jobs in due order until the task is open; empty if it is not by {@code grense}. */
  private Optional<Task> ventPaOppgave(Forlop f, String aktivitet, Date grense) {
    while (true) {
      Optional<Task> oppgave = tasks.createTaskQuery().processInstanceId(f.instans).taskDefinitionKey(aktivitet)
          .orderByTaskCreateTime().asc().list().stream().findFirst();
      if (oppgave.isPresent()) {
        return oppgave;
      }
      Optional<Job> jobb = nesteJobb(f, grense);
      if (jobb.isEmpty()) {
        return Optional.empty();
      }
      kjor(f, jobb.get());
    }
  }

  /** Runs every job of the package that is due by {@code grense}, each at its due date. */
  private void kjorJobber(Forlop f, Date grense) {
    for (Optional<Job> jobb = nesteJobb(f, grense); jobb.isPresent(); jobb = nesteJobb(f, grense)) {
      kjor(f, jobb.get());
    }
  }

  private Optional<Job> nesteJobb(Forlop f, Date grense) {
    return management.createJobQuery().processInstanceId(f.instans).active().withRetriesLeft().list().stream()
        .filter(j -> j.getDuedate() == null || !j.getDuedate().after(grense))
        .min(Comparator.comparing(Job::getDuedate, Comparator.nullsFirst(Comparator.naturalOrder())));
  }

  /** Runs a job at its due date; an asynchronous step (no due date) at once, at the package's time. */
  private void kjor(Forlop f, Job jobb) {
    settKlokke(f, jobb.getDuedate() != null ? jobb.getDuedate() : f.tid);
    management.executeJob(jobb.getId());
  }

  /** Sets the engine clock to the package's time, never back before what already happened to it. */
  private void settKlokke(Forlop f, Date tidspunkt) {
    if (f.tid == null || tidspunkt.after(f.tid)) {
      f.tid = tidspunkt;
    }
    ClockUtil.setCurrentTime(f.tid);
  }

  /**
   * What the user submits: the catalogue's answer, for a revision the proposal again (without the
   * kommune, which the form does not have), and for a board's decision the meeting date and the
   * next case number of that board and year, e.g. {@code 7/26}.
   */
  private Map<String, Object> svar(Forlop f, Demopakke.Hendelse h, String bruker, Map<String, Integer> saksnummer) {
    Map<String, Object> svar = new LinkedHashMap<>();
    if ("Task_BearbeidForslag".equals(h.oppgave())) {
      svar.putAll(f.pakke.forslag());
      svar.remove("kommune");
    }
    svar.putAll(h.svar());
    String prefiks = switch (h.oppgave()) {
      case "Task_Styrebehandling" -> "styre";
      case "Task_BehandlingEierstyre" -> "eierstyre";
      case "Task_BeslutningVidereDrift" -> "leder".equals(h.av()) ? null : "videreDrift";
      default -> null;
    };
    if (prefiks != null) {
      int aar = Tidssone.idag().getYear();
      int nummer = saksnummer.merge(bruker + "/" + aar, 1, Integer::sum);
      svar.putIfAbsent(prefiks + "SakNr", nummer + "/" + String.format("%02d", aar % 100));
      svar.putIfAbsent(prefiks + "Motedato", Tidssone.idag().toString());
    }
    return svar;
  }

  private static Skjema skjema(Optional<Skjema> skjema, String hva) {
    return skjema.orElseThrow(() -> new IllegalStateException("Ingen skjema for " + hva));
  }

  private interface Innsending {
    void utfor() throws UgyldigInnsendingException;
  }

  /**
   * Submits as the program's pages do (the one form-submission service). Demo data that no longer
   * fits a form (after the form changed) stops here with the form's own messages.
   */
  private static void somSkjemaet(String hva, Innsending innsending) {
    try {
      innsending.utfor();
    } catch (UgyldigInnsendingException e) {
      throw new IllegalStateException("Demodataene for " + hva + " passer ikke med skjemaet: " + e.getMessage(), e);
    }
  }

  /** Logged in with the user's groups and kommuner (tenants), as the web apps log users in. */
  private void somBruker(String bruker, Runnable handling) {
    List<String> grupper = identity.createGroupQuery().groupMember(bruker).list().stream().map(Group::getId).toList();
    List<String> kommuner = identity.createTenantQuery().userMember(bruker).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identity.setAuthentication(bruker, grupper, kommuner);
    try {
      handling.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  static List<Demopakke> katalog() {
    try (InputStream inn = new ClassPathResource(KATALOG).getInputStream()) {
      Object lest = new Yaml().load(inn);
      return JSON.convertValue(lest, new TypeReference<List<Demopakke>>() { });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String json(Object verdi) {
    try {
      return JSON.writeValueAsString(verdi);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
