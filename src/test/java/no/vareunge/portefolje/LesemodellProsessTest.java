package no.vareunge.portefolje;

import no.vareunge.tilgang.Kommuneutvalg;
import static no.vareunge.TestBrukere.AP_HORTEN;
import static no.vareunge.TestBrukere.AP_LARVIK;
import static no.vareunge.TestBrukere.EIERSTYRET;
import static no.vareunge.TestBrukere.LEDER_HORTEN;
import static no.vareunge.TestBrukere.LEDER_LARVIK;
import static no.vareunge.Testklokke.pluss;
import static no.vareunge.Testklokke.settKlokke;
import static no.vareunge.Testklokke.tidspunkt;
import static no.vareunge.arbeidspakke.Skjemasvar.eierstyrevedtak;
import static no.vareunge.arbeidspakke.Skjemasvar.evaluering;
import static no.vareunge.arbeidspakke.Skjemasvar.fremdriftsrapport;
import static no.vareunge.arbeidspakke.Skjemasvar.overforingTilDrift;
import static no.vareunge.arbeidspakke.Skjemasvar.videreDriftDrift;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Date;
import java.util.List;
import java.util.Map;
import no.vareunge.Forslag;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import no.vareunge.arbeidspakke.Fase;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portfolio's read model follows the process step by step, in the step's own transaction,
 * and is read only within the reader's kommuner.
 */
@VareungeTest
class LesemodellProsessTest {

  private static final Date START = tidspunkt(2031, 3, 3);

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired Portefolje portefolje;
  @Autowired Oppgaveoversikt oppgaveoversikt;
  @Autowired TransactionTemplate transaksjon;

  private ArbeidspakkeDriver driver;

  @BeforeEach
  void forbered() {
    TestBrukere.opprett(identity);
    ClockUtil.setCurrentTime(START);
    driver = new ArbeidspakkeDriver(engine);
  }

