package no.vareunge.ytelse;

import static no.vareunge.arbeidspakke.Skjemasvar.styrevedtak;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import no.vareunge.Forslag;
import no.vareunge.ProgramstyringApplication;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import no.vareunge.demo.DemodataOppstart;
import no.vareunge.kommune.Kommune;
import no.vareunge.kommune.KommuneRegister;
import no.vareunge.rapportering.PdfRapport;
import no.vareunge.rapportering.Rapportstatus;
import no.vareunge.rapportering.Rapporttall;
import no.vareunge.rapportering.Regneark;
import no.vareunge.rapportering.Sammenstilling;
import no.vareunge.rapportering.Styrerapport;
import no.vareunge.varsling.Varselhendelse;
import no.vareunge.varsling.Varselbestilling;
import no.vareunge.varsling.Varslingsstart;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The benchmark (docs/ytelse.md): {@code ./mvnw -Pbench verify}, not part of the ordinary test
 * run. The whole application on an embedded PostgreSQL 16 with production settings
 * ({@code synchronous_commit=on}), filled with N work packages through the engine; for each N the
 * cost of a lifecycle against plain Camunda, the database's commit rate and the engine's
 * transactions per lifecycle, and the latency of what users do and read. Prints a table and
 * writes {@code target/bench/ytelse.json}. The goals are printed next to the figures, never
 * asserted: the machine is shared, so the figures are for comparing within one run.
 */
class YtelseBench {

  private static final List<Integer> N = Arrays.stream(System.getProperty("bench.n", "1000,10000,100000").split(","))
      .map(String::strip).map(Integer::parseInt).sorted().toList();
  private static final int GJENTAK = Integer.getInteger("bench.gjentak", 100);
  private static final int LIVSLOP = Integer.getInteger("bench.livslop", 20);
  private static final int TRAADER = Integer.getInteger("bench.traader", 3);
  /** Turns of 50 concurrent clients per round, application and baseline alternating. */
  private static final int SAMTIDIGE_RUNDER = Integer.getInteger("bench.samtidige.runder", 3);
  /** Extra arguments for the measured application, to compare settings (e.g. the history level). */
  private static final String ARGUMENTER = System.getProperty("bench.argumenter", "");
  private static final Path UT = Path.of("target", "bench");

  private static final String PROGRAMLEDER = TestBrukere.PROGRAMLEDER;
  private static final String STYRE_LARVIK = TestBrukere.STYRE_LARVIK;
  private static final String AP_LARVIK = TestBrukere.AP_LARVIK;
  private static final String LARVIK = "larvik";

  /** The goals of the issue, shown next to the figures (not asserted). */
  private static final Map<String, String> MAL = Map.of(
      "livslop", "≤ 1,25 × grunnlinjen",
      "porteføljeliste", "p95 ≤ 50 ms ved N = 100 000",
      "oppgaveliste", "p95 ≤ 100 ms ved N = 100 000",
      "styrerapport", "≤ 10 s ved N = 100 000",
      "oppstart", "≤ 10 s",
      "samtidighet", "≥ 0,8 × grunnlinjens gjennomstrømning, p95 ≤ 200 ms");

  record Livslopsresultat(int antall, double arbeidspakkeMs, double grunnlinjeMs, double forhold,
      double varslerMs, double forholdMedVarsler, long transaksjonerArbeidspakke, long transaksjonerVarsler,
      long transaksjonerGrunnlinje, double minsteTidVedCommitgrensenMs) {}

  record Latens(String navn, int antall, Double p50, Double p95, Double p99, String merknad) {}

  record Runde(int n, double fyllingSek, int jobberKjort, double jobberSek, Map<String, Long> datamengde,
      Map<String, Long> faser, Livslopsresultat livslop, List<Latens> latenser, List<Samtidighet.Resultat> samtidighet) {}

  record Commitrate(double enTraadPerSek, double fireTraaderPerSek) {}

  record Oppstart(double forsteOppstartSek, Double kaldOppstartSek, Double kaldOppstartJvmSek, Double kaldKlarSek,
      String merknad) {}

  record Resultat(String maskin, Commitrate commitrate, List<Runde> runder, Oppstart oppstart, double heapEtterGcMb,
      Map<String, String> mal) {}

