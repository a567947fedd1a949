package no.vareunge.rapportering;

import static no.vareunge.TestBrukere.PROGRAMLEDER;
import static no.vareunge.TestBrukere.STYRE_LARVIK;
import static no.vareunge.Testklokke.pluss;
import static no.vareunge.Testklokke.settKlokke;
import static no.vareunge.Testklokke.tidspunkt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.vareunge.TestBrukere;
import no.vareunge.TestEpost;
import no.vareunge.VareungeTest;
import no.vareunge.frister.Frister;
import no.vareunge.varsling.Varsel;
import no.vareunge.varsling.Varselhendelse;
import no.vareunge.varsling.Varsellogg;
import no.vareunge.varsling.Varselstatus;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scenario tests of the board report (process {@code styrerapport}): started by its timer on the
 * configured schedule or by programleder, approved or sent back for a new draft, sent to
 * eierstyret with both files through the notification service (retries and an incident while the
 * mail server is down, each member exactly once), archived. Together they cover every flow node
 * and sequence flow (asserted by the coverage configuration in TestKonfigurasjon). The figures
 * themselves are tested in {@link StyrerapportTallProsessTest}.
 */
@VareungeTest
class StyrerapportProsessTest {

  private static final Pattern RETRY = Pattern.compile("R(\\d+)/(P.+)");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired Frister frister;
  @Autowired Rapportarkiv arkiv;
  @Autowired Varsellogg varsellogg;

  private StyrerapportDriver driver;

  @BeforeEach
  void forbered() {
    BpmnAwareTests.init(engine);
    TestBrukere.opprett(identity);
    driver = new StyrerapportDriver(engine);
  }

  @AfterEach
  void rydd() {
    TestEpost.start();
    ClockUtil.reset();
    identity.clearAuthentication();
    BpmnAwareTests.reset();
  }

