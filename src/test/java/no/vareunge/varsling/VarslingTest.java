package no.vareunge.varsling;

import static no.vareunge.TestBrukere.AP_LARVIK;
import static no.vareunge.TestBrukere.LEDER_LARVIK;
import static no.vareunge.TestBrukere.PROGRAMLEDER;
import static no.vareunge.TestBrukere.STYRE_LARVIK;
import static no.vareunge.TestBrukere.epost;
import static no.vareunge.varsling.Varslingsdriver.deler;
import static no.vareunge.varsling.Varslingsdriver.styrevedtak;
import static no.vareunge.varsling.Varslingsdriver.svar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import no.vareunge.Forslag;
import no.vareunge.TestBrukere;
import no.vareunge.TestEpost;
import no.vareunge.VareungeTest;
import no.vareunge.felles.Tidssone;
import no.vareunge.frister.Frister;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Every kind of notification, end to end: from the user's action through the job to the e-mail
 * on a real SMTP server (GreenMail), with content, recipients from the identity service, link to
 * the task, the log, and no duplicates.
 */
@VareungeTest
class VarslingTest {

  private static final Date START = Date.from(LocalDateTime.of(2031, 3, 3, 9, 0).atZone(Tidssone.NORGE).toInstant());
  private static final String OPPGAVESIDE = "http://localhost:8080/oppgaver/";

  @Autowired ProcessEngine engine;
  @Autowired Frister frister;
  @Autowired Varsellogg logg;
  @Autowired Epostmaler maler;
  @Autowired VarslingEgenskaper egenskaper;

  private Varslingsdriver driver;

  @BeforeEach
  void forbered() {
    TestBrukere.opprett(engine.getIdentityService());
    ClockUtil.setCurrentTime(START);
    driver = new Varslingsdriver(engine);
  }

  @AfterEach
  void rydd() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void nyOppgaveGaarTilGruppensMedlemmerMedLenkeTilOppgavenEtterAtDenErLagret() throws Exception {
    ProcessInstance ap = driver.start(AP_LARVIK, Forslag.gyldig());
    String referanse = driver.referanse(ap);
    Task vurder = driver.oppgave(ap, "Task_VurderForslag");

    ProcessInstance varsling = driver.varsling(referanse, Varselhendelse.NY_OPPGAVE);
    // The package's kommune, so only those who may see the package see its notifications; the
    // reference stays the business key of the package alone.
    assertThat(varsling.getTenantId()).isEqualTo("larvik");
    assertThat(varsling.getBusinessKey()).isNull();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(referanse).list())
        .extracting(ProcessInstance::getId).containsExactly(ap.getId());
    // Nothing is sent inside the user's transaction: the job does it afterwards.
    assertThat(TestEpost.til(epost(LEDER_LARVIK), referanse)).isEmpty();
    assertThat(logg.forProsessinstans(ap.getId())).isEmpty();