  @AfterEach
  void rydd() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void radenFolgerPakkenFraForslagTilDrift() {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("tittel", "Lesemodell: felles opptak til lærlingplasser");
    forslag.put("budsjett", 800000); // over the limit: eierstyret decides
    forslag.put("pilotvarighetMnd", 3);
    ProcessInstance ap = driver.startForslag(AP_LARVIK, forslag);
    Arbeidspakkerad rad = rad(ap);
    assertThat(rad.referanse()).matches("AP-2031-LAR-\\d{3}");
    assertThat(rad).extracting(Arbeidspakkerad::prosessinstansId, Arbeidspakkerad::tittel, Arbeidspakkerad::kommune,
            Arbeidspakkerad::kommunenavn, Arbeidspakkerad::fase, Arbeidspakkerad::leder, Arbeidspakkerad::beslutningsniva,
            Arbeidspakkerad::bevilgetBelop, Arbeidspakkerad::pilotvarighetMnd)
        .containsExactly(ap.getId(), "Lesemodell: felles opptak til lærlingplasser", "larvik", "Larvik",
            Fase.VURDERING, AP_LARVIK, null, null, 3);
    assertThat(rad.budsjett()).isEqualByComparingTo("800000");
    assertThat(rad.registrert()).isEqualTo(START);

    settKlokke(pluss(START, "P1D"));
    driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
    assertThat(rad(ap)).extracting(Arbeidspakkerad::fase, Arbeidspakkerad::beslutningsniva)
        .containsExactly(Fase.BESLUTNING, "EIERSTYRE");

    Date godkjent = settKlokke(pluss(START, "P20D"));
    driver.fullfor(ap, "Task_BehandlingEierstyre", EIERSTYRET, eierstyrevedtak("godkjent", "3/31", "2031-03-22", 650000));
    rad = rad(ap);
    assertThat(rad).extracting(Arbeidspakkerad::fase, Arbeidspakkerad::godkjentNiva, Arbeidspakkerad::godkjentDato,
            Arbeidspakkerad::pilotStartdato)
        .containsExactly(Fase.PILOTERING, "EIERSTYRE", godkjent, godkjent);
    assertThat(rad.bevilgetBelop()).as("eierstyret bevilget mindre enn budsjettet").isEqualByComparingTo("650000");
    assertThat(rad.pilotSluttdato()).isAfter(godkjent);
    assertThat(portefolje.vedtak(Kommuneutvalg.bare(List.of("larvik")), godkjent, 50))
        .extracting(Vedtakspost::referanse, Vedtakspost::utfall, Vedtakspost::sakNr, Vedtakspost::besluttetAv)
        .contains(tuple(rad.referanse(), "godkjent", "3/31", EIERSTYRET));

    Date rapportert = settKlokke(pluss(START, "P62D"));
    driver.utforJobb(ap, "StartEvent_Rapportsyklus");
    driver.fullfor(ap, "Task_Fremdriftsrapport", AP_LARVIK, fremdriftsrapport("rod", 120000, true));
    rad = rad(ap);
    assertThat(rad).extracting(Arbeidspakkerad::pilotstatus, Arbeidspakkerad::sisteRapport)
        .containsExactly("rod", rapportert);
    assertThat(rad.forbruktBelop()).isEqualByComparingTo("120000");
    assertThat(portefolje.rapporter(ap.getId()))
        .extracting(Fremdriftsrapport::pilotstatus, r -> r.forbruktBelop().intValue(),
            Fremdriftsrapport::trengerBeslutning, Fremdriftsrapport::rapportertAv, Fremdriftsrapport::tidspunkt)
        .containsExactly(tuple("rod", 120000, true, AP_LARVIK, rapportert));
    assertThat(portefolje.piloterMedStatus(Kommuneutvalg.bare(List.of("larvik")), List.of("rod", "gul")))
        .extracting(Arbeidspakkerad::referanse).contains(rad.referanse());

    driver.utforJobbNarDenForfaller(ap, "Timer_PilotSlutt");
    assertThat(rad(ap).fase()).isEqualTo(Fase.EVALUERING);
    driver.fullfor(ap, "Task_Evaluering", AP_LARVIK, evaluering("drift"));
    driver.fullfor(ap, "Task_BeslutningVidereDrift", EIERSTYRET, videreDriftDrift("9/31", "kommune", 300000));
    assertThat(rad(ap).driftsstart()).isNull();
    Date idrift = settKlokke(pluss(START, "P120D"));
    driver.fullfor(ap, "Task_OverforingTilDrift", LEDER_LARVIK, overforingTilDrift());
    assertThat(rad(ap)).extracting(Arbeidspakkerad::fase, Arbeidspakkerad::driftsstart, Arbeidspakkerad::avsluttet)
        .containsExactly(Fase.DRIFT, idrift, null);
  }