  private ConfigurableApplicationContext app;
  private ProcessEngine engine;
  private RestKlient rest;
  private int port;
  private DataSource database;

  @Test
  void mal() throws Exception {
    Files.createDirectories(UT);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        // The embedded server turns fsync and synchronous commit off; production has them on.
        .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start()) {
      database = postgres.getPostgresDatabase();
      Commitrate commitrate = commitrate();
      long t0 = System.nanoTime();
      app = start(postgres);
      double forsteOppstart = sekunderSiden(t0);
      engine = app.getBean(ProcessEngine.class);
      port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      rest = new RestKlient(port);
      List<String> kommuner = app.getBean(KommuneRegister.class).alle().stream().map(Kommune::id).toList();
      Portefoljefyller fyller = new Portefoljefyller(engine, kommuner, TRAADER);
      List<Runde> runder = new ArrayList<>();
      try (Grunnlinje grunnlinje = new Grunnlinje(app.getBean(DataSource.class), engine)) {
        int fylt = 0;
        for (int n : N) {
          System.out.printf("%n== N = %d: fyller %d arbeidspakker med %d tråder ...%n", n, n - fylt, TRAADER);
          ventPaDisken(false);
          long t = System.nanoTime();
          fyller.fyll(fylt, n);
          double fylling = sekunderSiden(t);
          t = System.nanoTime();
          int jobber = fyller.kjorVentendeJobber();
          double jobbtid = sekunderSiden(t);
          fylt = n;
          ventPaDisken(true);
          sql("ANALYZE");
          System.out.printf("   fylt på %.0f s, %d ventende jobber (varsler) kjørt på %.0f s%n", fylling, jobber, jobbtid);
          Livslopsresultat livslop = livslop(grunnlinje, commitrate);
          List<Latens> latenser = new ArrayList<>();
          for (Maling maling : malinger()) {
            latenser.add(mal(maling));
            System.out.println("   " + latenser.get(latenser.size() - 1));
          }
          List<Samtidighet.Resultat> samtidig = List.of(new Samtidighet(rest, kommuner).mal(SAMTIDIGE_RUNDER, 2),
              new Samtidighet(rest, List.of(LARVIK)).mal(SAMTIDIGE_RUNDER, 2));
          samtidig.forEach(r -> System.out.println("   " + r));
          runder.add(new Runde(n, fylling, jobber, jobbtid, datamengde(), faser(), livslop, latenser, samtidig));
          skriv(new Resultat(maskin(), commitrate, runder, null, 0, MAL));
        }
      }
      double heap = heapEtterGc();
      app.close();
      Oppstart oppstart = kaldOppstart(postgres, forsteOppstart);
      Resultat resultat = new Resultat(maskin(), commitrate, runder, oppstart, heap, MAL);
      skriv(resultat);
      String tabell = tabell(resultat);
      System.out.println(tabell);
      Files.writeString(UT.resolve("ytelse.txt"), tabell);
    } finally {
      if (app != null && app.isActive()) {
        app.close();
      }
    }
  }

  // ---- the measurements of one round, one line each

  private List<Maling> malinger() {
    String filter = engine.getFilterService().createFilterQuery().filterName("Oppgaver for mine grupper")
        .singleResult().getId();
    ArbeidspakkeDriver driver = new ArbeidspakkeDriver(engine);
    Varslingsstart varslingsstart = app.getBean(Varslingsstart.class);
    Sammenstilling sammenstilling = app.getBean(Sammenstilling.class);
    Regneark regneark = app.getBean(Regneark.class);
    PdfRapport pdf = app.getBean(PdfRapport.class);
    return List.of(
        Maling.av("start forslag (REST, ap.larvik)",
            () -> ok(rest.post("/engine-rest/process-definition/key/arbeidspakke/submit-form", AP_LARVIK,
                Forslag.gyldig()))),
        Maling.medForberedelse("fullfør styrebehandling (REST, styre.larvik)", () -> {
          Task styrebehandling = tattStyrebehandling(driver);
          return () -> ok(rest.post("/engine-rest/task/" + styrebehandling.getId() + "/submit-form", STYRE_LARVIK,
              styrevedtak("godkjent", "7/30", "2030-01-29")));
        }),
        http("oppgaveliste, REST /task", STYRE_LARVIK, "/engine-rest/task?candidateUser=" + STYRE_LARVIK
            + "&includeAssignedTasks=true&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15"),
        http("oppgaveliste, Tasklist-filteret", STYRE_LARVIK,
            "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15"),
        http("oppgaveliste, antallet Tasklist viser ved filteret", STYRE_LARVIK,
            "/engine-rest/filter/" + filter + "/count"),
        http("porteføljeliste /api/arbeidspakker?kommune=larvik", PROGRAMLEDER, "/api/arbeidspakker?kommune=larvik"),
        http("porteføljeliste /api/arbeidspakker?kommune=larvik", STYRE_LARVIK, "/api/arbeidspakker?kommune=larvik"),
        http("oppsummering /api/portefolje/oppsummering", PROGRAMLEDER, "/api/portefolje/oppsummering"),
        http("oppsummering /api/portefolje/oppsummering", STYRE_LARVIK, "/api/portefolje/oppsummering"),
        side("dashbord GET / (innlogget)", PROGRAMLEDER, "/"),
        side("dashbord GET / (innlogget)", STYRE_LARVIK, "/"),
        side("Mine oppgaver GET /oppgaver (innlogget)", STYRE_LARVIK, "/oppgaver"),
        Maling.medForberedelse("oppgavesiden GET /oppgaver/{id}, styrebehandling (innlogget) som " + STYRE_LARVIK,
            () -> {
              Task styrebehandling = tattStyrebehandling(driver);
              InnloggetOkt okt = new InnloggetOkt(port).loggInn(STYRE_LARVIK, TestBrukere.PASSORD);
              return () -> ok(okt.get("/oppgaver/" + styrebehandling.getId()));
            }),
        side("arbeidspakkens side GET /arbeidspakker/{ref}, pakke i drift (innlogget)", PROGRAMLEDER, this::pakkeIDrift),
        side("arbeidspakkens side GET /arbeidspakker/{ref}, pakke i drift (innlogget)", STYRE_LARVIK, this::pakkeIDrift),
        // What the application adds to each new task and decision inside the user's transaction.
        Maling.av("start av ett varsel (prosessen varsling, som ved hver ny oppgave)",
            () -> varslingsstart.bestill(engine, nyOppgaveVarsel())),
        Maling.tung("styrerapport: sammenstilling, regneark og PDF", () -> {
          Rapporttall tall = sammenstilling.sammenstill(null, new Date());
          Styrerapport utkast = new Styrerapport(0, null, new Date(), new Date(), Rapportstatus.UTKAST, null, null,
              null, null, null, null);
          regneark.lag(utkast, tall);
          pdf.lag(utkast, tall);
        }));
  }

  /** What NyOppgaveListener orders for a new board task. */
  private static Varselbestilling nyOppgaveVarsel() {
    String oppgaveId = "ytelsesmaling";
    return new Varselbestilling(Varselhendelse.NY_OPPGAVE, List.of(), List.of("styre-" + LARVIK), oppgaveId,
        "AP-2026-LAR-001", "Praksisplasser i kommunale virksomheter", LARVIK,
        new Varselbestilling.Oppgave(oppgaveId, "Styrebehandling", new Date()), null);
  }

  /** A package of ap.larvik at the board, claimed by styre.larvik (prepared outside the timing). */
  private Task tattStyrebehandling(ArbeidspakkeDriver driver) {
    ProcessInstance ap = driver.startForslag(AP_LARVIK, Forslag.gyldig());
    driver.fullfor(ap, "Task_VurderForslag", TestBrukere.LEDER_LARVIK, vurdering("komplett"));
    Task oppgave = driver.oppgave(ap, "Task_Styrebehandling");
    engine.getTaskService().claim(oppgave.getId(), STYRE_LARVIK);
    return oppgave;
  }

  private Maling http(String navn, String bruker, String sti) {
    return Maling.av(navn + " som " + bruker, () -> ok(rest.get(sti, bruker)));
  }

  /** A page for a user logged in with a session (prepared once, before the first timed read). */
  private Maling side(String navn, String bruker, String sti) {
    return side(navn, bruker, () -> sti);
  }

  /** The same, with an address found once (outside the timing). */
  private Maling side(String navn, String bruker, Supplier<String> sti) {
    InnloggetOkt[] okt = new InnloggetOkt[1];
    String[] adresse = new String[1];
    return Maling.medForberedelse(navn + " som " + bruker, () -> {
      if (okt[0] == null) {
        okt[0] = new InnloggetOkt(port).loggInn(bruker, TestBrukere.PASSORD);
        adresse[0] = sti.get();
      }
      return () -> ok(okt[0].get(adresse[0]));
    });
  }

  /** The page of a Larvik package that has come all the way to drift: the longest story there is. */
  private String pakkeIDrift() {
    return "/arbeidspakker/" + app.getBean(JdbcClient.class).sql("""
            SELECT referanse FROM arbeidspakke WHERE kommune = 'larvik'
            ORDER BY CASE fase WHEN 'I_DRIFT' THEN 0 WHEN 'DRIFT' THEN 1 ELSE 2 END, registrert
            FETCH FIRST 1 ROWS ONLY""").query(String.class).single();
  }

  private static void ok(HttpResponse<String> svar) {
    if (svar.statusCode() / 100 != 2) {
      throw new Maling.IkkeTilgjengelig("HTTP " + svar.statusCode());
    }
  }

  private Latens mal(Maling maling) throws Exception {
    int gjentak = maling.tung() ? Math.max(5, GJENTAK / 10) : GJENTAK;
    int oppvarming = maling.tung() ? 1 : Math.max(3, GJENTAK / 10);
    List<Long> tider = new ArrayList<>();
    try {
      for (int i = 0; i < oppvarming + gjentak; i++) {
        Maling.Handling handling = maling.neste().call();
        long t = System.nanoTime();
        handling.utfor();
        if (i >= oppvarming) {
          tider.add(System.nanoTime() - t);
        }
      }
    } catch (Maling.IkkeTilgjengelig e) {
      return new Latens(maling.navn(), 0, null, null, null, "ikke tilgjengelig (" + e.getMessage() + ")");
    }
    Fordeling f = Fordeling.av(tider);
    return new Latens(maling.navn(), f.antall(), f.persentil(50), f.persentil(95), f.persentil(99), null);
  }

  // ---- lifecycle against the baseline, and transactions

  /**
   * Lifecycles of arbeidspakke and of the baseline, in turns (so that noise from the shared machine
   * hits both); then the notifications each arbeidspakke lifecycle left, run as the job executor
   * would. Write transactions are counted by the transaction ids PostgreSQL hands out (each one
   * is a commit that waits for the disk); reading the id takes one itself.
   */
  private Livslopsresultat livslop(Grunnlinje grunnlinje, Commitrate commitrate) throws Exception {
    ArbeidspakkeDriver arbeidspakke = new ArbeidspakkeDriver(engine);
    ArbeidspakkeDriver plain = new ArbeidspakkeDriver(grunnlinje.engine(), Grunnlinje.PROSESS);
    Portefoljefyller varsler = new Portefoljefyller(engine, List.of(LARVIK), 1);
    for (int i = 0; i < 3; i++) {
      Livslop.styretsVei(arbeidspakke, LARVIK);
      varsler.kjorVentendeJobber();
      Livslop.styretsVei(plain, LARVIK);
    }
    List<Long> a = new ArrayList<>();
    List<Long> v = new ArrayList<>();
    List<Long> g = new ArrayList<>();
    long[] tx = new long[3];
    for (int i = 0; i < LIVSLOP; i++) {
      long x0 = transaksjonsnummer();
      long t = System.nanoTime();
      Livslop.styretsVei(arbeidspakke, LARVIK);
      a.add(System.nanoTime() - t);
      long x1 = transaksjonsnummer();
      t = System.nanoTime();
      varsler.kjorVentendeJobber();
      v.add(System.nanoTime() - t);
      long x2 = transaksjonsnummer();
      t = System.nanoTime();
      Livslop.styretsVei(plain, LARVIK);
      g.add(System.nanoTime() - t);
      long x3 = transaksjonsnummer();
      tx[0] = x1 - x0 - 1;
      tx[1] = x2 - x1 - 1;
      tx[2] = x3 - x2 - 1;
    }
    double ams = Fordeling.av(a).median();
    double vms = Fordeling.av(v).median();
    double gms = Fordeling.av(g).median();
    Livslopsresultat r = new Livslopsresultat(LIVSLOP, ams, gms, ams / gms, vms, (ams + vms) / gms, tx[0], tx[1], tx[2],
        (tx[0] + tx[1]) * 1000.0 / commitrate.enTraadPerSek());
    System.out.println("   " + r);
    return r;
  }

  // ---- the database

  /** Tiny insert + commit in a loop: what this machine's disk allows, with one and with four writers. */
  private Commitrate commitrate() throws Exception {
    sql("CREATE TABLE ytelse_commit (id BIGSERIAL PRIMARY KEY, verdi INTEGER)");
    double en = commits(1, 2000);
    double fire = commits(4, 1000);
    sql("DROP TABLE ytelse_commit");
    Commitrate r = new Commitrate(en, fire);
    System.out.println("Commitrate: " + r);
    return r;
  }

  private double commits(int skrivere, int hver) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(skrivere);
    try {
      long t = System.nanoTime();
      List<Future<?>> ferdig = new ArrayList<>();
      for (int s = 0; s < skrivere; s++) {
        ferdig.add(pool.submit(() -> {
          try (Connection c = database.getConnection();
              PreparedStatement insert = c.prepareStatement("INSERT INTO ytelse_commit (verdi) VALUES (?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < hver; i++) {
              insert.setInt(1, i);
              insert.executeUpdate();
              c.commit();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : ferdig) {
        f.get();
      }
      return skrivere * hver / sekunderSiden(t);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Filling need not wait for the disk at each commit; the measurements do, as in production. The
   * setting is taken up by new connections, so the application's pool is renewed.
   */
  private void ventPaDisken(boolean vent) throws Exception {
    sql("ALTER ROLE postgres SET synchronous_commit = " + (vent ? "on" : "off"));
    app.getBean(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
  }

  private long transaksjonsnummer() throws Exception {
    try (Connection c = database.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT pg_current_xact_id()::text::bigint")) {
      r.next();
      return r.getLong(1);
    }
  }

  private void sql(String sql) throws Exception {
    try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private Map<String, Long> tall(String sql) throws Exception {
    Map<String, Long> tall = new LinkedHashMap<>();
    try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        tall.put(r.getString(1), r.getLong(2));
      }
    }
    return tall;
  }

  /** How much the database holds: the engine's runtime and history, the read model, the size on disk. */
  private Map<String, Long> datamengde() throws Exception {
    Map<String, Long> mengde = new LinkedHashMap<>();
    for (String tabell : List.of("act_ru_execution", "act_ru_task", "act_ru_variable", "act_ru_job",
        "act_ru_identitylink", "act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst",
        "act_hi_detail", "act_hi_identitylink", "act_ge_bytearray", "vedtak", "varsel", "arbeidspakke")) {
      mengde.putAll(tall("SELECT '" + tabell + "', CASE WHEN to_regclass('" + tabell + "') IS NULL THEN -1 ELSE "
          + "(xpath('/row/c/text()', query_to_xml('SELECT count(*) AS c FROM " + tabell
          + "', false, true, '')))[1]::text::bigint END"));
    }
    mengde.putAll(tall("SELECT 'databasestorrelse_mb', pg_database_size(current_database()) / (1024 * 1024)"));
    return mengde;
  }

  /** The phases of the packages in the read model (empty before the read model exists). */
  private Map<String, Long> faser() throws Exception {
    return tall("SELECT fase, count(*) FROM arbeidspakke GROUP BY fase ORDER BY fase");
  }

  // ---- the application

  private static ConfigurableApplicationContext start(EmbeddedPostgres postgres) {
    return new SpringApplicationBuilder(ProgramstyringApplication.class)
        .initializers(kontekst -> kontekst.getBeanFactory().registerSingleton("utenTestoppsett", new UtenTestoppsett()))
        .profiles("postgres", "demo")
        .run(argumenter(postgres, "--vareunge.demo.passord=" + TestBrukere.PASSORD,
            // One log line per notification would drown the table.
            "--logging.level.org.camunda=WARN", "--logging.level.no.vareunge.varsling=WARN").toArray(String[]::new));
  }

  private static List<String> argumenter(EmbeddedPostgres postgres, String... flere) {
    List<String> argumenter = new ArrayList<>(List.of(
        "--server.port=0",
        "--VAREUNGE_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--VAREUNGE_DB_BRUKER=postgres",
        "--VAREUNGE_DB_PASSORD=postgres",
        // The benchmark runs every job itself; timers of the filled portfolio must not fire meanwhile.
        "--camunda.bpm.job-execution.enabled=false"));
    argumenter.addAll(List.of(flere));
    Arrays.stream(ARGUMENTER.split("\\s+")).filter(a -> !a.isBlank()).forEach(argumenter::add);
    return argumenter;
  }

  /**
   * The start of a fresh JVM on the filled database (the classes of the application only), as
   * an operator would restart it: the time Spring Boot reports, the time since the JVM began, and
   * the time until it is ready for traffic, after the start-up work (models, access) that runs once
   * the context has started. The log is kept in target/bench/oppstart.log.
   */
  private Oppstart kaldOppstart(EmbeddedPostgres postgres, double forsteOppstart) throws Exception {
    String klassesti = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(sti -> !sti.endsWith("test-classes")).reduce((x, y) -> x + File.pathSeparator + y).orElseThrow();
    List<String> kommando = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", klassesti,
        ProgramstyringApplication.class.getName(), "--spring.profiles.active=postgres",
        "--camunda.bpm.process-engine-name=kaldstart",
        "--logging.level.org.springframework.boot.availability=DEBUG"));
    kommando.addAll(argumenter(postgres));
    Process prosess = new ProcessBuilder(kommando).redirectErrorStream(true).start();
    Pattern startet = Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
    Double spring = null;
    Double jvm = null;
    Instant startetKl = null;
    try (BufferedReader logg = new BufferedReader(new InputStreamReader(prosess.getInputStream(), StandardCharsets.UTF_8));
        var kopi = Files.newBufferedWriter(UT.resolve("oppstart.log"))) {
      String linje;
      while ((linje = logg.readLine()) != null) {
        kopi.write(linje);
        kopi.newLine();
        Matcher m = startet.matcher(linje);
        if (m.find()) {
          spring = Double.parseDouble(m.group(1));
          jvm = Double.parseDouble(m.group(2));
          startetKl = Instant.parse(linje.substring(0, linje.indexOf(' ')));
        } else if (startetKl != null && linje.contains("ReadinessState changed to ACCEPTING_TRAFFIC")) {
          double etterStart = Duration.between(startetKl, Instant.parse(linje.substring(0, linje.indexOf(' '))))
              .toMillis() / 1000.0;
          return new Oppstart(forsteOppstart, spring, jvm, jvm + etterStart, null);
        }
      }
    } finally {
      prosess.destroy();
      prosess.waitFor();
    }
    return new Oppstart(forsteOppstart, spring, jvm, null, "den nye JVM-en ble ikke klar");
  }

  private static double heapEtterGc() {
    ManagementFactory.getMemoryMXBean().gc();
    ManagementFactory.getMemoryMXBean().gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  private static String maskin() {
    return Runtime.getRuntime().availableProcessors() + " kjerner, Java " + System.getProperty("java.version")
        + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        + ", PostgreSQL 16 (innebygd, fsync og synchronous_commit på)"
        + (ARGUMENTER.isBlank() ? "" : ", med " + ARGUMENTER);
  }

  private static double sekunderSiden(long nanoTid) {
    return (System.nanoTime() - nanoTid) / 1e9;
  }

  // ---- output

  private static void skriv(Resultat resultat) throws Exception {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(UT.resolve("ytelse.json").toFile(), resultat);
  }

  private static String tabell(Resultat r) {
    StringBuilder t = new StringBuilder();
    t.append(String.format("%nYtelse — %s%n", r.maskin()));
    t.append(String.format("Commitrate (insert + commit): %.0f/s med én skriver, %.0f/s med fire%n",
        r.commitrate().enTraadPerSek(), r.commitrate().fireTraaderPerSek()));
    for (Runde runde : r.runder()) {
      Livslopsresultat l = runde.livslop();
      t.append(String.format("%n== N = %d   (fylt på %.0f s, %d varsler/asynkrone steg kjørt på %.0f s, database %d MB)%n",
          runde.n(), runde.fyllingSek(), runde.jobberKjort(), runde.jobberSek(),
          runde.datamengde().get("databasestorrelse_mb")));
      t.append(String.format("   faser: %s%n", runde.faser()));
      t.append(String.format("   livsløp arbeidspakke %s ms, grunnlinje %s ms: %.2f × (mål %s); med varsler %s ms: %.2f ×%n",
          Fordeling.ms(l.arbeidspakkeMs()), Fordeling.ms(l.grunnlinjeMs()), l.forhold(), MAL.get("livslop"),
          Fordeling.ms(l.arbeidspakkeMs() + l.varslerMs()), l.forholdMedVarsler()));
      t.append(String.format("   skrivetransaksjoner per livsløp: arbeidspakke %d + varsler %d, grunnlinje %d;"
          + " commitgrensen alene gir minst %s ms%n", l.transaksjonerArbeidspakke(), l.transaksjonerVarsler(),
          l.transaksjonerGrunnlinje(), Fordeling.ms(l.minsteTidVedCommitgrensenMs())));
      for (Samtidighet.Resultat s : runde.samtidighet()) {
        t.append(String.format("   %d klienter samtidig i %d kommune(r) (REST: forslag, vurdering, styrevedtak), %d "
            + "forespørsler hver: arbeidspakke %.0f/s (p50 %s ms, p95 %s ms), grunnlinje %.0f/s (p50 %s ms, p95 %s ms): "
            + "%.2f × grunnlinjen, %d feil (mål %s)%n", s.klienter(), s.kommuner(), s.forsporsler(), s.appPerSek(),
            Fordeling.ms(s.appP50()), Fordeling.ms(s.appP95()), s.grunnlinjePerSek(), Fordeling.ms(s.grunnlinjeP50()),
            Fordeling.ms(s.grunnlinjeP95()), s.forhold(), s.feil(), MAL.get("samtidighet")));
      }
      t.append(String.format("   %-72s %6s %8s %8s %8s  %s%n", "måling", "antall", "p50 ms", "p95 ms", "p99 ms", "mål"));
      for (Latens m : runde.latenser()) {
        String mal = m.navn().startsWith("porteføljeliste") ? MAL.get("porteføljeliste")
            : m.navn().startsWith("oppgaveliste") ? MAL.get("oppgaveliste")
            : m.navn().startsWith("styrerapport") ? MAL.get("styrerapport") : "";
        if (m.merknad() != null) {
          t.append(String.format("   %-72s %s%n", m.navn(), m.merknad()));
        } else {
          t.append(String.format("   %-72s %6d %8s %8s %8s  %s%n", m.navn(), m.antall(), Fordeling.ms(m.p50()),
              Fordeling.ms(m.p95()), Fordeling.ms(m.p99()), mal));
        }
      }
    }
    Oppstart o = r.oppstart();
    t.append(String.format("%nOppstart: første (tom database, i testens JVM) %.1f s; ny JVM på den fylte databasen:"
        + " Spring Boot %s, fra JVM-start %s, klar for trafikk %s (mål %s)%s%n", o.forsteOppstartSek(),
        sekunder(o.kaldOppstartSek()), sekunder(o.kaldOppstartJvmSek()), sekunder(o.kaldKlarSek()), MAL.get("oppstart"),
        o.merknad() == null ? "" : " – " + o.merknad()));
    t.append(String.format("Heap brukt etter GC etter største N: %.0f MB%n", r.heapEtterGcMb()));
    return t.toString();
  }

  private static String sekunder(Double sekunder) {
    return sekunder == null ? "–" : String.format("%.1f s", sekunder);
  }

  /**
   * Kept out of the measured application: the configuration of the Spring tests (coverage
   * listeners, test mail), and the demo portfolio (the benchmark fills its own; the demo profile
   * is only used for its users in every kommune).
   */
  private static final class UtenTestoppsett extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader klasse, MetadataReaderFactory fabrikk) {
      return klasse.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName())
          || klasse.getClassMetadata().getClassName().equals(DemodataOppstart.class.getName());
    }

    @Override
    public boolean equals(Object annen) {
      return annen != null && annen.getClass() == getClass();
    }

    @Override
    public int hashCode() {
      return getClass().hashCode();
    }
  }
}