  @Test
  void tidsplanenStarterRapportenSomGodkjennesSendesMedBeggeFileneOgArkiveres() throws Exception {
    assertThat(frister.getStyrerapport()).as("standard tidsplan").isEqualTo("0 0 7 1W * ?");
    Job timer = driver.tidsplan();
    Date forfall = timer.getDuedate();
    YearMonth maned = YearMonth.from(forfall.toInstant().atZone(ZoneId.systemDefault()));
    assertThat(forfall).as("første hverdag i måneden kl. 07.00").isEqualTo(forsteHverdagKl7(maned));
    Date forrige = arkiv.forrigePeriodeSlutt().orElse(null);
    Set<String> for_ = instanser();

    // The engine clock reaches the schedule; the job executor would now run the timer.
    settKlokke(forfall);
    engine.getManagementService().executeJob(timer.getId());

    assertThat(driver.tidsplan().getDuedate()).as("neste måned").isEqualTo(forsteHverdagKl7(maned.plusMonths(1)));
    Set<String> nye = instanser();
    nye.removeAll(for_);
    assertThat(nye).hasSize(1);
    ProcessInstance rapport = runtime.createProcessInstanceQuery().processInstanceId(nye.iterator().next())
        .singleResult();
    assertThat(rapport).hasPassedInOrder("StartEvent_Tidsplan", "Gateway_SammenstillInn")
        .isWaitingAtExactly("Task_SammenstillTall");

    driver.utfor(rapport, "Task_SammenstillTall");
    assertThat(rapport).hasPassedInOrder("Task_SammenstillTall", "Task_LagRapportfiler")
        .isWaitingAtExactly("Task_GodkjennRapport");
    assertThat(rapport).task().hasCandidateGroup("programleder").isNotAssigned()
        .hasDueDate(pluss(forfall, frister.getRapportgodkjenning()));
    long id = driver.rapportId(rapport);
    // The process carries the report's id and the summary for the form; figures and files are in the table.
    assertThat(runtime.getVariables(rapport.getId()).keySet()).isSubsetOf("rapportId", "rapportsammendrag", "bestiltAv");
    assertThat((String) runtime.getVariable(rapport.getId(), "rapportsammendrag"))
        .startsWith("Periode: ").contains("- Arbeidspakker i alt: ").contains("Per kommune:\n- ")
        .doesNotContain("**").containsPattern("- \\S+: \\d+ arbeidspakke(r)?, \\d+ (nytt|nye) vedtak, \\d+ (rød pilot|"
            + "røde piloter), \\d+ (gul pilot|gule piloter), \\d+ (forfalt beslutning|forfalte beslutninger)");
    Styrerapport utkast = arkiv.hent(id).orElseThrow();
    assertThat(utkast).extracting(Styrerapport::status, Styrerapport::periodeFra, Styrerapport::periodeTil,
            Styrerapport::prosessinstansId, Styrerapport::godkjentAv)
        .containsExactly(Rapportstatus.UTKAST, forrige, forfall, rapport.getId(), null);
    assertThat(arkiv.fil(id, Rapportfil.XLSX).orElseThrow()).startsWith('P', 'K');
    assertThat(new String(arkiv.fil(id, Rapportfil.PDF).orElseThrow(), 0, 5)).isEqualTo("%PDF-");

    driver.godkjenn(rapport, "Merk de røde pilotene i Larvik.");
    assertThat(rapport).hasPassedInOrder("Task_GodkjennRapport", "Gateway_Godkjent")
        .isWaitingAtExactly("Task_SendRapport");
    assertThat(arkiv.hent(id).orElseThrow())
        .extracting(Styrerapport::status, Styrerapport::godkjentAv, Styrerapport::kommentar)
        .containsExactly(Rapportstatus.GODKJENT, PROGRAMLEDER, "Merk de røde pilotene i Larvik.");
    assertThat(TestEpost.til(TestBrukere.epost(TestBrukere.EIERSTYRET), emne(utkast))).isEmpty();

    driver.utfor(rapport, "Task_SendRapport");
    Styrerapport sendt = arkiv.hent(id).orElseThrow();
    assertThat(sendt.status()).isEqualTo(Rapportstatus.SENDT);
    List<String> medlemmer = eierstyret();
    assertThat(medlemmer).contains(TestBrukere.EIERSTYRET);
    for (String medlem : medlemmer) {
      List<MimeMessage> eposter = TestEpost.til(TestBrukere.epost(medlem), emne(utkast));
      assertThat(eposter).as("e-post til %s", medlem).hasSize(1);
      assertThat(vedlegg(eposter.get(0))).containsExactlyInAnyOrder(
          sendt.navn() + ".xlsx " + Rapportfil.XLSX.innholdstype(), sendt.navn() + ".pdf " + Rapportfil.PDF.innholdstype());
    }
    String tekst = tekst(TestEpost.til(TestBrukere.epost(TestBrukere.EIERSTYRET), emne(utkast)).get(0));
    assertThat(sendt.navn()).matches("styrerapport-\\d{4}-\\d{2}");
    assertThat(varsellogg.forProsessinstans(rapport.getId()))
        .extracting(Varsel::hendelse, Varsel::referanse, Varsel::gruppe, Varsel::status, Varsel::forsok)
        .hasSize(medlemmer.size())
        .containsOnly(tuple(Varselhendelse.RAPPORT_SENDT, sendt.navn(), "eierstyre", Varselstatus.SENDT, 1));
    assertThat(tekst).contains("Her er styrerapporten fra Våre unge for perioden " + sendt.periode())
        .contains("godkjent av programleder (" + PROGRAMLEDER + ")")
        .contains("Kommentar fra programleder: Merk de røde pilotene i Larvik.")
        .contains("- Arbeidspakker i alt: ")
        .contains("/api/rapporter/" + id + "/pdf");
    assertThat(rapport).isWaitingAtExactly("Task_ArkiverRapport");

    driver.utfor(rapport, "Task_ArkiverRapport");
    assertThat(rapport).hasPassedInOrder("Task_SendRapport", "Task_ArkiverRapport", "EndEvent_RapportArkivert")
        .isEnded();
    assertThat(arkiv.hent(id).orElseThrow()).extracting(Styrerapport::status, Styrerapport::arkivert)
        .containsExactly(Rapportstatus.ARKIVERT, forfall);
    assertThat(arkiv.sendte()).extracting(Styrerapport::id).contains(id);
  }