  @Test
  void enKommuneSerBareSineEgnePakkerOgTallene() {
    ProcessInstance larvik = driver.startForslag(AP_LARVIK, Forslag.gyldig());
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("kommune", "horten");
    forslag.put("tittel", "Lesemodell: mentorordning i Horten");
    ProcessInstance horten = driver.startForslag(AP_HORTEN, forslag);
    String hortensReferanse = rad(horten).referanse();

    Kommuneutvalg bareLarvik = Kommuneutvalg.bare(List.of("larvik"));
    assertThat(portefolje.hent(bareLarvik, hortensReferanse)).isEmpty();
    assertThat(portefolje.hent(bareLarvik, rad(larvik).referanse())).isPresent();
    assertThat(portefolje.sok(bareLarvik, Portefoljesok.alle()).treff()).extracting(Arbeidspakkerad::kommune)
        .isNotEmpty().containsOnly("larvik");
    assertThat(portefolje.sok(bareLarvik, new Portefoljesok(null, null, null, "mentorordning i horten", 0, 10)).totalt())
        .isZero();
    assertThat(portefolje.sok(Kommuneutvalg.ALLE, new Portefoljesok(null, null, null, "MENTORORDNING i Horten", 0, 10))
        .treff()).extracting(Arbeidspakkerad::referanse).contains(hortensReferanse);
    assertThat(portefolje.perKommuneOgFase(bareLarvik)).extracting(Fasetelling::kommune).containsOnly("larvik");
    assertThat(portefolje.okonomiPerKommune(bareLarvik)).extracting(Kommuneokonomi::kommune).containsExactly("larvik");
    assertThat(portefolje.sok(Kommuneutvalg.bare(List.of()), Portefoljesok.alle()).totalt()).isZero();

    // Avvist: an end state is dated once.
    Date avvist = settKlokke(pluss(START, "P2D"));
    driver.fullfor(horten, "Task_VurderForslag", LEDER_HORTEN, vurdering("avvist"));
    driver.utforJobb(horten, "EndEvent_Avvist");
    assertThat(rad(horten)).extracting(Arbeidspakkerad::fase, Arbeidspakkerad::avsluttet)
        .containsExactly(Fase.AVVIST, avvist);
  }

  @Test
  void etStegSomRullesTilbakeEtterlaterRadenUendret() {
    ProcessInstance ap = driver.startForslag(AP_LARVIK, Forslag.gyldig());
    String referanse = rad(ap).referanse();
    // The engine joins the surrounding transaction; when it rolls back, so does the read model.
    transaksjon.executeWithoutResult(status -> {
      driver.fullfor(ap, "Task_VurderForslag", LEDER_LARVIK, vurdering("komplett"));
      assertThat(portefolje.hent(Kommuneutvalg.ALLE, referanse).orElseThrow().fase()).isEqualTo(Fase.BESLUTNING);
      status.setRollbackOnly();
    });
    assertThat(portefolje.hent(Kommuneutvalg.ALLE, referanse).orElseThrow().fase()).isEqualTo(Fase.VURDERING);
    assertThat(driver.oppgave(ap, "Task_VurderForslag")).isNotNull();
  }

  @Test
  void forfalteOppgaverVisesInnenforKommunenMedPakkensReferanse() {
    ProcessInstance ap = driver.startForslag(AP_LARVIK, Forslag.gyldig());
    String referanse = rad(ap).referanse();
    Kommuneutvalg bareLarvik = Kommuneutvalg.bare(List.of("larvik"));
    assertThat(oppgaveoversikt.forfalte(bareLarvik, 1000)).extracting(ApenOppgave::referanse).doesNotContain(referanse);
    assertThat(oppgaveoversikt.apne(ap.getId())).extracting(ApenOppgave::aktivitet, ApenOppgave::referanse)
        .containsExactly(tuple("Task_VurderForslag", referanse));

    settKlokke(pluss(START, "P15D")); // the assessment is due after 14 days
    assertThat(oppgaveoversikt.forfalte(bareLarvik, 1000))
        .extracting(ApenOppgave::referanse, ApenOppgave::navn, ApenOppgave::kommune)
        .contains(tuple(referanse, "Vurder forslag", "larvik"));
    assertThat(oppgaveoversikt.antallForfalte(bareLarvik)).isPositive();
    assertThat(oppgaveoversikt.forfalte(Kommuneutvalg.bare(List.of("horten")), 1000))
        .extracting(ApenOppgave::referanse).doesNotContain(referanse);
    assertThat(oppgaveoversikt.antallForfalte(Kommuneutvalg.bare(List.of()))).isZero();
  }

  /** The package's row, found by its reference (the business key), also after the process ended. */
  private Arbeidspakkerad rad(ProcessInstance ap) {
    String referanse = history.createHistoricProcessInstanceQuery().processInstanceId(ap.getId()).singleResult()
        .getBusinessKey();
    return portefolje.hent(Kommuneutvalg.ALLE, referanse).orElseThrow();
  }
}
