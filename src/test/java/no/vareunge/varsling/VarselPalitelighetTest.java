package no.vareunge.varsling;

import static no.vareunge.TestBrukere.AP_LARVIK;
import static no.vareunge.TestBrukere.LEDER_LARVIK;
import static no.vareunge.TestBrukere.STYRE_LARVIK;
import static no.vareunge.TestBrukere.epost;
import static no.vareunge.varsling.Varslingsdriver.styrevedtak;
import static no.vareunge.varsling.Varslingsdriver.svar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.vareunge.Forslag;
import no.vareunge.TestBrukere;
import no.vareunge.TestEpost;
import no.vareunge.VareungeTest;
import no.vareunge.felles.Tidssone;
import no.vareunge.frister.Frister;
import no.vareunge.vedtak.Vedtaksprotokoll;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A notification never blocks or rolls back a decision, is never lost, and reaches each
 * recipient exactly once: the mail server down, retries by {@code frister.jobbRetry} on the engine
 * clock, an incident when they are used up, and delivery once the server is back.
 */
@VareungeTest
class VarselPalitelighetTest {

  private static final Date START = Date.from(LocalDateTime.of(2032, 5, 3, 9, 0).atZone(Tidssone.NORGE).toInstant());
  private static final Pattern RETRY = Pattern.compile("R(\\d+)/(P.+)");

  @Autowired ProcessEngine engine;
  @Autowired Frister frister;
  @Autowired Varsellogg logg;
  @Autowired Vedtaksprotokoll vedtaksprotokoll;

  private Varslingsdriver driver;

  @BeforeEach
  void forbered() {
    TestBrukere.opprett(engine.getIdentityService());
    ClockUtil.setCurrentTime(START);
    driver = new Varslingsdriver(engine);
  }