    driver.send(varsling);
    List<MimeMessage> epost = TestEpost.til(epost(LEDER_LARVIK), referanse);
    assertThat(epost).hasSize(1);
    MimeMessage melding = epost.get(0);
    assertThat(melding.getSubject()).isEqualTo("Ny oppgave: Vurder forslag – " + referanse);
    Map<String, String> deler = deler(melding);
    assertThat(deler.get("text/html")).contains("<a href=\"" + OPPGAVESIDE + vurder.getId() + "\"")
        .contains("Hei leder.larvik Test,").contains("Praksisplasser i kommunale virksomheter")
        .contains("Fristen er <strong>" + Tidssone.norskDato(vurder.getDueDate()) + "</strong>")
        .contains("fordi du er med i gruppen leder-larvik");
    assertThat(deler.get("text/plain")).contains("(" + OPPGAVESIDE + vurder.getId() + ")")
        .contains("Du har fått en ny oppgave: Vurder forslag").doesNotContain("<");
    assertThat(logg.forProsessinstans(ap.getId()))
        .extracting(Varsel::hendelse, Varsel::mottaker, Varsel::epost, Varsel::gruppe, Varsel::status, Varsel::forsok)
        .contains(tuple(Varselhendelse.NY_OPPGAVE, LEDER_LARVIK, epost(LEDER_LARVIK), "leder-larvik",
            Varselstatus.SENDT, 1));
    // The submitter is not a candidate: no mail about someone else's task.
    assertThat(TestEpost.til(epost(AP_LARVIK), "Ny oppgave: Vurder forslag – " + referanse)).isEmpty();
    // The log above is the notification's history; the engine keeps none of it, but all of the package's.
    HistoryService historikk = engine.getHistoryService();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(varsling.getId()).count())
        .as("sendt og avsluttet").isZero();
    assertThat(historikk.createHistoricProcessInstanceQuery().processInstanceId(varsling.getId()).count()).isZero();
    assertThat(historikk.createHistoricVariableInstanceQuery().processInstanceId(varsling.getId()).count()).isZero();
    assertThat(historikk.createHistoricActivityInstanceQuery().processInstanceId(varsling.getId()).count()).isZero();
    assertThat(historikk.createHistoricJobLogQuery().processInstanceId(varsling.getId()).count()).isZero();
    assertThat(historikk.createHistoricProcessInstanceQuery().processInstanceId(ap.getId()).count()).isOne();
    assertThat(historikk.createHistoricVariableInstanceQuery().processInstanceId(ap.getId()).variableName("tittel")
        .count()).isOne();
  }

  @Test
  void nyOppgaveMedAnsvarligGaarBareTilDenAnsvarlige() {
    ProcessInstance ap = driver.start(AP_LARVIK, Forslag.gyldig());
    String referanse = driver.referanse(ap);
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK,
        svar("vurdering", "maBearbeides", "vurderingKommentar", "Beskriv målgruppen bedre."));
    Task bearbeid = driver.oppgave(ap, "Task_BearbeidForslag");

    List<ProcessInstance> nye = driver.varslinger(referanse, Varselhendelse.NY_OPPGAVE);
    assertThat(nye).hasSize(2);
    nye.forEach(driver::send);
    List<MimeMessage> epost = TestEpost.til(epost(AP_LARVIK), "Ny oppgave: Bearbeid forslag – " + referanse);
    assertThat(epost).hasSize(1);
    assertThat(deler(epost.get(0)).get("text/html")).contains(OPPGAVESIDE + bearbeid.getId())
        .doesNotContain("gitt til gruppen din");
    assertThat(TestEpost.til(epost(LEDER_LARVIK), "Ny oppgave: Bearbeid forslag")).isEmpty();
  }

  @Test
  void vedtakGaarTilInnsenderOgLokalLederMedUtfallSaksnummerOgBegrunnelse() {
    ProcessInstance ap = driver.start(AP_LARVIK, Forslag.gyldig());
    String referanse = driver.referanse(ap);
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, svar("vurdering", "komplett", "vurderingKommentar", "Ok."));
    driver.fullfor(ap, "Task_Styrebehandling", STYRE_LARVIK, styrevedtak("godkjent", "21/31"));

    ProcessInstance varsling = driver.varsling(referanse, Varselhendelse.VEDTAK);
    assertThat(TestEpost.til(epost(AP_LARVIK), "Vedtak i " + referanse)).isEmpty();
    driver.send(varsling);

    for (String mottaker : List.of(AP_LARVIK, LEDER_LARVIK)) {
      List<MimeMessage> epost = TestEpost.til(epost(mottaker), "Vedtak i " + referanse);
      assertThat(epost).as("vedtak til %s", mottaker).hasSize(1);
      assertThat(emne(epost.get(0))).isEqualTo("Vedtak i " + referanse + ": Godkjent");
      assertThat(deler(epost.get(0)).get("text/plain"))
          .contains("Lokalt styre har fattet vedtak i arbeidspakken " + referanse)
          .contains("Utfall: Godkjent").contains("Saksnummer: 21/31").contains("Møtedato: 2030-01-29")
          .contains("Begrunnelse: Styret mener at godkjent er riktig.");
    }
    // The board member who decided is not told by the decision mail (only innsender and lokal leder).
    assertThat(TestEpost.til(epost(STYRE_LARVIK), "Vedtak i " + referanse)).isEmpty();
  }

  @Test
  void avslagVarslesEnGangMedVedtaketsGrunnlagOgUtenEgetVedtaksvarsel() {
    ProcessInstance ap = driver.start(AP_LARVIK, Forslag.gyldig());
    String referanse = driver.referanse(ap);
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, svar("vurdering", "komplett", "vurderingKommentar", "Ok."));
    driver.fullfor(ap, "Task_Styrebehandling", STYRE_LARVIK, styrevedtak("avslatt", "22/31"));

    assertThat(driver.varslinger(referanse, Varselhendelse.VEDTAK)).isEmpty();
    driver.utfor(ap.getId(), "EndEvent_StyreAvslatt");
    for (String mottaker : List.of(AP_LARVIK, LEDER_LARVIK)) {
      List<MimeMessage> epost = TestEpost.til(epost(mottaker), referanse + " er avslått");
      assertThat(epost).as("avslag til %s", mottaker).hasSize(1);
      assertThat(emne(epost.get(0)))
          .isEqualTo("Arbeidspakken " + referanse + " er avslått – Praksisplasser i kommunale virksomheter");
      assertThat(deler(epost.get(0)).get("text/plain")).contains("er avslått av lokalt styre")
          .contains("Saksnummer: 22/31").contains("Begrunnelse: Styret mener at avslatt er riktig.");
    }
  }

  @Test
  void avvistForslagGaarTilInnsenderMedLederensKommentar() {
    ProcessInstance ap = driver.start(AP_LARVIK, Forslag.gyldig());
    String referanse = driver.referanse(ap);
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK,
        svar("vurdering", "avvist", "vurderingKommentar", "Dette dekkes av et annet tiltak."));
    driver.utfor(ap.getId(), "EndEvent_Avvist");
    List<MimeMessage> epost = TestEpost.til(epost(AP_LARVIK), "Forslaget " + referanse + " er avvist");
    assertThat(epost).hasSize(1);
    assertThat(deler(epost.get(0)).get("text/plain")).contains("Kommentar: Dette dekkes av et annet tiltak.");
    assertThat(TestEpost.til(epost(LEDER_LARVIK), "Forslaget " + referanse + " er avvist")).isEmpty();
  }

  @Test
  void styretPaminnesEtterEnSyklusOgProgramlederVarslesEtterTo() {
    ProcessInstance ap = driver.start(AP_LARVIK, Forslag.gyldig());
    String referanse = driver.referanse(ap);
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, svar("vurdering", "komplett", "vurderingKommentar", "Ok."));
    Task styrebehandling = driver.oppgave(ap, "Task_Styrebehandling");

    Job paminnelse = driver.jobb(ap.getId(), "Timer_StyrePaminnelse");
    assertThat(paminnelse.getDuedate()).isEqualTo(pluss(START, frister.getStyresyklus()));
    ClockUtil.setCurrentTime(paminnelse.getDuedate());
    driver.management.executeJob(paminnelse.getId());
    driver.utfor(ap.getId(), "EndEvent_StyrePaminnet");
    List<MimeMessage> tilStyret = TestEpost.til(epost(STYRE_LARVIK), "Påminnelse: " + referanse);
    assertThat(tilStyret).hasSize(1);
    assertThat(emne(tilStyret.get(0))).isEqualTo("Påminnelse: " + referanse + " venter på vedtak");
    assertThat(deler(tilStyret.get(0)).get("text/html")).contains(OPPGAVESIDE + styrebehandling.getId())
        .contains("fristen var " + Tidssone.norskDato(styrebehandling.getDueDate()));
    assertThat(TestEpost.til(epost(PROGRAMLEDER), referanse)).isEmpty();

    Job eskalering = driver.jobb(ap.getId(), "Timer_StyreEskalering");
    assertThat(eskalering.getDuedate()).isEqualTo(pluss(START, frister.getEskalering()));
    ClockUtil.setCurrentTime(eskalering.getDuedate());
    driver.management.executeJob(eskalering.getId());
    driver.utfor(ap.getId(), "EndEvent_StyrebehandlingEskalert");
    List<MimeMessage> tilProgramleder = TestEpost.til(epost(PROGRAMLEDER), referanse);
    assertThat(tilProgramleder).hasSize(1);
    assertThat(emne(tilProgramleder.get(0)))
        .isEqualTo("Forsinket vedtak: " + referanse + " har ventet i to styresykluser");
    assertThat(deler(tilProgramleder.get(0)).get("text/plain")).contains("(«Styrebehandling»)")
        .contains(OPPGAVESIDE + styrebehandling.getId());
    // Still one reminder to the board: the escalation is another mail to someone else.
    assertThat(TestEpost.til(epost(STYRE_LARVIK), "Påminnelse: " + referanse)).hasSize(1);
  }

  @Test
  void rodPilotstatusOgForsinketRapportVarslesMedInnholdOgLenke() {
    ProcessInstance ap = driver.start(AP_LARVIK, Forslag.gyldig());
    String referanse = driver.referanse(ap);
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, svar("vurdering", "komplett", "vurderingKommentar", "Ok."));
    driver.fullfor(ap, "Task_Styrebehandling", STYRE_LARVIK, styrevedtak("godkjent", "23/31"));

    Job syklus = driver.jobb(ap.getId(), "StartEvent_Rapportsyklus");
    ClockUtil.setCurrentTime(syklus.getDuedate());
    driver.management.executeJob(syklus.getId());
    Task rapport = driver.oppgave(ap, "Task_Fremdriftsrapport");
    Job forsinket = driver.jobb(ap.getId(), "Timer_FremdriftsrapportPaminnelse");
    assertThat(forsinket.getDuedate()).isEqualTo(pluss(syklus.getDuedate(), frister.getFremdriftsrapport()));
    ClockUtil.setCurrentTime(forsinket.getDuedate());
    driver.management.executeJob(forsinket.getId());
    driver.utfor(ap.getId(), "EndEvent_FremdriftsrapportPaminnet");
    List<MimeMessage> paminnelse = TestEpost.til(epost(AP_LARVIK), "fremdriftsrapporten for " + referanse);
    assertThat(paminnelse).hasSize(1);
    assertThat(emne(paminnelse.get(0)))
        .isEqualTo("Påminnelse: fremdriftsrapporten for " + referanse + " er forsinket");
    assertThat(deler(paminnelse.get(0)).get("text/html")).contains(OPPGAVESIDE + rapport.getId())
        .contains("fristen var " + Tidssone.norskDato(rapport.getDueDate()));

    driver.fullfor(ap, "Task_Fremdriftsrapport", AP_LARVIK, svar("pilotstatus", "rod", "fremdrift", "Seint i gang.",
        "forbruktBelop", 40000, "avvik", "Veilederne mangler.", "trengerBeslutning", true));
    driver.utfor(ap.getId(), "EndEvent_AvvikVarslet");
    for (String mottaker : List.of(LEDER_LARVIK, STYRE_LARVIK)) {
      List<MimeMessage> epost = TestEpost.til(epost(mottaker), "Piloten " + referanse + " trenger oppmerksomhet");
      assertThat(epost).as("avvik til %s", mottaker).hasSize(1);
      assertThat(deler(epost.get(0)).get("text/plain")).contains("Status: rød")
          .contains("Arbeidspakkelederen ber om en beslutning.").contains("Avvik: Veilederne mangler.")
          .contains("Fremdrift: Seint i gang.");
    }
  }

  @Test
  void brukerUtenEpostadresseOgTomGruppeHoppesOverOgLogges() {
    var identitet = engine.getIdentityService();
    String gruppe = "varseltest-uten-epost";
    if (identitet.createGroupQuery().groupId(gruppe).count() == 0) {
      identitet.saveGroup(identitet.newGroup(gruppe));
      bruker("uten.epost", null, gruppe);
      bruker("med.epost", "med.epost@vareunge.test", gruppe);
      identitet.saveGroup(identitet.newGroup("varseltest-tom"));
    }
    String referanse = "VT-UTEN-EPOST";
    ProcessInstance varsling = engine.getRuntimeService().startProcessInstanceByMessage("Varsel", referanse,
        svar("hendelse", "PAMINNELSE", "mottakergrupper", gruppe + ",varseltest-tom", "referanse", referanse));
    assertThat(varsling.getTenantId()).isNull();
    driver.send(varsling);

    // Not an error: the notification is done, nobody is left to retry for.
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(varsling.getId()).count())
        .isZero();
    assertThat(logg.forProsessinstans(varsling.getId()))
        .extracting(Varsel::mottaker, Varsel::gruppe, Varsel::status, Varsel::melding)
        .containsExactly(
            tuple("med.epost", gruppe, Varselstatus.SENDT, null),
            tuple("uten.epost", gruppe, Varselstatus.HOPPET_OVER, "brukeren har ingen e-postadresse"),
            tuple("gruppe:varseltest-tom", "varseltest-tom", Varselstatus.HOPPET_OVER, "gruppen har ingen medlemmer"));
    assertThat(TestEpost.til("med.epost@vareunge.test", referanse)).hasSize(1);
  }

  @Test
  void utenEposttjenerRegistreresVarseletOgSkrivesILoggen() {
    // The application without spring.mail.host: no JavaMailSender bean at all.
    Varselutsender utenTjener = new Varselutsender(logg, maler, egenskaper,
        new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class));
    String referanse = "VT-UTEN-SMTP";
    int for_ = TestEpost.alle().size();
    utenTjener.send(new Varselutsender.Utsending("vt-uten-smtp/1", Varselhendelse.ESKALERING, "eskalering", referanse,
            "vt-uten-smtp", Map.of("referanse", referanse)),
        List.of(new Mottaker(PROGRAMLEDER, "Programleder", epost(PROGRAMLEDER), "programleder")));

    assertThat(logg.forProsessinstans("vt-uten-smtp"))
        .extracting(Varsel::mottaker, Varsel::emne, Varsel::status, Varsel::melding)
        .containsExactly(tuple(PROGRAMLEDER, "Forsinket vedtak: VT-UTEN-SMTP har ventet i to styresykluser",
            Varselstatus.REGISTRERT, "ikke sendt: e-post er ikke satt opp"));
    assertThat(TestEpost.alle()).hasSize(for_);
  }

  private void bruker(String id, String adresse, String gruppe) {
    var identitet = engine.getIdentityService();
    User u = identitet.newUser(id);
    u.setFirstName(id);
    u.setEmail(adresse);
    u.setPassword(TestBrukere.PASSORD);
    identitet.saveUser(u);
    identitet.createMembership(id, gruppe);
  }

  private static String emne(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An ISO-8601 duration added as the engine adds it. */
  static Date pluss(Date fra, String varighet) {
    try {
      java.util.GregorianCalendar kalender = new java.util.GregorianCalendar();
      kalender.setTime(fra);
      javax.xml.datatype.DatatypeFactory.newInstance().newDuration(varighet).addTo(kalender);
      return kalender.getTime();
    } catch (javax.xml.datatype.DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