  @Test
  void programlederBestillerRapportOgBerOmEnNyForDenGodkjennes() {
    Date bestilt = settKlokke(tidspunkt(2036, 3, 3));
    // Only programleder may order a report.
    assertThatThrownBy(() -> driver.bestill(STYRE_LARVIK)).isInstanceOf(AuthorizationException.class);
    ProcessInstance rapport = driver.bestill(PROGRAMLEDER);
    assertThat(rapport).hasPassed("StartEvent_Tidsplan").isWaitingAtExactly("Task_SammenstillTall");
    assertThat(rapport).variables().containsEntry("bestiltAv", PROGRAMLEDER);
    driver.utfor(rapport, "Task_SammenstillTall");
    long id = driver.rapportId(rapport);
    assertThat(arkiv.hent(id).orElseThrow().periodeTil()).isEqualTo(bestilt);

    // A board meeting the next day changes the picture: programleder asks for a new draft.
    Date nyttUtkast = settKlokke(pluss(bestilt, "P1D"));
    driver.lagNy(rapport, "Styremøtet i Horten i går må med.");
    assertThat(rapport).hasPassed("Gateway_Godkjent").isWaitingAtExactly("Task_SammenstillTall");
    assertThat(arkiv.hent(id).orElseThrow()).extracting(Styrerapport::status, Styrerapport::kommentar)
        .containsExactly(Rapportstatus.UTKAST, "Styremøtet i Horten i går må med.");

    driver.utfor(rapport, "Task_SammenstillTall");
    assertThat(rapport).isWaitingAtExactly("Task_GodkjennRapport");
    assertThat(driver.rapportId(rapport)).as("samme rapport, nye tall").isEqualTo(id);
    assertThat(arkiv.hent(id).orElseThrow().periodeTil()).isEqualTo(nyttUtkast);
    assertThat(arkiv.fil(id, Rapportfil.PDF)).isPresent();
    // The form starts empty the second time round.
    assertThat(runtime.getVariable(rapport.getId(), "rapportbeslutning")).isNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(rapport.getId())
        .activityId("Task_SammenstillTall").count()).isEqualTo(2);