  @AfterEach
  void rydd() {
    TestEpost.start();
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void nedeEposttjenerHindrerIkkeVedtaketOgVarseletLeveresEnGangNarDenErTilbake() {
    ProcessInstance ap = driver.start(AP_LARVIK, Forslag.gyldig());
    String referanse = driver.referanse(ap);
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, svar("vurdering", "komplett", "vurderingKommentar", "Ok."));

    TestEpost.stopp();
    // The board's decision is committed although no mail can be sent.
    driver.fullfor(ap, "Task_Styrebehandling", STYRE_LARVIK, styrevedtak("godkjent", "31/32"));
    assertThat(engine.getRuntimeService().getVariable(ap.getId(), "fase")).isEqualTo("PILOTERING");
    assertThat(vedtaksprotokoll.forReferanse(referanse)).hasSize(1);

    ProcessInstance varsling = driver.varsling(referanse, Varselhendelse.VEDTAK);
    Matcher syklus = RETRY.matcher(frister.getJobbRetry());
    assertThat(syklus.matches()).isTrue();
    int forsok = Integer.parseInt(syklus.group(1));
    String pause = syklus.group(2);

    // Each failure: one retry fewer, the next one after the configured pause on the engine clock.
    Job jobb = driver.jobb(varsling.getId(), "Task_SendVarsel");
    int utfort = 0;
    while (jobb.getRetries() > 0) {
      Date na = ClockUtil.getCurrentTime();
      String jobbId = jobb.getId();
      assertThatThrownBy(() -> driver.management.executeJob(jobbId)).hasMessageContaining("kom ikke fram til");
      utfort++;
      Job etter = driver.jobb(varsling.getId(), "Task_SendVarsel");
      if (etter.getRetries() > 0) {
        assertThat(etter.getDuedate()).isEqualTo(VarslingTest.pluss(na, pause));
        ClockUtil.setCurrentTime(etter.getDuedate());
      }
      jobb = etter;
    }
    assertThat(utfort).as("forsøk før hendelsen (incident)").isEqualTo(forsok);
    Incident hendelse = engine.getRuntimeService().createIncidentQuery().processInstanceId(varsling.getId())
        .singleResult();
    assertThat(hendelse).isNotNull();
    assertThat(hendelse.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(hendelse.getIncidentMessage()).contains("kom ikke fram til").contains(AP_LARVIK).contains(LEDER_LARVIK);
    assertThat(logg.forProsessinstans(ap.getId())).filteredOn(v -> v.hendelse() == Varselhendelse.VEDTAK)
        .extracting(Varsel::mottaker, Varsel::status, Varsel::forsok)
        .containsExactlyInAnyOrder(tuple(AP_LARVIK, Varselstatus.FEILET, forsok),
            tuple(LEDER_LARVIK, Varselstatus.FEILET, forsok));

    // The server is back; the administrator retries in Cockpit (set retries), the job runs.
    TestEpost.start();
    driver.management.setJobRetries(jobb.getId(), 1);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(varsling.getId()).count()).isZero();
    driver.send(varsling);
    assertThat(TestEpost.til(epost(AP_LARVIK), "Vedtak i " + referanse)).hasSize(1);
    assertThat(TestEpost.til(epost(LEDER_LARVIK), "Vedtak i " + referanse)).hasSize(1);
    assertThat(logg.forProsessinstans(ap.getId())).filteredOn(v -> v.hendelse() == Varselhendelse.VEDTAK)
        .extracting(Varsel::mottaker, Varsel::status, Varsel::forsok)
        .containsExactlyInAnyOrder(tuple(AP_LARVIK, Varselstatus.SENDT, forsok + 1),
            tuple(LEDER_LARVIK, Varselstatus.SENDT, forsok + 1));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(varsling.getId()).count())
        .isZero();
  }

  @Test
  void denSomFikkEpostenForsteGangFaarDenIkkeIgjenNarEnAnnenFeilet() {
    var identitet = engine.getIdentityService();
    String gruppe = "varseltest-delvis";
    if (identitet.createGroupQuery().groupId(gruppe).count() == 0) {
      identitet.saveGroup(identitet.newGroup(gruppe));
      bruker("delvis.a", "delvis.a@vareunge.test", gruppe);
      bruker("delvis.b", "delvis b ugyldig", gruppe);
    }
    String referanse = "VT-DELVIS";
    ProcessInstance varsling = engine.getRuntimeService().startProcessInstanceByMessage("Varsel", referanse,
        svar("hendelse", "ESKALERING", "mottakergrupper", gruppe, "referanse", referanse));

    assertThatThrownBy(() -> driver.send(varsling)).hasMessageContaining("kom ikke fram til delvis.b");
    assertThat(TestEpost.til("delvis.a@vareunge.test", referanse)).hasSize(1);
    assertThat(logg.forProsessinstans(varsling.getId()))
        .extracting(Varsel::mottaker, Varsel::status, Varsel::forsok)
        .containsExactly(tuple("delvis.a", Varselstatus.SENDT, 1), tuple("delvis.b", Varselstatus.FEILET, 1));

    // The address is corrected; the retry sends to delvis.b only.
    User b = identitet.createUserQuery().userId("delvis.b").singleResult();
    b.setEmail("delvis.b@vareunge.test");
    identitet.saveUser(b);
    Job jobb = driver.jobb(varsling.getId(), "Task_SendVarsel");
    ClockUtil.setCurrentTime(jobb.getDuedate());
    driver.send(varsling);

    assertThat(TestEpost.til("delvis.a@vareunge.test", referanse)).hasSize(1);
    assertThat(TestEpost.til("delvis.b@vareunge.test", referanse)).hasSize(1);
    assertThat(logg.forProsessinstans(varsling.getId()))
        .extracting(Varsel::mottaker, Varsel::status, Varsel::forsok, Varsel::epost)
        .containsExactly(tuple("delvis.a", Varselstatus.SENDT, 1, "delvis.a@vareunge.test"),
            tuple("delvis.b", Varselstatus.SENDT, 2, "delvis.b@vareunge.test"));
  }

  @Test
  void vedtaketRullesTilbakeSaaBlirIngenVarslingStartet() {
    ProcessInstance ap = driver.start(AP_LARVIK, Forslag.gyldig());
    String referanse = driver.referanse(ap);
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, svar("vurdering", "komplett", "vurderingKommentar", "Ok."));
    // The decision fails after the decision listener ran (no way out of the gateway for an unknown
    // outcome): the transaction rolls back, and with it the vedtak and the notification.
    assertThatThrownBy(() -> driver.fullfor(ap, "Task_Styrebehandling", STYRE_LARVIK,
        styrevedtak("ugyldig", "33/32"))).hasMessageContaining("Gateway_Styrevedtak");
    assertThat(vedtaksprotokoll.forReferanse(referanse)).isEmpty();
    assertThat(driver.varslinger(referanse, Varselhendelse.VEDTAK)).isEmpty();
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
}