    driver.godkjenn(rapport, null);
    driver.utfor(rapport, "Task_SendRapport");
    driver.utfor(rapport, "Task_ArkiverRapport");
    assertThat(rapport).hasPassed("EndEvent_RapportArkivert").isEnded();
    assertThat(arkiv.hent(id).orElseThrow())
        .extracting(Styrerapport::status, Styrerapport::godkjentAv, Styrerapport::kommentar)
        .containsExactly(Rapportstatus.ARKIVERT, PROGRAMLEDER, null);
  }

  @Test
  void nedeEposttjenerGirNyeForsokOgEnHendelseOgHvertMedlemFaarRapportenEnGang() {
    Date start = settKlokke(tidspunkt(2037, 6, 1));
    ProcessInstance rapport = driver.bestill(PROGRAMLEDER);
    driver.utfor(rapport, "Task_SammenstillTall");
    driver.godkjenn(rapport, null);
    long id = driver.rapportId(rapport);
    Styrerapport godkjent = arkiv.hent(id).orElseThrow();
    List<String> medlemmer = eierstyret();
    Matcher syklus = RETRY.matcher(frister.getJobbRetry());
    assertThat(syklus.matches()).isTrue();
    int forsok = Integer.parseInt(syklus.group(1));

    TestEpost.stopp();
    Job jobb = driver.jobb(rapport, "Task_SendRapport");
    int utfort = 0;
    while (jobb.getRetries() > 0) {
      Date na = ClockUtil.getCurrentTime();
      String jobbId = jobb.getId();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(jobbId))
          .hasMessageContaining("kom ikke fram til");
      utfort++;
      Job etter = driver.jobb(rapport, "Task_SendRapport");
      if (etter.getRetries() > 0) {
        assertThat(etter.getDuedate()).isEqualTo(pluss(na, syklus.group(2)));
        settKlokke(etter.getDuedate());
      }
      jobb = etter;
    }
    assertThat(utfort).as("forsøk før hendelsen (incident)").isEqualTo(forsok);
    Incident hendelse = runtime.createIncidentQuery().processInstanceId(rapport.getId()).singleResult();
    assertThat(hendelse).isNotNull();
    assertThat(hendelse.getActivityId()).isEqualTo("Task_SendRapport");
    assertThat(hendelse.getIncidentMessage()).contains("kom ikke fram til").contains(TestBrukere.EIERSTYRET);
    assertThat(arkiv.hent(id).orElseThrow().status()).as("ikke sendt").isEqualTo(Rapportstatus.GODKJENT);
    assertThat(varsellogg.forProsessinstans(rapport.getId())).extracting(Varsel::status, Varsel::forsok)
        .containsOnly(tuple(Varselstatus.FEILET, forsok));

    // The server is back; the administrator retries in Cockpit.
    TestEpost.start();
    engine.getManagementService().setJobRetries(jobb.getId(), 1);
    settKlokke(driver.jobb(rapport, "Task_SendRapport").getDuedate());
    driver.utfor(rapport, "Task_SendRapport");
    for (String medlem : medlemmer) {
      assertThat(TestEpost.til(TestBrukere.epost(medlem), emne(godkjent))).as("e-post til %s", medlem).hasSize(1);
    }
    assertThat(varsellogg.forProsessinstans(rapport.getId())).extracting(Varsel::status, Varsel::forsok)
        .containsOnly(tuple(Varselstatus.SENDT, forsok + 1));
    driver.utfor(rapport, "Task_ArkiverRapport");
    assertThat(rapport).isEnded();
    assertThat(arkiv.hent(id).orElseThrow().sendt()).isAfter(start);
  }

  private static String emne(Styrerapport rapport) {
    return "Styrerapport til eierstyret: " + rapport.periode();
  }

  private Set<String> instanser() {
    Set<String> ider = new HashSet<>();
    runtime.createProcessInstanceQuery().processDefinitionKey(StyrerapportDriver.PROSESS).list()
        .forEach(p -> ider.add(p.getId()));
    return ider;
  }

  /** The members of eierstyret with an e-mail address: those who get the report. */
  private List<String> eierstyret() {
    return identity.createUserQuery().memberOfGroup("eierstyre").list().stream()
        .filter(u -> u.getEmail() != null && !u.getEmail().isBlank()).map(User::getId).toList();
  }

  /** «file name content type» of every attachment. */
  private static List<String> vedlegg(Part del) throws Exception {
    List<String> funnet = new ArrayList<>();
    if (Part.ATTACHMENT.equalsIgnoreCase(del.getDisposition())) {
      funnet.add(del.getFileName() + " " + del.getContentType().split(";")[0].trim());
    } else if (del.getContent() instanceof Multipart deler) {
      for (int i = 0; i < deler.getCount(); i++) {
        BodyPart underdel = deler.getBodyPart(i);
        funnet.addAll(vedlegg(underdel));
      }
    }
    return funnet;
  }

  /** The plain text alternative of the e-mail. */
  private static String tekst(Part del) throws Exception {
    if (del.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(del.getDisposition())) {
      return del.getContent().toString();
    }
    if (del.getContent() instanceof Multipart deler) {
      for (int i = 0; i < deler.getCount(); i++) {
        String t = tekst(deler.getBodyPart(i));
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  /** 07:00 on the first weekday of the month, in the server's time zone (as the engine reads cron). */
  static Date forsteHverdagKl7(YearMonth maned) {
    LocalDate dag = maned.atDay(1);
    while (dag.getDayOfWeek() == DayOfWeek.SATURDAY || dag.getDayOfWeek() == DayOfWeek.SUNDAY) {
      dag = dag.plusDays(1);
    }
    return Date.from(dag.atTime(7, 0).atZone(ZoneId.systemDefault()).toInstant());
  }
}
